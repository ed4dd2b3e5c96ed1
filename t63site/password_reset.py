"""The admin's password reset form, mailing an HTML part with the plain text.

Django's form sends HTML only when given a template for it, and Wagtail's view gives none. The
templates (t63site/templates/wagtailadmin/account/password_reset/) write in the account holder's
language and link to the configured site address, whatever host the request came to."""

from wagtail.admin.forms.auth import PasswordResetForm

HTML_TEMPLATE = "wagtailadmin/account/password_reset/email.html"


class HtmlPasswordResetForm(PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        kwargs["html_email_template_name"] = HTML_TEMPLATE
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
