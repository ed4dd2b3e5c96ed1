"""Webhooks: every change of the change feed POSTed, signed, to the outlets' endpoints that asked
for it (docs/webhooks.md is the outlets' guide).

- ``fanout``: which endpoints get which change, decided in the change's own transaction;
- ``delivery``: the worker's task, one per endpoint, sending in order with retries for a day;
- ``payload``: the JSON sent (the feed's item and the story's ninjs, if it is public then);
- ``signing``: the ``X-T63-Signature`` header;
- ``addresses``: only public http(s) addresses, checked when saved and at each connection;
- ``notices``: an endpoint failing for a day is disabled and its owner told;
- ``forms``, ``admin_views``: the ministry's pages in the admin, with each endpoint's log.
"""

# The admin's URL namespace for the endpoints' pages (admin_views.WebhookEndpointViewSet).
ADMIN_NAMESPACE = "webhooks"
