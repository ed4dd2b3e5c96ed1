"""The site as gunicorn serves it in production, plus /media/ served the way the reverse proxy in
front of it serves media there (docs/deploy.md): for measuring pages with their images
(`make lighthouse`, `make screenshots`) without an nginx. Never deployed."""

from django.conf import settings
from whitenoise import WhiteNoise

from t63site.wsgi import application as site

# autorefresh: image renditions are written while pages render, after this starts.
application = WhiteNoise(site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True)
