from story_pages.models.content_version import ContentVersionRecord
from story_pages.models.provinces import ProvinceIndexPage, ProvinceKind, ProvincePage, ProvinceStatus
from story_pages.models.review import StoryReviewTask
from story_pages.models.stories import Licence, StoryFormat, StoryPage, Theme

__all__ = [
    "ContentVersionRecord",
    "Licence",
    "ProvinceIndexPage",
    "ProvinceKind",
    "ProvincePage",
    "ProvinceStatus",
    "StoryFormat",
    "StoryPage",
    "StoryReviewTask",
    "Theme",
]
