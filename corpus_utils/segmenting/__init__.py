"""Segmenting: an issue's text → pages → classified lines → records, corrected and checked.

``pages`` splits the text at page breaks and infers printed page numbers; ``paragraphs``
undoes hard wraps; ``layout`` and ``classify`` give each line a kind and the rule that decided;
``reduce`` reads the classes page by page into records (``record``), in one explicit mode at a
time (``reducer_state``): ``line_handlers`` says what each line does, ``transitions`` changes
the mode and the records, ``boundaries`` answers where a record ends when nothing marks it, and
``stitch`` joins continuations; every choice the text does not settle is a ``decisions``
entry. ``columns`` gives each record its column; ``fixes`` reads the issue's ``.fix.toml``,
``line_fixes`` and ``record_fixes`` apply it before and after the reduction, ``fix_template``
writes a starting one; ``quality`` flags likely misreads, ``decision_flags`` those the decisions
raise, each with what to check and the entry that corrects it; ``issue`` ties it together as
``load_issue(path) -> Issue``, its tables built by ``frames`` and cached on disk by
``issue_cache``. Every number the segmenter decides by is in ``thresholds``.
"""
