"""Demo solutions from the sharing conference of 13 January 2022, in Vietnamese and English, with
the provinces that adopted them (approved) and the demo stories that tell of them. Idempotent."""

from datetime import date

from django.db import transaction
from wagtail.models import Locale

from story_pages.learning.adoptions import AdoptionStatus, record_adoption
from story_pages.learning.solution_setup import ensure_solution_index
from story_pages.learning.solutions import SolutionPage, StorySolution
from story_pages.models import ProvincePage, StoryPage, Theme

IN_USE, PILOTING, EXPLORING = AdoptionStatus.IN_USE, AdoptionStatus.PILOTING, AdoptionStatus.EXPLORING

SOLUTIONS = [
    {
        "slug": "hue-s",
        "origin": "46",
        "theme": Theme.DIGITAL_GOVERNMENT,
        "website": "https://hues.thuathienhue.gov.vn/",
        "vi": {
            "title": "Hue-S – nền tảng công dân số",
            "summary": (
                "Một ứng dụng để người dân phản ánh hiện trường, tra cứu thủ tục và nhận thông "
                "tin của chính quyền."
            ),
            "built_by": "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh Thừa Thiên Huế",
        },
        "en": {
            "title": "Hue-S – the digital citizen platform",
            "summary": (
                "One app for residents to report problems on the spot, look up procedures and "
                "hear from the government."
            ),
            "built_by": "Thừa Thiên Huế Smart City Monitoring and Operations Centre",
        },
        "stories": ["hue-s-nen-tang-cong-dan-thua-thien-hue"],
        "adopters": [
            ("44", IN_USE, date(2022, 6, 1)),
            ("48", PILOTING, date(2023, 3, 1)),
            ("51", EXPLORING, date(2024, 9, 1)),
        ],
    },
    {
        "slug": "so-tay-dang-vien-dien-tu",
        "origin": "19",
        "theme": Theme.DIGITAL_GOVERNMENT,
        "website": "",
        "vi": {
            "title": "Sổ tay đảng viên điện tử",
            "summary": (
                "Văn kiện, tài liệu sinh hoạt chi bộ và thông báo đến từng đảng viên trên điện "
                "thoại, không cần in giấy."
            ),
            "built_by": "Tỉnh ủy Thái Nguyên",
        },
        "en": {
            "title": "The electronic party-member handbook",
            "summary": (
                "Documents, cell-meeting materials and notices reach each party member on their "
                "phone, with no printing."
            ),
            "built_by": "Thái Nguyên Provincial Party Committee",
        },
        "stories": ["so-tay-dang-vien-dien-tu-thai-nguyen", "so-tay-dang-vien-dien-tu-thai-binh"],
        "adopters": [
            ("34", IN_USE, date(2021, 9, 1), "so-tay-dang-vien-dien-tu-thai-binh"),
            ("20", IN_USE, date(2022, 4, 1)),
            ("24", PILOTING, date(2023, 1, 1)),
        ],
    },
    {
        "slug": "tong-dai-ai-cham-soc-f0",
        "origin": "77",
        "theme": Theme.DIGITAL_SOCIETY,
        "website": "",
        "vi": {
            "title": "Tổng đài AI chăm sóc người mắc COVID-19 tại nhà",
            "summary": (
                "Tổng đài trí tuệ nhân tạo gọi hằng ngày cho người cách ly tại nhà, hỏi triệu "
                "chứng và báo ca nặng cho trạm y tế."
            ),
            "built_by": "Sở Thông tin và Truyền thông tỉnh Bà Rịa – Vũng Tàu",
        },
        "en": {
            "title": "The AI call centre for home care of COVID-19 patients",
            "summary": (
                "An AI call centre rings people isolating at home every day, asks about symptoms "
                "and alerts the health station to severe cases."
            ),
            "built_by": "Bà Rịa – Vũng Tàu Department of Information and Communications",
        },
        "stories": ["tong-dai-ai-cham-soc-f0-ba-ria-vung-tau"],
        "adopters": [("75", PILOTING, date(2022, 1, 15)), ("92", EXPLORING, date(2022, 2, 1))],
    },
    {
        "slug": "nen-tang-xet-nghiem-covid-19",
        "origin": "24",
        "theme": Theme.DIGITAL_SOCIETY,
        "website": "",
        "vi": {
            "title": "Nền tảng quản lý xét nghiệm COVID-19",
            "summary": "Mã QR cho từng mẫu xét nghiệm, kết quả trả về người dân và cơ quan y tế trong ngày.",
            "built_by": "Sở Y tế và Sở Thông tin và Truyền thông tỉnh Bắc Giang",
        },
        "en": {
            "title": "The COVID-19 testing platform",
            "summary": (
                "A QR code for each sample; results reach residents and health authorities the same day."
            ),
            "built_by": "Bắc Giang Departments of Health and of Information and Communications",
        },
        "stories": ["nen-tang-quan-ly-xet-nghiem-covid-19-bac-giang"],
        "adopters": [
            ("20", IN_USE, date(2021, 8, 1)),
            ("22", IN_USE, date(2021, 9, 1)),
            ("37", PILOTING, date(2021, 10, 1)),
        ],
    },
    {
        "slug": "he-thong-song-an-toan-voi-covid-19",
        "origin": "79",
        "theme": Theme.DIGITAL_ECONOMY,
        "website": "",
        "vi": {
            "title": "Hệ thống thông tin sống an toàn với COVID-19",
            "summary": (
                "Doanh nghiệp, cơ sở kinh doanh tự đánh giá an toàn, đăng ký mở cửa và được cơ "
                "quan quản lý theo dõi trên một hệ thống."
            ),
            "built_by": "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh",
        },
        "en": {
            "title": "Living safely with COVID-19: Hồ Chí Minh City's information system",
            "summary": (
                "Businesses assess their own safety, register to reopen and are followed by the "
                "authorities on one system."
            ),
            "built_by": "Hồ Chí Minh City Department of Information and Communications",
        },
        "stories": ["he-thong-mo-cua-an-toan-tp-ho-chi-minh"],
        "adopters": [("86", EXPLORING, date(2022, 3, 1))],
    },
]


@transaction.atomic
def create_demo_solutions() -> int:
    """Create the demo solutions that do not exist yet, their English versions, adoptions and
    story links; returns how many solutions were created."""
    index = ensure_solution_index()
    english = Locale.objects.filter(language_code="en").first()
    created = 0
    for data in SOLUTIONS:
        page = SolutionPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = SolutionPage(
                slug=data["slug"],
                origin_province=_province(data["origin"]),
                theme=data["theme"],
                website=data["website"],
                **data["vi"],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        if english is not None and index.get_translation_or_none(english) is not None:
            _english_version(page, english, data["en"])
        for code, status, since, *story_slug in data["adopters"]:
            story = (
                StoryPage.objects.filter(slug=story_slug[0], locale=page.locale).first()
                if story_slug
                else None
            )
            record_adoption(page, _province(code), since=since, status=status, story=story, approved=True)
        for slug in data["stories"]:
            _link_story(slug, page)
    return created


def _province(code: str) -> ProvincePage:
    return ProvincePage.objects.get(code=code, locale=Locale.get_default())


def _english_version(page, english, values) -> None:
    translated = page.get_translation_or_none(english)
    if translated is not None and not translated.alias_of_id:
        return
    translated = page.copy_for_translation(english) if translated is None else translated.specific
    translated.alias_of = None
    for name, value in values.items():
        setattr(translated, name, value)
    translated.save_revision().publish()


def _link_story(slug: str, solution) -> None:
    """As an editor does: the solution chosen on the story, and the story published again."""
    story = StoryPage.objects.filter(slug=slug, locale=solution.locale).first()
    if story is None or story.solution_links.filter(solution=solution).exists():
        return
    story.solution_links.add(StorySolution(solution=solution))
    story.save_revision().publish()
