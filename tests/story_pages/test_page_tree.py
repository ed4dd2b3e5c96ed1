"""Where pages may be created: stories only under a province; provinces never by hand."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from story_pages.models import ProvinceIndexPage, ProvincePage, StoryPage
from tests.factories import province


class PageTreeTests(WagtailPageTestCase):
    def test_stories_live_only_under_a_province(self):
        self.assertAllowedParentPageTypes(StoryPage, {ProvincePage})
        self.assertAllowedSubpageTypes(StoryPage, {})

    def test_provinces_and_their_index_are_not_creatable_by_hand(self):
        self.assertFalse(ProvincePage.is_creatable)
        self.assertFalse(ProvinceIndexPage.is_creatable)
        self.assertFalse(
            ProvincePage.can_create_at(ProvinceIndexPage.objects.get(locale__language_code="vi"))
        )
        self.assertFalse(ProvinceIndexPage.can_create_at(HomePage.objects.get(locale__language_code="vi")))

    def test_the_admin_refuses_a_story_outside_a_province(self):
        self.login()
        for parent in (
            HomePage.objects.get(locale__language_code="vi"),
            ProvinceIndexPage.objects.get(locale__language_code="vi"),
        ):
            self.assertFalse(StoryPage.can_create_at(parent))
            url = reverse("wagtailadmin_pages:add", args=("story_pages", "storypage", parent.pk))
            self.client.post(url, self.story_data())
            self.assertFalse(StoryPage.objects.exists())

    def test_the_admin_refuses_a_province_by_hand(self):
        self.login()
        index = ProvinceIndexPage.objects.get(locale__language_code="vi")
        url = reverse("wagtailadmin_pages:add", args=("story_pages", "provincepage", index.pk))
        before = ProvincePage.objects.count()
        self.client.post(url, {"title": "Tỉnh mới", "slug": "tinh-moi", "code": "99"})
        self.assertEqual(ProvincePage.objects.count(), before)

    def test_an_editor_can_create_a_story_under_a_province(self):
        self.login()
        self.assertCanCreate(province("20"), StoryPage, self.story_data())

    def story_data(self):
        return nested_form_data(
            {
                "title": "Lạng Sơn: tổ công nghệ số cộng đồng",
                "slug": "to-cong-nghe-so",
                "summary": "Hàng nghìn tình nguyện viên hướng dẫn người dân dùng dịch vụ số.",
                "theme": "xa-hoi-so",
                "credit_line": "Sở Thông tin và Truyền thông tỉnh Lạng Sơn",
                "licence": "CC-BY-4.0",
                "body": streamfield([("paragraph", rich_text("<p>Tổ công nghệ số ở mọi thôn bản.</p>"))]),
                "comments": inline_formset([]),
                "solution_links": inline_formset([]),
            }
        )

    def test_the_tree_is_consistent(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
