"""The ministry's webhook pages in the admin, in Vietnamese: who gets in, the form's checks, the
listing with each endpoint's status, and the delivery log."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from story_pages.models import WebhookEndpoint
from tests.story_pages.distribution.webhooks.conftest import SECRET, published

pytestmark = pytest.mark.django_db

INDEX = reverse("webhooks:index")
ADD = reverse("webhooks:add")


def person(client, django_user_model, username, *args):
    call_command("create_editor", username, *args, "--password", "mật-khẩu-dài-123", verbosity=0)
    client.force_login(django_user_model.objects.get(username=username))
    return client


def form_data(**fields) -> dict:
    return {
        "name": "VOV – Trung tâm tin",
        "url": "https://14.225.0.1/t63",
        "secret": SECRET,
        "languages": ["vi"],
        "provinces": ["79", "24"],
        "events": ["published", "updated", "withdrawn"],
        "owner_email": "tin@vov.vn",
        "active": "on",
        **fields,
    }


def test_the_ministrys_moderators_manage_endpoints_and_province_editors_do_not(client, django_user_model):
    moderator = person(client, django_user_model, "kiemduyet", "--moderator")
    assert moderator.get(INDEX).status_code == 200
    assert '"url": "/admin/webhooks/"' in moderator.get("/admin/").content.decode()  # Settings → Webhook
    assert moderator.post(ADD, form_data()).status_code == 302
    editor = person(client, django_user_model, "bacgiang", "--unit", "24")
    assert editor.get(INDEX).status_code in (302, 403)
    assert editor.post(ADD, form_data(name="Không được")).status_code in (302, 403)
    endpoint = WebhookEndpoint.objects.get()
    assert editor.get(reverse("webhooks:inspect", args=(endpoint.pk,))).status_code in (302, 403)
    assert '"url": "/admin/webhooks/"' not in editor.get("/admin/").content.decode()


def test_an_endpoint_is_added_with_a_generated_secret_and_its_filters(admin_client, vietnamese):
    form = admin_client.get(ADD).content.decode()
    assert "Điểm nhận webhook" in form or "điểm nhận webhook" in form
    assert "Bình Dương → Hồ Chí Minh" in form  # a merged province shows its unit of today
    generated = WebhookEndpoint._meta.get_field("secret").default()
    assert len(generated) >= 32

    response = admin_client.post(ADD, form_data(secret=generated))
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.languages, endpoint.provinces, endpoint.secret) == (["vi"], ["79", "24"], generated)
    assert endpoint.active


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"url": "http://127.0.0.1:8000/hook"},
            "Địa chỉ này dẫn tới một địa chỉ IP nội bộ, loopback hoặc dành riêng",
        ),
        ({"url": "http://169.254.169.254/latest/"}, "Địa chỉ này dẫn tới một địa chỉ IP nội bộ"),
        ({"url": "http://[::1]/hook"}, "Địa chỉ này dẫn tới một địa chỉ IP nội bộ"),
        ({"url": "http://localhost/hook"}, "Địa chỉ này dẫn tới một địa chỉ IP nội bộ"),
        ({"url": "ftp://14.225.0.1/"}, "Chỉ địa chỉ http:// và https:// mới nhận được webhook."),
        ({"url": "https://vov:mk@14.225.0.1/"}, "Không ghi tên đăng nhập và mật khẩu trong địa chỉ"),
        ({"secret": "ngan-qua"}, "Khóa bí mật phải dài ít nhất 32 ký tự."),
        ({"owner_email": ""}, "Hãy nhập địa chỉ e-mail để báo khi điểm nhận liên tục lỗi"),
        ({"events": []}, "Trường này là bắt buộc."),
    ],
)
def test_the_form_refuses_in_vietnamese(admin_client, vietnamese, fields, message):
    response = admin_client.post(ADD, form_data(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_listing_and_the_log_show_what_happened(admin_client, receiver, endpoint, committed, vietnamese):
    receiver.answers = [500]
    with committed():
        story = published(title="Cà Mau số")
    listing = admin_client.get(INDEX).content.decode()
    assert "Webhook" in listing and endpoint.name in listing
    assert "Đang hoạt động" in listing

    page = admin_client.get(reverse("webhooks:inspect", args=(endpoint.pk,))).content.decode()
    assert "Nhật ký gửi" in page
    assert SECRET in page  # the ministry passes it on to the outlet
    assert "1 lần gửi đang chờ." in page and "Lần thử tiếp theo" in page
    assert "lỗi, sẽ thử lại" in page and "HTTP 500" in page and "<td>500</td>" in page
    assert f"câu chuyện {story.pk} (vi)" in page

    endpoint.active, endpoint.disabled_reason = False, "HTTP 500"
    endpoint.disabled_at = endpoint.created_at
    endpoint.save()
    listing = admin_client.get(INDEX).content.decode()
    assert "mọi lần gửi đều không thành công trong một ngày (lỗi gần nhất: HTTP 500)" in listing


def test_an_endpoint_without_deliveries_says_so(admin_client, vietnamese):
    endpoint = WebhookEndpoint.objects.create(name="VTC", url="https://14.225.0.1/", owner_email="a@vtc.vn")
    page = admin_client.get(reverse("webhooks:inspect", args=(endpoint.pk,))).content.decode()
    assert "Chưa gửi gì tới điểm nhận này." in page
    assert "mọi ngôn ngữ" in page and "mọi tỉnh, thành" in page
