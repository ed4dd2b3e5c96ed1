from story_pages.learning.calls import CallForStoriesPage
from story_pages.learning.conferences import ConferenceIndexPage, ConferencePage
from story_pages.learning.paths import LearningPathIndexPage, LearningPathPage
from story_pages.models.changes import StoryChange
from story_pages.models.content_version import ContentVersionRecord
from story_pages.models.provinces import ProvinceIndexPage, ProvinceKind, ProvincePage, ProvinceStatus
from story_pages.models.review import StoryReviewTask
from story_pages.models.stories import Licence, StoryFormat, StoryPage, Theme
from story_pages.models.video import ProcessingState, VideoProcessing, VideoRendition
from story_pages.models.webhooks import (
    AttemptOutcome,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "AttemptOutcome",
    "CallForStoriesPage",
    "ConferenceIndexPage",
    "ConferencePage",
    "ContentVersionRecord",
    "DeliveryStatus",
    "LearningPathIndexPage",
    "LearningPathPage",
    "Licence",
    "ProcessingState",
    "ProvinceIndexPage",
    "ProvinceKind",
    "ProvincePage",
    "ProvinceStatus",
    "StoryChange",
    "StoryFormat",
    "StoryPage",
    "StoryReviewTask",
    "Theme",
    "VideoProcessing",
    "VideoRendition",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
