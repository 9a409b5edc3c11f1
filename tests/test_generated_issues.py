"""Generated issues (``issuegen``): the segmenter gives back the records a careful reader would,
on issues laid out in ways the seed does not show; and the generator is what it claims."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from issuegen import FEATURES, generate_issue, load_generated, score_issue

SEEDS = st.integers(0, 10**6)
COVERAGE_SEEDS = range(200)
ACCURACY_SEEDS = 60
# measured on these 60 issues (92.9% exact, 65.5% of the wrong ones with a flag shown by default;
# on 1,000 by bench/segmentation_generalisation.py: 91.9% and 72.8%, README), less a margin:
# a change that reads worse fails this
EXACT_FLOOR = 0.92
FLAGGED_FLOOR = 0.62
# the same 60 issues with every waiting tail set inside another article's run where a page has
# room (93.2% exact, 71.2% of the wrong ones flagged)
INTERRUPTED_EXACT_FLOOR = 0.92
INTERRUPTED_FLAGGED_FLOOR = 0.66


def _solid(text: str) -> str:
    return re.sub(r"\s", "", text)


# -- the segmenter on generated issues ------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(seed=SEEDS)
def test_a_generated_issue_loses_no_character(seed):
    issue = load_generated(generate_issue(seed))
    balance = issue.balance()
    assert balance.holds, f"generate_issue({seed}): {balance}"


@settings(max_examples=30, deadline=None)
@given(seed=SEEDS)
def test_leftovers_over_one_percent_are_flagged_and_every_record_is_found_or_flagged(seed):
    gen = generate_issue(seed)
    issue = load_generated(gen)
    balance = issue.balance()
    flags = issue.flags()
    if balance.leftovers > 0.01 * balance.input:
        assert "leftovers_over_1pct" in set(flags["flag"]), f"generate_issue({seed})"
    if len(issue.articles) != len(gen.records):
        assert len(flags), f"generate_issue({seed}): {len(issue.articles)} records for {len(gen.records)}, no flag"


def _exact_and_flagged(interrupt: float | None) -> tuple[float, float, float, list[str]]:
    """On the fixed generated issues: the share of records exact, of wrong records with a flag
    shown by default, of characters left over, and the wrong records without a flag."""
    records = exact = wrong_flagged = 0
    chars = leftover = 0
    misses = []
    for seed in range(ACCURACY_SEEDS):
        gen = generate_issue(seed, interrupt=interrupt)
        issue = load_generated(gen)
        balance = issue.balance()
        chars, leftover = chars + balance.input, leftover + balance.leftovers
        for s in score_issue(gen, issue):
            if s.expected is None:
                continue
            records += 1
            exact += not s.wrong
            wrong_flagged += bool(s.wrong) and bool(s.flags)
            if s.wrong and not s.flags:
                misses.append(f"{seed}#{s.expected}")
    return exact / records, wrong_flagged / max(1, records - exact), leftover / chars, misses


def test_generated_issues_come_back_exact_or_flagged():
    """On 60 fixed generated issues: how many records come back exactly, and how many of the
    others carry a flag shown by default. bench/segmentation_generalisation.py measures the same
    on 1,000; these floors sit a little under the figures, so a change that reads worse turns
    this red."""
    exact, flagged, left, misses = _exact_and_flagged(None)
    assert exact >= EXACT_FLOOR, f"{exact:.1%} of records exact"
    assert flagged >= FLAGGED_FLOOR, f"{flagged:.1%} flagged; unflagged: {misses}"
    assert left < 0.01, f"{left:.2%} of characters left over"


def test_continuations_set_inside_other_articles_runs_come_back_exact_or_flagged():
    """The same issues with every waiting tail set inside another article's run where a page has
    room: at a page's top, a column's foot (before the page's running head) or a page's foot,
    the text it interrupts stopped mid-sentence, mid-word or at a paragraph end."""
    exact, flagged, left, misses = _exact_and_flagged(1.0)
    assert exact >= INTERRUPTED_EXACT_FLOOR, f"{exact:.1%} of records exact"
    assert flagged >= INTERRUPTED_FLAGGED_FLOOR, f"{flagged:.1%} flagged; unflagged: {misses}"
    assert left < 0.01, f"{left:.2%} of characters left over"


@settings(max_examples=20, deadline=None)
@given(seed=SEEDS)
def test_an_issue_with_interrupted_runs_loses_no_character_and_keeps_each_text_in_order(seed):
    gen = generate_issue(seed, interrupt=1.0)
    issue = load_generated(gen)
    assert issue.balance().holds, f"generate_issue({seed}, interrupt=1.0)"
    # every record's text reads in the order of the issue's text (a resumed article is not
    # stitched out of order), going round once more for a continuation on an earlier page
    solid = _solid(gen.text)
    for text in issue.articles["text"]:
        rest = iter(solid + solid)
        assert all(ch in rest for ch in _solid(text)), f"generate_issue({seed}, interrupt=1.0)"


# -- the generator itself -------------------------------------------------------------------


def test_a_generated_issue_is_in_the_seed_s_shape():
    for seed in range(20):
        gen = generate_issue(seed)
        lines = gen.text.split("\n")
        starts = [ln for ln in lines if ln.startswith(" ")]
        assert lines[0].startswith(" ") and len(starts) == gen.n_pages, seed
        assert all(not ln.startswith(" ") or ln[1:2].strip() for ln in lines), "a page opens with one space"
        assert not any(ln != ln.rstrip() for ln in lines), "no line ends with a space"
        assert "\n\n\n" not in gen.text, "at most one blank line between lines"


def test_every_character_of_the_text_is_in_a_body_or_the_metadata():
    for seed in range(50):
        gen = generate_issue(seed)
        bodies = "".join(r.text for r in gen.records)
        assert Counter(_solid(gen.text)) == Counter(_solid(bodies + "".join(gen.metadata))), seed


def test_each_expected_body_reads_in_order_in_the_text():
    """In file order, going round once more for a continuation printed on an earlier page."""
    for seed in range(50):
        gen = generate_issue(seed)
        solid = _solid(gen.text)
        for k, rec in enumerate(gen.records):
            rest = iter(solid + solid)
            assert all(ch in rest for ch in _solid(rec.text)), f"seed {seed}, record {k}"


def test_expected_records_keep_the_output_conventions():
    for seed in range(50):
        gen = generate_issue(seed)
        for k, rec in enumerate(gen.records):
            where = f"seed {seed}, record {k}"
            assert rec.kind in ("article", "excerpt", "editor_note"), where
            assert rec.pages and all(p >= 1 for p in rec.pages), where
            assert rec.pages[:-1] == sorted(set(rec.pages[:-1])), where  # only a continuation comes back
            assert not re.search(r"\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d|下转|上接|编者按", rec.text), where
            assert all(p == p.strip() and p for p in rec.text.split("\n")), where
            if rec.kind == "editor_note":
                assert rec.title is None and rec.authors == [] and rec.column, where
            if rec.kind == "excerpt":
                assert rec.column is None and len(rec.authors) == 1 and rec.author_note, where
            if rec.title is not None:
                assert "  " not in rec.title and rec.title == rec.title.strip(), where


def test_markers_name_the_pages_of_the_expected_records():
    for seed in range(100):
        gen = generate_issue(seed)
        downs = [int(n) for n in re.findall(r"转\s*第?(\d+)\s*页", gen.text)]
        continued = sorted(r.pages[-1] for r in gen.records if len(r.pages) > 1 and r.pages[-1] < max(r.pages))
        assert all(n in [r.pages[-1] for r in gen.records] for n in downs), seed
        assert len(downs) >= len(continued), seed


def test_generation_is_reproducible():
    assert generate_issue(7).text == generate_issue(7).text
    assert generate_issue(7).records == generate_issue(7).records
    assert generate_issue(7).text != generate_issue(8).text


def test_every_variation_appears_across_200_seeds():
    seen = Counter()
    for seed in COVERAGE_SEEDS:
        seen.update(generate_issue(seed).features)
    assert not FEATURES - set(seen), f"never generated: {sorted(FEATURES - set(seen))}"
