"""The people who write, translate and review: teams and the review workflow (teams), who may
make a page live (publishing), the story editor's form and word counter, the dashboard panels,
the state of a story's translations and wagtail-localize's update view."""
