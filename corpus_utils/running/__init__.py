"""Running: what the user starts. ``output`` writes charts and tables under ``figures/`` and
shows tables in notebooks; ``report`` runs every notebook for every issue; ``cli`` is
``python -m corpus_utils``.
"""
