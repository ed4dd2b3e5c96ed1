from django.core.management import call_command
from wagtail.models import Page

from story_pages.models import ProvinceIndexPage, ProvincePage
from tests.factories import StoryPageFactory, province


def test_63_provinces_of_which_34_current_and_29_merged(db):
    provinces = ProvincePage.objects.filter(locale__language_code="vi")
    assert provinces.count() == 63
    assert provinces.filter(status="current").count() == 34
    assert provinces.filter(status="merged").count() == 29
    assert not provinces.filter(status="current", merged_into__isnull=False).exists()
    assert not provinces.filter(status="merged", merged_into__isnull=True).exists()
    # A merged province points at a current unit, never at another merged one.
    assert not provinces.filter(merged_into__status="merged").exists()
    assert len(set(provinces.values_list("code", flat=True))) == 63


def test_the_2025_mergers(db):
    assert province("02").merged_into == province("08")  # Hà Giang → Tuyên Quang
    assert province("74").merged_into == province("79")  # Bình Dương → Hồ Chí Minh City
    assert province("77").merged_into == province("79")  # Bà Rịa–Vũng Tàu → Hồ Chí Minh City
    assert province("49").merged_into == province("48")  # Quảng Nam → Đà Nẵng
    assert province("02").short_name == "Hà Giang"
    assert province("79").short_name == "Hồ Chí Minh"
    assert province("49").short_name == "Quảng Nam"


def test_ha_noi_is_current_and_unchanged(db):
    ha_noi = province("01")
    assert ha_noi.status == "current"
    assert ha_noi.merged_into is None
    assert ha_noi.official_name == ha_noi.current_name == "Thành phố Hà Nội"
    assert ha_noi.kind == "thanh-pho"
    assert ha_noi.renamed_on is None
    assert list(ha_noi.merged_provinces.all()) == []


def test_ho_chi_minh_city_includes_the_provinces_merged_into_it(db):
    codes = set(province("79").unit_provinces().values_list("code", flat=True))
    assert codes == {"74", "77", "79"}


def test_thua_thien_hue_keeps_its_t63_name_and_shows_its_2025_rename(db, client):
    hue = province("46")
    assert hue.title == "Thừa Thiên Huế"
    assert hue.official_name == "Tỉnh Thừa Thiên Huế"
    assert hue.kind == "tinh"
    assert hue.current_name == "Thành phố Huế"
    assert str(hue.renamed_on) == "2025-01-01"
    html = client.get(hue.url).content.decode()
    assert "Thành phố Huế" in html
    assert "01/01/2025" in html


def test_a_merged_province_page_links_to_its_current_unit(db, client):
    html = client.get(province("02").url).content.decode()
    assert province("08").url in html


def test_province_index_lists_each_current_unit_once_with_its_merged_provinces(db, client):
    index = ProvinceIndexPage.objects.get(locale__language_code="vi")
    response = client.get(index.url)
    assert response.status_code == 200
    units = response.context["units"]
    assert len(units) == 34
    merged = {unit.code: {p.code for p in provinces} for unit, provinces in units}
    assert merged["79"] == {"74", "77"}
    assert merged["01"] == set()
    assert sum(len(codes) for codes in merged.values()) == 29


def _snapshot():
    pages = Page.objects.order_by("path")
    return [
        (p.pk, p.path, p.title, p.slug, p.latest_revision_id, p.last_published_at, p.numchild) for p in pages
    ]


def test_running_the_command_again_changes_nothing(db):
    before = _snapshot()
    call_command("load_provinces", verbosity=0)
    assert _snapshot() == before


def test_the_command_never_touches_stories(db):
    story = StoryPageFactory(parent=province("74"), title="Bình Dương số hoá khu công nghiệp")
    story.save_revision().publish()
    revision_before = story.latest_revision_id
    ProvincePage.objects.filter(pk=province("79").pk).update(current_name="")  # the data drifted
    call_command("load_provinces", verbosity=0)
    story.refresh_from_db()
    assert story.title == "Bình Dương số hoá khu công nghiệp"
    assert story.latest_revision_id == revision_before
    assert story.get_parent().specific.code == "74"
    assert province("79").current_name == "Thành phố Hồ Chí Minh"
