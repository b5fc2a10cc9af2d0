"""One reader per file format, each giving the text lines of a 公文 for the text reader.

The heavy readers are extras: ``gongkai[docx]`` (python-docx), ``gongkai[pdf]``
(pdfminer.six), ``gongkai[formats]`` (both); plain text and web pages need none.
"""
