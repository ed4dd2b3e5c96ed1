"""Who publishes on T63, as Wagtail groups, and the review workflow they work in.

- one editors' team per current unit ("Biên tập – Bắc Ninh"): add and edit stories under its
  province page and those of the provinces merged into it, in every language, but not publish;
- the ministry's moderators ("Kiểm duyệt"): publish anywhere under the province index;
- translators ("Biên dịch"): edit and submit translations outside the Vietnamese tree, not publish.
The moderators also manage the outlets' webhook endpoints (Settings → Webhooks) and word each
unit's default credit line (on its province page).
Stories go through the "Kiểm duyệt T63" workflow on every language's province index.
Everything here is idempotent: load_provinces runs it after the provinces.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from story_pages.models import (
    CREDIT_WORDING_PERMISSION,
    ConferenceIndexPage,
    LearningPathIndexPage,
    ProvinceIndexPage,
    ProvincePage,
    ProvinceStatus,
    StoryReviewTask,
)

EDITORS_PREFIX = "Biên tập – "
MODERATORS = "Kiểm duyệt"
TRANSLATORS = "Biên dịch"
WORKFLOW = "Kiểm duyệt T63"
REVIEW_TASK = "Kiểm duyệt nội dung"

EDITOR_PAGE_PERMISSIONS = ("add", "change")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
TRANSLATOR_PAGE_PERMISSIONS = ("add", "change")
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtailmedia.add_media",
)
WEBHOOK_PERMISSIONS = tuple(
    f"story_pages.{action}_webhookendpoint" for action in ("add", "change", "delete", "view")
)
CREDIT_WORDING = f"story_pages.{CREDIT_WORDING_PERMISSION}"
# The ministry says who runs the site (story_pages.official.owner); editors do not.
SITE_OWNER_PERMISSION = "story_pages.change_siteowner"
MODERATOR_COLLECTION_PERMISSIONS = (
    *EDITOR_COLLECTION_PERMISSIONS,
    "wagtailimages.change_image",
    "wagtailmedia.change_media",
)


def editors_group_name(unit: ProvincePage) -> str:
    return EDITORS_PREFIX + (unit.current_short_name or unit.short_name)


def sync_teams() -> None:
    default_locale = Locale.get_default()
    for unit in ProvincePage.objects.filter(status=ProvinceStatus.CURRENT, locale=default_locale):
        editors = _group(editors_group_name(unit), "wagtailadmin.access_admin")
        for province in unit.unit_provinces():
            for page in province.get_translations(inclusive=True):
                _grant_page(editors, page, EDITOR_PAGE_PERMISSIONS)
        _grant_collection(editors, EDITOR_COLLECTION_PERMISSIONS)

    indexes = list(ProvinceIndexPage.objects.all())
    moderators = _group(
        MODERATORS,
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        CREDIT_WORDING,
        SITE_OWNER_PERMISSION,
        *WEBHOOK_PERMISSIONS,
    )
    translators = _group(TRANSLATORS, "wagtailadmin.access_admin", "wagtail_localize.submit_translation")
    for index in indexes:
        _grant_page(moderators, index, MODERATOR_PAGE_PERMISSIONS)
        if index.locale_id != default_locale.pk:
            _grant_page(translators, index, TRANSLATOR_PAGE_PERMISSIONS)
    _grant_collection(moderators, MODERATOR_COLLECTION_PERMISSIONS)
    _grant_collection(translators, ("wagtailimages.choose_image",))
    grant_ministry_sections()
    _review_workflow(moderators, indexes)


def grant_ministry_sections() -> None:
    """The ministry curates the conferences, calls for stories and learning paths (their indexes
    may be made after the provinces: the demo calls this again)."""
    moderators = _group(MODERATORS, "wagtailadmin.access_admin")
    translators = _group(TRANSLATORS, "wagtailadmin.access_admin")
    default_locale = Locale.get_default()
    for page in [*ConferenceIndexPage.objects.all(), *LearningPathIndexPage.objects.all()]:
        _grant_page(moderators, page, MODERATOR_PAGE_PERMISSIONS)
        if page.locale_id != default_locale.pk:
            _grant_page(translators, page, TRANSLATOR_PAGE_PERMISSIONS)


def _group(name: str, *permissions: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    for permission in permissions:
        group.permissions.add(_permission(permission))
    return group


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_page(group, page, kinds) -> None:
    for kind in kinds:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection(group, permissions) -> None:
    root = Collection.get_first_root_node()
    for dotted in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(dotted)
        )


def _review_workflow(moderators, indexes) -> None:
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    task = StoryReviewTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = StoryReviewTask.objects.create(name=REVIEW_TASK)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in indexes:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
