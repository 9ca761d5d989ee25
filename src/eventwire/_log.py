"""The library logger: a NullHandler so eventwire never prints unless the application asks."""

from __future__ import annotations

import logging

logger = logging.getLogger("eventwire")
logger.addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    return logger.getChild(name)
