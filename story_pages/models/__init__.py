from .content_version import ContentVersionRecord
from .provinces import ProvinceIndexPage, ProvinceKind, ProvincePage, ProvinceStatus
from .review import StoryReviewTask
from .stories import Licence, StoryFormat, StoryPage, Theme

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
