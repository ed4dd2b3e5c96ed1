from .provinces import ProvinceIndexPage, ProvinceKind, ProvincePage, ProvinceStatus
from .review import StoryReviewTask
from .stories import Licence, StoryFormat, StoryPage, Theme

__all__ = [
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
