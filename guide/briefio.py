"""The public contract's name for reading briefs and typed amounts: `guide.briefio.parse_amount(text, lang)`.

The code lives in `guide.advice.brief_io` (briefs, links, JSON) and `guide.text.numbers` (amounts as people type
them); this module only re-exports it, so `from guide.briefio import parse_amount` keeps working.
"""

from guide.advice.brief_io import *  # noqa: F403
from guide.advice.brief_io import __all__ as _brief_io_all
from guide.text.numbers import parse_amount

__all__ = [*_brief_io_all, "parse_amount"]
