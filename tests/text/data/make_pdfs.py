"""Make the PDF fixtures from the real 公文 texts in tests/text/fixtures (run once, commit).

Each text becomes a .docx (one paragraph per line, tests/text/builders.py) that
LibreOffice converts to PDF, as an office exports its Word draft:

    apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei
    python tests/text/data/make_pdfs.py

The fonts are embedded as subsets, so each file stays well under 100 KB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.text.builders import docx_bytes, text_docx  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((HERE.parent / "fixtures").glob("*.txt")):
            name = path.stem
            source = Path(tmp) / f"{name}.docx"
            text = path.read_text(encoding="utf-8")
            source.write_bytes(docx_bytes(text_docx(text)))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE), source],
                check=True,
                capture_output=True,
            )
            print(name, (HERE / f"{name}.pdf").stat().st_size, "bytes")


if __name__ == "__main__":
    main()
