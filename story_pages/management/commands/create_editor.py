from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from story_pages.editorial.teams import MODERATORS, TRANSLATORS, editors_group_name
from story_pages.models import ProvincePage


class Command(BaseCommand):
    help = "Put a person in a province's editors' team (or with the moderators or translators)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        team = parser.add_mutually_exclusive_group(required=True)
        team.add_argument("--unit", help="GSO code of the current unit (or of a province merged into it)")
        team.add_argument("--moderator", action="store_true")
        team.add_argument("--translator", action="store_true")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Set this password (a new user without one cannot log in)")

    def handle(self, *args, username, unit, moderator, translator, email, password, **options):
        group = Group.objects.filter(name=self._group_name(unit, moderator, translator)).first()
        if group is None:
            raise CommandError("The teams do not exist yet: run load_provinces first.")
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
        if password:
            user.set_password(password)
            user.save()
        user.groups.add(group)
        self.stdout.write(f"{'Created' if created else 'Updated'} {username}: {group.name}")

    @staticmethod
    def _group_name(unit, moderator, translator) -> str:
        if moderator:
            return MODERATORS
        if translator:
            return TRANSLATORS
        province = ProvincePage.objects.filter(code=unit, locale__language_code="vi").first()
        if province is None:
            raise CommandError(f"Unknown province code {unit!r}: use a two-digit GSO code of the 63.")
        return editors_group_name(province.current_unit)
