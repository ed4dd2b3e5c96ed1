"""The About and Contact pages in every language, linked from every page's footer; idempotent.

Made as the solution index is (story_pages/fixed_pages.py): fixed slugs in every language, and what
the ministry has written since is kept. /lien-he/<id>/ is the form
that reaches a story's team, so the site's own contact page is /lien-he-chung/.
"""

from django.db import transaction
from wagtail.models import Site

from story_pages.fixed_pages import default_home, ensure_page_in_every_language, grant_moderators
from story_pages.official.information import InformationKind, InformationPage
from story_pages.official.owner import SiteOwner

PAGES = {
    InformationKind.ABOUT: {
        "vi": {
            "title": "Giới thiệu",
            "slug": "gioi-thieu",
            "intro": (
                "T63 là nơi các tỉnh, thành phố chia sẻ câu chuyện chuyển đổi số và bài học kinh nghiệm."
            ),
            "body": (
                "<p>Các tỉnh, thành phố đăng câu chuyện thành công và bài học về chuyển đổi số, để các "
                "địa phương khác học hỏi, bạn đọc quốc tế đọc bằng tiếng Anh, và báo chí, đài phát thanh, "
                "truyền hình sử dụng làm tư liệu.</p>"
            ),
        },
        "en": {
            "title": "About",
            "slug": "about",
            "intro": (
                "T63 is where Vietnam's provinces share their digital transformation stories and lessons."
            ),
            "body": (
                "<p>The provinces and cities publish their successes and lessons in digital "
                "transformation, so that other provinces can learn from them, international readers can "
                "read them in English, and newspapers, radio and television can use them.</p>"
            ),
        },
    },
    InformationKind.CONTACT: {
        "vi": {
            "title": "Liên hệ",
            "slug": "lien-he-chung",
            "intro": "Liên hệ với đơn vị quản lý T63.",
            "body": (
                "<p>Để hỏi về một câu chuyện, hãy dùng liên kết “Hỏi đơn vị triển khai” "
                "trên trang câu chuyện.</p>"
            ),
        },
        "en": {
            "title": "Contact",
            "slug": "contact",
            "intro": "How to reach the team that runs T63.",
            "body": "<p>To ask about a story, use the link “Ask the team behind this story” on its page.</p>",
        },
    },
}


@transaction.atomic
def ensure_information_pages() -> list[InformationPage]:
    home = default_home()
    made = []
    for kind, languages in PAGES.items():
        existing = InformationPage.objects.child_of(home).filter(kind=kind).first()
        made += ensure_page_in_every_language(
            home, existing, lambda values, kind=kind: InformationPage(kind=kind, **values), languages
        )
    grant_moderators(made)
    SiteOwner.for_site(Site.objects.get(is_default_site=True))  # the record, with its defaults
    return made
