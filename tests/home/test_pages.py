"""The reader's pages render, in Vietnamese by default."""

from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from story_pages.models import ProvinceIndexPage, StoryPage
from tests.factories import province


class ReaderPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def test_every_page_type_renders(self):
        for page in (
            HomePage.objects.get(locale__language_code="vi"),
            ProvinceIndexPage.objects.get(locale__language_code="vi"),
            province("79"),
            StoryPage.objects.get(slug="hue-s-nen-tang-cong-dan-thua-thien-hue", locale__language_code="vi"),
        ):
            self.assertPageIsRenderable(page)

    def test_home_page_lists_the_latest_stories_in_vietnamese(self):
        response = self.client.get("/")
        self.assertContains(response, '<html lang="vi">')
        self.assertContains(response, "Câu chuyện mới nhất")
        # The newest story of each theme is featured; the latest list does not repeat it.
        featured, latest = response.context["featured_stories"], response.context["latest_stories"]
        self.assertEqual((len(featured), len(latest)), (3, 9))
        self.assertFalse({s.pk for s in featured} & {s.pk for s in latest})

    def test_a_current_unit_shows_the_stories_of_the_provinces_merged_into_it(self):
        response = self.client.get(province("79").url)
        slugs = {story.slug for story in response.context["stories"]}
        # Bà Rịa – Vũng Tàu's AI call centre now belongs to Hồ Chí Minh City as well.
        self.assertIn("tong-dai-ai-cham-soc-f0-ba-ria-vung-tau", slugs)
        self.assertIn("he-thong-mo-cua-an-toan-tp-ho-chi-minh", slugs)

    def test_a_story_page_shows_its_blocks_credit_and_licence(self):
        story = StoryPage.objects.get(
            slug="hue-s-nen-tang-cong-dan-thua-thien-hue", locale__language_code="vi"
        )
        response = self.client.get(story.url)
        self.assertContains(response, "<video controls")
        self.assertContains(response, 'class="block-lesson"')
        self.assertContains(response, 'class="block-key-result"')
        self.assertContains(response, story.credit_line)
        self.assertContains(response, 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"')

    def test_an_unknown_page_is_a_404_in_vietnamese(self):
        response = self.client.get("/tinh-thanh/khong-co/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Không tìm thấy trang", status_code=404)
