"""Settings for every test."""

from __future__ import annotations

import os

# guide.text.i18n.t raises on a missing catalog key instead of showing the key: any test (unit, AppTest page,
# the servers the e2e and db tests start, which inherit the environment) that reaches a missing key fails.
os.environ["GUIDE_STRICT_CATALOG"] = "1"
