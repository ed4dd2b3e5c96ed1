"""The province map the reader pages show: every province of a language with its stories (the
story listings themselves are StoryPage.objects' methods: in_language, cards, related_to, ...)."""

from story_pages.models import ProvinceKind, ProvincePage, StoryPage
from story_pages.reading import cartogram


def province_map(locale_id, request=None) -> cartogram.Cartogram:
    """The 63 provinces of this language's tree, each with its published stories."""
    counts = StoryPage.objects.in_language(locale_id).counts_by_province()
    provinces = ProvincePage.objects.live().filter(locale_id=locale_id).order_by("code")
    return cartogram.build(
        [
            cartogram.Place(
                key=province.code,
                name=province.short_name,
                longitude=province.longitude,
                latitude=province.latitude,
                count=counts.get(province.path, 0),
                url=province.get_url(request),
                labelled=province.kind == ProvinceKind.CITY,
            )
            for province in provinces
        ]
    )
