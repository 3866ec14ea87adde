#!/usr/bin/python3
"""Peer of `offerkit convert CORPUS.jsonl --to pdf -o DIR` written the way a
user would write it with ReportLab (platypus): one A4 flyer per offer with a
header band, the title, a key-facts table with the deadline and a QR code of
the offer's link (reportlab.graphics.barcode.qr), every section of the offer
with headings and bullets, contacts, and a footer "Page n / N" on every page.
DejaVu Sans (regular and bold) is registered as a TrueType font so accents and
any other character of the text render; ReportLab subsets it per document.

    /usr/bin/python3 bench/peers/flyers_reportlab.py CORPUS.jsonl OUT_DIR [--booklet]

--booklet writes all offers into OUT_DIR/booklet.pdf (each offer from a new page).
Prints one line: "<offers> offers <pages> pages <bytes> bytes".
Used by scripts/bench; see docs/performance.md.
"""
import json
import os
import re
import sys

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)
from xml.sax.saxutils import escape

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold",
                              italic="DejaVu", boldItalic="DejaVu-Bold")

PRIMARY = colors.HexColor("#1F3864")
ACCENT = colors.HexColor("#C65911")
GREY = colors.HexColor("#60656F")
DARK = colors.HexColor("#212429")

BODY = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=14, textColor=DARK)
TITLE = ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=18, leading=22, textColor=PRIMARY,
                       spaceAfter=4)
EMPLOYER = ParagraphStyle("employer", parent=BODY, fontSize=11, textColor=GREY, spaceAfter=8)
HEADING = ParagraphStyle("heading", fontName="DejaVu-Bold", fontSize=12.5, leading=20,
                         textColor=PRIMARY, spaceBefore=10, spaceAfter=2)
SUB = ParagraphStyle("sub", fontName="DejaVu-Bold", fontSize=10.5, leading=15, textColor=DARK,
                     spaceBefore=4)
LABEL = ParagraphStyle("label", parent=BODY, fontName="DejaVu-Bold", fontSize=9, leading=12,
                       textColor=GREY)
VALUE = ParagraphStyle("value", parent=BODY, fontSize=9.5, leading=12.5)
DEADLINE = ParagraphStyle("deadline", fontName="DejaVu-Bold", fontSize=11, leading=14,
                          textColor=colors.white, alignment=TA_LEFT)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def french_date(iso):
    if not iso:
        return None
    import datetime
    d = datetime.date.fromisoformat(iso)
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def p(text, style=BODY):
    return Paragraph(escape(text), style)


class NumberedCanvas(rl_canvas.Canvas):
    """The usual ReportLab recipe for "Page n / N": keep the pages, number them at save."""

    def __init__(self, *args, **kwargs):
        rl_canvas.Canvas.__init__(self, *args, **kwargs)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont("DejaVu", 8)
            self.setFillColor(GREY)
            self.drawRightString(A4[0] - 48, 36, f"Page {self._pageNumber} / {total}")
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)


def draw_page(c, doc):
    offer = doc.current_offer
    w, h = A4
    c.saveState()
    first = c.getPageNumber() == doc.first_page
    band = 96 if first else 30
    c.setFillColor(PRIMARY)
    c.rect(0, h - band, w, band, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.rect(0, h - band - 4, w, 4, stroke=0, fill=1)
    c.setFillColor(colors.white)
    if first:
        c.setFont("DejaVu-Bold", 14)
        c.drawString(48, h - 45, offer.get("employer") or "")
        c.setFont("DejaVu-Bold", 10)
        c.drawRightString(w - 48, h - 40, "AVIS DE VACANCE DE POSTE")
        c.setFont("DejaVu", 10)
        c.drawRightString(w - 48, h - 56, offer.get("reference") or "")
    else:
        c.setFont("DejaVu", 9)
        c.drawString(48, h - 19, offer.get("employer") or "")
        c.drawRightString(w - 48, h - 19, (offer.get("reference") or "") + " (suite)")
    c.setStrokeColor(ACCENT)
    c.line(48, 50, w - 48, 50)
    c.setFont("DejaVu", 8)
    c.setFillColor(GREY)
    c.drawString(48, 36, "emploi.example.nc – " + (offer.get("reference") or ""))
    c.restoreState()


def qr_drawing(url, size=80):
    # barWidth/barHeight give the size directly: asking getBounds() to scale it
    # would encode the QR code twice (ReportLab's encoder is a large part of the time)
    widget = QrCodeWidget(url, barLevel="M", barWidth=size, barHeight=size)
    d = Drawing(size, size)
    d.add(widget)
    return d


def bullets(items):
    return ListFlowable([ListItem(p(i), leftIndent=16, value="•") for i in items],
                        bulletType="bullet", start="•", leftIndent=16, bulletFontName="DejaVu",
                        bulletColor=ACCENT)


def story_for(offer):
    story = [p(offer["title"], TITLE)]
    if offer.get("employer"):
        story.append(p(offer["employer"], EMPLOYER))
    facts = []
    ref = offer.get("reference")
    if offer.get("reference_date"):
        ref += " du " + french_date(offer["reference_date"])
    for label, value in [("Référence", ref), ("Direction", offer.get("direction")),
                         ("Unité", offer.get("unit")), ("Corps / cadre d’emploi", offer.get("grade")),
                         ("Emploi", offer.get("job_family")), ("Lieu de travail", offer.get("location")),
                         ("Date de dépôt", french_date(offer.get("posted_on"))),
                         ("Disponibilité", offer.get("availability")),
                         ("Durée de résidence exigée", offer.get("residency_requirement")),
                         ("Supérieur hiérarchique", offer.get("supervisor")),
                         ("Place dans l’organigramme", offer.get("org_position"))]:
        if value:
            facts.append([p(label, LABEL), p(value, VALUE)])
    staff = offer.get("managed_staff")
    if staff and staff.get("total"):
        facts.append([p("Agents encadrés", LABEL),
                      p(f"{staff['total']} (directs : {staff.get('direct') or 0}, indirects : "
                        f"{staff.get('indirect') or 0})", VALUE)])
    side = [Paragraph("Date limite de candidature<br/>" + escape(french_date(offer.get("deadline")) or "—"),
                      DEADLINE)]
    if offer.get("url"):
        side += [Spacer(1, 6), qr_drawing(offer["url"]), p("Offre en ligne", LABEL)]
    facts_table = Table(facts, colWidths=[120, 230])
    facts_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    box = Table([[facts_table, side]], colWidths=[355, 144])
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("BACKGROUND", (1, 0), (1, 0), ACCENT),
                             ("BOX", (0, 0), (-1, -1), 0.5, GREY)]))
    story += [box, Spacer(1, 6)]

    def section(title, paragraphs=(), items=()):
        head = [p(title, HEADING)]
        body = [p(t) for t in paragraphs]
        if items:
            body.append(bullets(items))
        if body:
            story.append(KeepTogether(head + body[:1]))
            story.extend(body[1:])

    section("Contexte", offer.get("description") or ())
    section("Missions", offer.get("missions") or ())
    for kind, title in (("main", "Activités principales"), ("secondary", "Activités secondaires")):
        groups = [a for a in offer.get("activities") or () if a.get("kind") == kind]
        if groups:
            story.append(p(title, HEADING))
            for g in groups:
                if g.get("title"):
                    story.append(p(g["title"], SUB))
                story.append(bullets(g["items"]))
    if offer.get("profile"):
        story.append(p("Profil recherché", HEADING))
        for g in offer["profile"]:
            if g.get("title"):
                story.append(p(g["title"], SUB))
            story.append(bullets(g["items"]))
    section("Conditions particulières", items=offer.get("conditions") or ())
    extra = offer.get("extra") or {}
    section("Informations complémentaires", [f"{k} : {v}" for k, v in extra.items()])
    section("Comment postuler", offer.get("how_to_apply") or ())
    contacts = [" – ".join(x for x in (c.get("name"), c.get("role"), c.get("email"), c.get("phone")) if x)
                for c in offer.get("contacts") or ()]
    section("Renseignements", items=contacts)
    return story


def safe_name(reference):
    return re.sub(r"[^A-Za-z0-9._-]", "_", reference).strip(".") or "offer"


class FlyerDoc(SimpleDocTemplate):
    def __init__(self, target, **kw):
        SimpleDocTemplate.__init__(self, target, pagesize=A4, leftMargin=48, rightMargin=48,
                                   topMargin=112, bottomMargin=64, pageCompression=1, invariant=1,
                                   title="Avis de vacance de poste", **kw)
        self.current_offer = None
        self.first_page = 1

    def handle_flowable(self, flowables):
        f = flowables[0] if flowables else None
        if isinstance(f, OfferBreak):  # the next page is the first one of this offer
            self.current_offer = f.offer
            self.first_page = self.page + 1
        SimpleDocTemplate.handle_flowable(self, flowables)


class OfferBreak(PageBreak):
    """A page break that tells the page template which offer starts on the next page."""

    def __init__(self, offer):
        PageBreak.__init__(self)
        self.offer = offer


def build(path, offers):
    doc = FlyerDoc(path)
    story = []
    for n, offer in enumerate(offers):
        if n:
            story.append(OfferBreak(offer))
        story += story_for(offer)
    doc.current_offer = offers[0]
    doc.build(story, onFirstPage=draw_page, onLaterPages=draw_page, canvasmaker=NumberedCanvas)
    return doc.page


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, out_dir = sys.argv[1], sys.argv[2]
    booklet = "--booklet" in sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    offers = pages = size = 0
    with open(corpus, encoding="utf-8") as f:
        if booklet:
            all_offers = [json.loads(line) for line in f if line.strip()]
            path = os.path.join(out_dir, "booklet.pdf")
            pages = build(path, all_offers)
            offers, size = len(all_offers), os.path.getsize(path)
        else:
            for line in f:
                if not line.strip():
                    continue
                offer = json.loads(line)
                path = os.path.join(out_dir, safe_name(offer["reference"]) + ".pdf")
                pages += build(path, [offer])
                size += os.path.getsize(path)
                offers += 1
    print(f"{offers} offers {pages} pages {size} bytes")


if __name__ == "__main__":
    main()
