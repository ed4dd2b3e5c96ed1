"""What leaves T63 for machines and other sites: the API (api/), feeds, ninjs, oEmbed and the
embed card, QR codes, sharing and structured data, documents' access, the newsroom guide."""
