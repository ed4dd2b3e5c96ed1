"""Every kind of reader page, in both languages, says what it is in one meta description: its own
search description, else its introduction or summary, else the site's description."""

import lxml.html
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase

from story_pages.official.owner import DEFAULTS
from tests.browser.test_reader_quality import reader_pages


class MetaDescriptionTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def descriptions(self, path: str) -> list[str]:
        response = self.client.get(path, follow=True)  # /en/themes/ redirects to its English slug
        self.assertEqual(response.status_code, 200, path)
        tree = lxml.html.fromstring(response.content.decode())
        return tree.xpath("//head/meta[@name='description']/@content")

    def test_every_reader_page_has_one_description(self):
        for language in ("vi", "en"):
            for name, path in reader_pages(language).items():
                with self.subTest(language=language, page=name):
                    [description] = self.descriptions(path)
                    self.assertTrue(description.strip(), path)

    def test_a_page_without_words_of_its_own_gets_the_sites_description(self):
        self.assertEqual(self.descriptions("/search/?q=so"), [DEFAULTS["description_vi"]])
        self.assertEqual(self.descriptions("/en/search/?q=so"), [DEFAULTS["description_en"]])
