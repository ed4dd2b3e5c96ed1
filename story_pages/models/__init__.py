from story_pages.learning.adoptions import AdoptionStatus, SolutionAdoption
from story_pages.learning.calls import CallForStoriesPage
from story_pages.learning.conferences import ConferenceIndexPage, ConferencePage
from story_pages.learning.contact_models import ContactRequest
from story_pages.learning.paths import LearningPathIndexPage, LearningPathPage
from story_pages.learning.solutions import SolutionIndexPage, SolutionPage, StorySolution
from story_pages.learning.usefulness import UsefulnessDay
from story_pages.models.changes import StoryChange
from story_pages.models.content_version import CacheTagVersion, ContentVersionRecord
from story_pages.models.provinces import (
    CREDIT_WORDING_PERMISSION,
    ProvinceIndexPage,
    ProvinceKind,
    ProvincePage,
    ProvinceStatus,
)
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
from story_pages.official.information import InformationKind, InformationPage
from story_pages.official.owner import SiteOwner

__all__ = [
    "CREDIT_WORDING_PERMISSION",
    "AdoptionStatus",
    "AttemptOutcome",
    "CacheTagVersion",
    "CallForStoriesPage",
    "ConferenceIndexPage",
    "ConferencePage",
    "ContactRequest",
    "ContentVersionRecord",
    "DeliveryStatus",
    "InformationKind",
    "InformationPage",
    "LearningPathIndexPage",
    "LearningPathPage",
    "Licence",
    "ProcessingState",
    "ProvinceIndexPage",
    "ProvinceKind",
    "ProvincePage",
    "ProvinceStatus",
    "SiteOwner",
    "SolutionAdoption",
    "SolutionIndexPage",
    "SolutionPage",
    "StoryChange",
    "StoryFormat",
    "StoryPage",
    "StoryReviewTask",
    "StorySolution",
    "Theme",
    "UsefulnessDay",
    "VideoProcessing",
    "VideoRendition",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
