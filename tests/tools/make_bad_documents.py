#!/usr/bin/python3
"""Writes the bad Word and PDF documents the importers must refuse, into the
directory given (tests call it at run time: nothing binary is committed).

  not-a-zip.docx        text named .docx
  truncated.docx        the first half of a good document
  no-document.docx      a zip without word/document.xml
  outside.docx          a header relationship pointing out of the package
  dtd.docx              word/document.xml with a DTD and an entity
  bomb.docx             word/document.xml inflating to 300 MiB (a few hundred KiB zipped)
  truncated.pdf         the first half of a good PDF
  scan.pdf              a page with a drawing and no text layer
  encrypted.pdf         a PDF with a user password (qpdf)
  pages-500.pdf         500 pages of text
"""
import pathlib
import subprocess
import sys
import zipfile

from reportlab.pdfgen import canvas

out = pathlib.Path(sys.argv[1])
good_docx = pathlib.Path(sys.argv[2]).read_bytes()
good_pdf = pathlib.Path(sys.argv[3]).read_bytes()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>Référence : 1</w:t></w:r></w:p></w:body></w:document>'
TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def package(name, parts):
    with zipfile.ZipFile(out / name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)


(out / "not-a-zip.docx").write_text("Référence : 1\n", encoding="utf-8")
(out / "truncated.docx").write_bytes(good_docx[: len(good_docx) // 2])
package("no-document.docx", {"[Content_Types].xml": TYPES, "word/styles.xml": "<w:styles/>"})
rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
        'Target="../../../etc/passwd"/></Relationships>')
package("outside.docx", {"[Content_Types].xml": TYPES, "word/document.xml": BODY, "word/_rels/document.xml.rels": rels})
dtd = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
       f'<w:document {W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
package("dtd.docx", {"[Content_Types].xml": TYPES, "word/document.xml": dtd})
with zipfile.ZipFile(out / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", TYPES)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f"<w:document {W}><w:body>".encode())
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b"</w:body></w:document>")
(out / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
c = canvas.Canvas(str(out / "scan.pdf"))
c.rect(100, 100, 300, 400, fill=1)
c.save()
subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(sys.argv[3]), str(out / "encrypted.pdf")],
               check=True)
c = canvas.Canvas(str(out / "pages-500.pdf"))
for i in range(500):
    c.drawString(72, 720, f"Page {i + 1} : texte")
    c.showPage()
c.save()
