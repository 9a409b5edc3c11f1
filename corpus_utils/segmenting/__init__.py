"""Segmenting: an issue's text → pages → classified lines → records, corrected and checked.

``pages`` splits the text at page breaks and infers printed page numbers; ``paragraphs``
undoes hard wraps; ``layout`` and ``classify`` give each line a kind and the rule that decided;
``reduce`` reads the classes page by page into records (``record``), keeping its state in
``reducer_state``, acting on each line in ``line_handlers``, guessing the boundaries nothing
marks in ``boundaries`` and joining continuations in ``stitch``; ``columns`` gives each its
column; ``fixes`` reads the issue's ``.fix.toml``, ``line_fixes`` and ``record_fixes`` apply it
before and after the reduction, ``fix_template`` writes a starting one; ``quality`` flags
likely misreads; ``issue`` ties it together as ``load_issue(path) -> Issue``, its tables built
by ``frames`` and cached on disk by ``issue_cache``. Every number the segmenter decides by is
in ``thresholds``.
"""
