#!/usr/bin/python3
"""Builds the fictional Word and PDF postings of tests/data/documents/.

Each of our fictional expected offers (tests/expected/postings/fict-*.json) is
written as a .docx in one of three layouts the shared documents do not have,
then printed to PDF by LibreOffice, so that a perfect reader returns that JSON:

  table    labels in a bordered label|value table, Word heading styles, the
           profile as a three-column table (titles in the first row), the
           main and secondary activities side by side, the letterhead in the
           page header and "Page X / Y" in the footer;
  dense    9 pt justified text with ligatures (ﬁ ﬂ ﬀ ﬃ), headings made with bold
           paragraphs, labels as bold runs, typed "–" bullets, the letterhead
           as the first paragraphs;
  numbered headings with outline levels on plain paragraphs, numbered Word
           lists, values at a tab stop after their label, a hyperlink, the
           contacts in a label|value table.

It also writes the bundled examples' Word and PDF postings
(examples/postings/, from tests/tools/example-documents/*.json). The generated
files are committed: CI needs no office suite. Needs Debian's
python3-docx and libreoffice-writer:

    tests/tools/make_documents.py            # writes tests/data/documents/
"""
import datetime
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "expected" / "postings"
OUT = ROOT / "tests" / "data" / "documents"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
LAYOUTS = ["table", "dense", "numbered"]

LABELS = [  # (field, label) in the order a posting gives them
    ("employer", "Employeur"),
    ("direction", "Direction"),
    ("unit", "Unité organisationnelle"),
    ("grade", "Corps ou Cadre d'emploi / Domaine"),
    ("job_family", "Emploi RESPNC"),
    ("location", "Lieu de travail"),
    ("residency_requirement", "Durée de résidence exigée pour le recrutement sur titre (1)"),
    ("availability", "Postes à pourvoir"),
    ("posted_on", "Date de dépôt de l'offre"),
    ("deadline", "Date limite de candidature"),
    ("org_position", "Place dans l'organigramme"),
    ("supervisor", "Fonction du supérieur hiérarchique direct"),
]


def french(iso):
    d = datetime.date.fromisoformat(iso)
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def labelled(o, layout=""):
    """(label, value) pairs of the offer's scalar fields (in the numbered
    layout the offer's address is a hyperlink, not a label)."""
    out = [("Référence", o["reference"] + (f" du {french(o['reference_date'])}" if o.get("reference_date") else ""))]
    for key, label in LABELS:
        v = o.get(key)
        if v is None:
            continue
        if key in ("posted_on", "deadline"):
            v = french(v)
        out.append((label, v))
    if o.get("openings") is not None:
        out.append(("Nombre de postes", str(o["openings"])))
    staff = o.get("managed_staff") or {}
    if staff.get("total") is not None:
        v = staff["total"]
        if staff.get("direct") is not None or staff.get("indirect") is not None:
            v += f" (directs : {staff.get('direct') or 0} ; indirects : {staff.get('indirect') or 0})"
        out.append(("Nb d'agents encadrés", v))
    if o.get("url") and layout != "numbered":
        out.append(("Lien de l'offre", o["url"]))
    for k, v in o.get("extra", {}).items():
        out.append((k, v))
    return out


def contact_lines(o):
    lines = []
    for c in o.get("contacts", []):
        parts = [p for p in ("Mme " + c["name"] if c.get("name") else None, c.get("role")) if p]
        s = ", ".join(parts)
        if c.get("phone"):
            s += f" – Tél : {c['phone']}"
        if c.get("email"):
            s += f" – {c['email']}"
        lines.append(s)
    return lines


def shade_borders(table, visible):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            e.set(qn("w:sz"), "4")
            e.set(qn("w:color"), "808080")
        borders.append(e)
    tbl_pr.append(borders)


def bold_label(p, label, value, tab=False):
    """A bold "Label :" and its value; with `tab`, the value at a tab stop (a
    wide gap in the PDF print, as Word users align their labels)."""
    r = p.add_run(label + (" :\t" if tab else " : "))
    r.bold = True
    if tab:
        p.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(8.5))
    p.add_run(value)


def hyperlink(p, text, url):
    """A Word hyperlink (w:hyperlink and an external relationship) over `text`."""
    r_id = p.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                            is_external=True)
    h = OxmlElement("w:hyperlink")
    h.set(qn("r:id"), r_id)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    h.append(r)
    p._p.append(h)


def outline(p, level):
    ppr = p._p.get_or_add_pPr()
    o = OxmlElement("w:outlineLvl")
    o.set(qn("w:val"), str(level))
    ppr.append(o)


def ligatured(layout, text):
    """The dense layout's body text is typeset with ligatures (ﬁ ﬂ ﬀ ﬃ), as text
    copied from a PDF is: readers must spell them out."""
    if layout != "dense":
        return text
    for a, b in (("ffi", "\ufb03"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")):
        text = text.replace(a, b)
    return text


def heading(d, text, layout, level=2):
    if layout == "table":
        d.add_heading(text, level=level)
    elif layout == "numbered":
        p = d.add_paragraph()
        r = p.add_run(text)
        r.font.size = Pt(13 if level <= 2 else 11.5)
        outline(p, level - 1)
    else:
        p = d.add_paragraph()
        r = p.add_run(text + " :")
        r.bold = True


def items(d, values, layout):
    for v in values:
        if layout == "dense":
            d.add_paragraph("– " + ligatured(layout, v))
        elif layout == "numbered":
            d.add_paragraph(v, style="List Number")
        else:
            d.add_paragraph(v, style="List Bullet")


def page_footer(section, reference):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(f"{reference} – Page ")
    for instr in ("PAGE", " / ", "NUMPAGES"):
        if instr == " / ":
            p.add_run(" / ")
            continue
        r = p.add_run()
        for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                f = OxmlElement("w:fldChar")
                f.set(qn("w:fldCharType"), kind)
                r._r.append(f)
            elif text == instr:
                t = OxmlElement("w:instrText")
                t.set(qn("xml:space"), "preserve")
                t.text = instr
                r._r.append(t)
            else:
                t = OxmlElement("w:t")
                t.text = text
                r._r.append(t)


def build(o, layout):
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(9 if layout == "dense" else 10.5)
    section = d.sections[0]
    letterhead = ["RÉPUBLIQUE FICTIVE – SERVICE DES EMPLOIS", "www.example.nc"]
    if layout == "dense":
        for line in letterhead:
            p = d.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        hp = section.header.paragraphs[0]
        hp.text = letterhead[0]
        section.header.add_paragraph(letterhead[1])
        page_footer(section, o["reference"])
    # title
    if layout == "table":
        d.add_heading(o["title"], level=1)
    else:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(o["title"])
        r.bold = True
        r.font.size = Pt(15)
        if layout == "numbered":
            outline(p, 0)
    pairs = labelled(o, layout)
    if layout == "table":
        t = d.add_table(rows=0, cols=2)
        shade_borders(t, True)
        for label, value in pairs:
            row = t.add_row().cells
            row[0].paragraphs[0].add_run(label).bold = True
            row[1].paragraphs[0].add_run(value)
    else:
        for label, value in pairs:
            bold_label(d.add_paragraph(), label, value, tab=layout == "numbered" and len(label) < 40)
    if o.get("description"):
        heading(d, "Détails de l'offre", layout)
        for v in o["description"]:
            p = d.add_paragraph(ligatured(layout, v))
            if layout == "dense":
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # wide spaces in the print
    if o.get("missions"):
        heading(d, "Missions", layout)
        for v in o["missions"]:
            d.add_paragraph(ligatured(layout, v))
    acts = o.get("activities", [])
    kinds = [a["kind"] for a in acts]
    if acts:
        heading(d, "Activités du poste", layout)
        side = layout == "table" and kinds == ["main", "secondary"] and all(a["title"] is None for a in acts)
        if side:
            t = d.add_table(rows=2, cols=2)
            shade_borders(t, False)
            for c, (a, title) in enumerate(zip(acts, ("Principales", "Secondaires"))):
                t.cell(0, c).paragraphs[0].add_run(title + " :").bold = True
                cell = t.cell(1, c)
                for k, v in enumerate(a["items"]):
                    p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    p.style = d.styles["List Bullet"]
                    p.add_run(v)
        else:
            last_kind = None
            for a in acts:
                if a["kind"] != last_kind:
                    p = d.add_paragraph()
                    p.add_run({"main": "Principales :", "secondary": "Secondaires :"}.get(a["kind"], "Autres :")).bold = True
                    last_kind = a["kind"]
                if a["title"]:
                    p = d.add_paragraph()
                    p.add_run(a["title"]).bold = True
                items(d, a["items"], layout)
    if o.get("conditions"):
        heading(d, "Caractéristiques particulières de l'emploi", layout)
        items(d, o["conditions"], layout)
    prof = o.get("profile", [])
    if prof:
        heading(d, "Profil du candidat", layout)
        titled = [p for p in prof if p["title"]]
        if layout == "table" and len(titled) == len(prof) and 2 <= len(prof) <= 3:
            t = d.add_table(rows=2, cols=len(prof))
            shade_borders(t, True)
            for c, p in enumerate(prof):
                t.cell(0, c).paragraphs[0].add_run(p["title"]).bold = True
                cell = t.cell(1, c)
                for k, v in enumerate(p["items"]):
                    para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    para.add_run(v)
        else:
            for p in prof:
                if p["title"]:
                    para = d.add_paragraph()
                    para.add_run(p["title"] + " :").bold = True
                items(d, p["items"], layout)
    contacts = contact_lines(o)
    if contacts:
        if layout == "numbered":
            t = d.add_table(rows=1, cols=2)
            shade_borders(t, False)
            t.cell(0, 0).paragraphs[0].add_run("Contact et informations complémentaires :").bold = True
            for k, line in enumerate(contacts):
                p = t.cell(0, 1).paragraphs[0] if k == 0 else t.cell(0, 1).add_paragraph()
                p.add_run(line)
        else:
            heading(d, "Renseignements", layout)
            for line in contacts:
                d.add_paragraph(line)
    if o.get("how_to_apply"):
        heading(d, "Pour répondre à cette offre", layout)
        for k, v in enumerate(o["how_to_apply"]):
            if k == 0 and layout == "numbered" and o.get("url"):
                hyperlink(d.add_paragraph(), v, o["url"])  # the words stay, the address is the link's
            else:
                d.add_paragraph(ligatured(layout, v))
    core = d.core_properties
    core.author = "offerkit tests"
    core.title = ""
    fixed = datetime.datetime(2026, 1, 1)
    core.created = core.modified = fixed
    core.last_printed = fixed
    core.revision = 1
    return d


def print_pdf(docx_path, out_dir, tmp):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def examples(tmp):
    """The bundled examples: one fictional posting as a Word document, another as
    its PDF print only (examples/postings/), from tests/tools/example-documents/."""
    src = pathlib.Path(__file__).resolve().parent / "example-documents"
    dest = ROOT / "examples" / "postings"
    word, pdf = sorted(src.glob("*.json"))
    build(json.loads(word.read_text(encoding="utf-8")), "table").save(dest / f"{word.stem}.docx")
    print(f"examples/postings/{word.stem}.docx")
    build(json.loads(pdf.read_text(encoding="utf-8")), "dense").save(pathlib.Path(tmp) / f"{pdf.stem}.docx")
    print_pdf(pathlib.Path(tmp) / f"{pdf.stem}.docx", dest, tmp)
    print(f"examples/postings/{pdf.stem}.pdf")


def main():
    if not shutil.which("soffice"):
        sys.exit("make_documents: soffice (Debian libreoffice-writer) is needed for the PDF prints")
    OUT.mkdir(parents=True, exist_ok=True)
    sources = sorted(EXPECTED.glob("fict-*.json"))
    with tempfile.TemporaryDirectory() as tmp:
        examples(tmp)
        for i, src in enumerate(sources):
            o = json.loads(src.read_text(encoding="utf-8"))
            layout = LAYOUTS[i % len(LAYOUTS)]
            name = f"{src.stem}.docx"
            build(o, layout).save(OUT / name)
            print_pdf(OUT / name, OUT, tmp)
            print(f"{name} ({layout}) and its PDF")
    (OUT / "LAYOUTS.txt").write_text(
        "".join(f"{s.stem} {LAYOUTS[i % len(LAYOUTS)]}\n" for i, s in enumerate(sources)), encoding="utf-8")


if __name__ == "__main__":
    main()
