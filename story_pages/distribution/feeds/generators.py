"""The RSS 2.0 and Atom generators with Media RSS and the full text of each story."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date

MRSS_NAMESPACE = "http://search.yahoo.com/mrss/"
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"


class MediaRssMixin:
    """Writes each item's Media RSS elements after the ones the base generator writes."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item["media"]
        contents = media["contents"]
        if len(contents) > 1 or media["subtitles"]:  # the same video, as different files
            handler.startElement("media:group", {})
            for content in contents:
                handler.addQuickElement("media:content", None, content)
            for subtitle in media["subtitles"]:
                handler.addQuickElement("media:subTitle", None, subtitle)
            handler.endElement("media:group")
        elif contents:
            handler.addQuickElement("media:content", None, contents[0])
        if "thumbnail" in media:
            handler.addQuickElement("media:thumbnail", None, media["thumbnail"])
        handler.addQuickElement("media:credit", media["credit"], {"role": "author"})
        licence_name, licence_attrs = media["licence"]
        handler.addQuickElement("media:license", licence_name, licence_attrs)


class MediaRssFeedGenerator(MediaRssMixin, Rss201rev2Feed):
    """RSS 2.0 with the full text (content:encoded) and the last publication (atom:updated: the
    RSS generator writes no item's updateddate)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MRSS_NAMESPACE, "xmlns:content": CONTENT_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["body_html"])


class MediaAtomFeedGenerator(MediaRssMixin, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MRSS_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["body_html"], {"type": "html"})
