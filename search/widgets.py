"""A select box rendered in Python.

Django renders every option of a select through its own template; the search form's place
filter has close to a hundred options (the 34 units and the provinces merged into them), and
rendering them that way took a third of an uncached search page. The HTML is the same.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = [format_html("<select{}>", flatatt(final_attrs))]
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an optgroup and its options
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts += [_option(option, text, selected) for option, text in label]
                parts.append("</optgroup>")
            else:
                parts.append(_option(option_value, label, selected))
        parts.append("</select>")
        return mark_safe("".join(parts))


def _option(value, label, selected) -> str:
    value = "" if value is None else str(value)
    marker = " selected" if value in selected else ""
    return format_html('<option value="{}"{}>{}</option>', value, mark_safe(marker), label)
