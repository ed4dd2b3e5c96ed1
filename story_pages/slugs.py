"""A page's address from its Vietnamese title, made the same in the editor's browser and here.

Django's ``slugify`` loses "đ" (NFKD does not decompose it: "Đắk Lắk" → "ak-lak") and Wagtail's
slug controller (``w-slug``, admin core.js) has no Vietnamese map, so it drops every vowel that
carries a tone mark ("Bắc Giang" → "bc-giang"). Both are given the same replacements first:
``SLUG_FORMATTERS`` are Wagtail's ``SlugInput(formatters=...)``, applied in the browser before its
own urlify, and here before ``slugify``. The shared vectors in ``rules/test_vectors/slugs.json``
hold the two to one result.
"""

import re

from django.utils.text import slugify

# Each pattern is valid, with one meaning, as a Python and as a JavaScript ("gu") regex.
_VOWELS = {
    "a": "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
    "e": "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ",
    "i": "ìíỉĩịÌÍỈĨỊ",
    "o": "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
    "u": "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ",
    "y": "ỳýỷỹỵỲÝỶỸỴ",
}
SLUG_FORMATTERS: list[tuple[str, str]] = [
    # Text typed or pasted in decomposed form (NFD): its tone and vowel marks go.
    ("[\u0300-\u036f]", ""),
    ("[đĐ]", "d"),
    *((f"[{letters}]", plain) for plain, letters in _VOWELS.items()),
    # What Python and JavaScript would each drop in their own way (other scripts, symbols, a
    # leading dash) is dropped here first, so that the two agree.
    (r"[^A-Za-z0-9_\s-]", ""),
    (r"^[\s_-]+", ""),
    (r"[\s_-]+$", ""),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in SLUG_FORMATTERS]
MAX_LENGTH = 255


def vietnamese_slug(text: str) -> str:
    """ "Bắc Giang số hoá xét nghiệm" → "bac-giang-so-hoa-xet-nghiem"."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return slugify(text)[:MAX_LENGTH].rstrip("-")


def available_slug(title: str, parent, page=None) -> str:
    """The title's slug, numbered ("-2", "-3"…) like Wagtail's own if a sibling already has it;
    "" if the title has nothing to make one from."""
    base = vietnamese_slug(title)
    if not base:
        return ""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class SlugFromVietnameseTitle:
    """A page mixin: an empty slug is made from the title by ``vietnamese_slug``, before Wagtail's
    own fallback (Django's ``slugify``, which loses "đ") gets the chance. For pages made by code:
    the demo, commands, imports; the admin form fills it the same way."""

    def full_clean(self, *args, **kwargs):
        self.fill_empty_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.fill_empty_slug()
        return super().save(*args, **kwargs)

    def fill_empty_slug(self) -> None:
        if self.slug or not self.title:
            return
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        if parent is not None:  # else it is filled on the save that places the page
            self.slug = available_slug(self.title, parent, self)
