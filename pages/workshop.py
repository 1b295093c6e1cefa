"""Workshop: a projector shows the board, the trainer steers from their own device, participants answer on
their phones. Links and views: ui/workshop.py; storage and every rule: guide/workshop."""

from ui import page_guard

page_guard()

from ui.workshop import show  # noqa: E402 (after the guard: a cold-start page URL runs app.py instead)

show()
