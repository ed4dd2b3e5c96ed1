"""What readers browse: story listings, theme pages, the direct story route, the province map
(cartogram), the privacy-friendly video player, and the stories' search page and form."""
