"""Running: what the user starts. ``output`` writes charts and tables under ``figures/`` and
shows tables in notebooks; ``report`` runs every notebook for every issue (``tasks``
plans them, ``kernels`` runs each one, ``documents`` writes the HTML, workbooks and reader's
reports); ``cli`` is ``python -m corpus_utils``.
"""
