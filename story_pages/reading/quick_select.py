"""A select box rendered in Python.

Django renders every option of a select through its own template; the search form's place
filter has close to a hundred options (the 34 units and the provinces merged into them), and
rendering them that way took a third of an uncached search page. The elements and attributes are
those Django's Select gives (tested on the search form); only whitespace and attribute order differ.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        unchosen = {str(item) for item in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an optgroup and its options
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts += [self._option(option, text, unchosen) for option, text in label]
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, label, unchosen))
        parts.append("</select>")
        return mark_safe("".join(parts))

    def _option(self, value, label, unchosen: set) -> str:
        value = "" if value is None else str(value)
        selected = value in unchosen
        if selected and not self.allow_multiple_selected:
            unchosen.clear()  # as Django: a single select marks its first match only
        marker = mark_safe(" selected") if selected else ""
        return format_html('<option value="{}"{}>{}</option>', value, marker, label)
