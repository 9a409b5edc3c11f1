"""Reading: an issue's file → its text in the extractor's shape.

``textfile`` decodes a text file (UTF-8, GB18030, UTF-16), normalises it and repairs look-alike
characters (CJK radicals for ideographs), or says in one line why the file is no issue's text;
``pdf`` reads a PDF's text layer with PDFium into the same shape, from ``pdf_glyphs`` (glyphs
and rows), ``pdf_furniture`` (running heads and page numbers, column heads), ``pdf_blocks``
(gutters, blocks and their order from the page's geometry) and ``pdf_columns`` (a page's
lines in reading order, title blocks). Nothing here knows about articles.
"""
