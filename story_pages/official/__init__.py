"""Who runs the site, said on every page: the owning ministry and department, their address and
contact (a site setting the ministry edits), and the About and Contact pages."""
