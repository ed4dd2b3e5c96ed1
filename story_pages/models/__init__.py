from story_pages.models.content_version import ContentVersionRecord
from story_pages.models.provinces import ProvinceIndexPage, ProvinceKind, ProvincePage, ProvinceStatus
from story_pages.models.review import StoryReviewTask
from story_pages.models.stories import Licence, StoryFormat, StoryPage, Theme
from story_pages.models.video import ProcessingState, VideoProcessing, VideoRendition

__all__ = [
    "ContentVersionRecord",
    "Licence",
    "ProcessingState",
    "ProvinceIndexPage",
    "ProvinceKind",
    "ProvincePage",
    "ProvinceStatus",
    "StoryFormat",
    "StoryPage",
    "StoryReviewTask",
    "Theme",
    "VideoProcessing",
    "VideoRendition",
]
