"""The solution index in every language, and who may write under it; idempotent.

The Vietnamese index sits under the Vietnamese home page (/giai-phap/); each other language gets a
real translation (/en/solutions/), as the province index does (story_pages/fixed_pages.py).
Moderators write and publish the solutions; editors record adoptions
(``learning/adoption_views.py``), not solution pages.
"""

from django.db import transaction

from story_pages.fixed_pages import default_home, ensure_page_in_every_language, grant_moderators
from story_pages.learning.solutions import SolutionIndexPage

# Fixed per language, as the province index's: URLs never depend on a compiled catalogue.
INDEX = {
    "vi": {
        "title": "Giải pháp",
        "slug": "giai-phap",
        "intro": "Các giải pháp, nền tảng số do các tỉnh xây dựng, và những nơi đã nhân rộng.",
    },
    "en": {
        "title": "Solutions",
        "slug": "solutions",
        "intro": (
            "Digital solutions and platforms built by the provinces, and where they have been replicated."
        ),
    },
}


@transaction.atomic
def ensure_solution_index() -> SolutionIndexPage:
    home = default_home()
    pages = ensure_page_in_every_language(
        home,
        SolutionIndexPage.objects.child_of(home).first(),
        lambda values: SolutionIndexPage(**values),
        INDEX,
    )
    grant_moderators(pages)
    return pages[0]
