"""Rates: counts per 10,000 characters, per 1,000 terms, or as shares, with one rule for an
empty denominator.

A group with no characters (an issue without records, a column whose records have no terms)
has no rate; tables show 0.0 there rather than NaN or an error, so that a chart can still be
drawn and a sum still be taken. The rate is ``count / base * per``, in that order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PER_10K = 10_000  # phrases, concepts and terms per 10,000 non-whitespace characters
PER_1K = 1_000  # terms per 1,000 terms


def rate(count, base, per: int = PER_10K):
    """``count / base * per``, 0.0 where ``base`` is 0 (scalars, arrays or Series)."""
    if np.ndim(count) == 0 and np.ndim(base) == 0:
        return count / base * per if base else 0.0
    count = pd.Series(count) if not isinstance(count, pd.Series) else count
    base = pd.Series(base, index=count.index) if not isinstance(base, pd.Series) else base
    return (count / base.where(base > 0) * per).fillna(0.0)


def share(part, whole):
    """``part / whole``, 0.0 where ``whole`` is 0."""
    return rate(part, whole, per=1)
