#!/usr/bin/env python3
"""Checks a PDF against the PDF/A-2b and PDF/UA-1 clauses offerkit checks
itself (docs/pdf.md, "Archivable PDFs"), reading it with pikepdf (qpdf). This
is not a validator: it says "checked against these clauses", never "valid".

Usage: check_pdfa.py FILE.pdf
Prints one line per clause, "ok CLAUSE: what" or "FAIL CLAUSE: what (why)", and
exits 1 when any clause fails, 2 when the file cannot be read."""
import datetime
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}

PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh"}


def pdf_date(s):
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", s)
    if not m:
        return None
    parts = [int(p) if p else d for p, d in zip(m.groups(), (0, 1, 1, 0, 0, 0))]
    return datetime.datetime(*parts)


def xmp_date(s):
    return datetime.datetime.strptime(s.rstrip("Z")[:19], "%Y-%m-%dT%H:%M:%S")


def main():
    path = sys.argv[1]
    try:
        pdf = pikepdf.open(path)
        raw = open(path, "rb").read()
    except Exception as e:  # noqa: BLE001 - reported, not raised
        print(f"cannot read: {e}")
        return 2
    root = pdf.Root
    results = []

    def check(clause, what, ok, why=""):
        results.append(ok)
        print(("ok " if ok else "FAIL ") + f"{clause}: {what}" + ("" if ok or not why else f" ({why})"))

    # ---- PDF/A-2 (ISO 19005-2) ----
    header = raw[:1024]
    check("A-2 6.1.2", "header %PDF-1.n (n >= 4) and a binary comment line after it",
          re.match(rb"%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}", header) is not None, repr(header[:20]))
    check("A-2 6.1.3", "the trailer has an /ID of two strings", "/ID" in pdf.trailer and len(pdf.trailer.ID) == 2)
    check("A-2 6.1.3", "not encrypted", "/Encrypt" not in pdf.trailer)
    intents = root.get("/OutputIntents", [])
    pdfa_intents = [oi for oi in intents if oi.get("/S") == "/GTS_PDFA1"]
    ok_intent = len(pdfa_intents) == 1 and "/DestOutputProfile" in pdfa_intents[0]
    n = int(pdfa_intents[0].DestOutputProfile.get("/N", 0)) if ok_intent else 0
    check("A-2 6.2.3", "one GTS_PDFA1 output intent with an RGB ICC profile (N 3) for DeviceRGB",
          ok_intent and n == 3)
    if ok_intent:
        icc = pdfa_intents[0].DestOutputProfile.read_bytes()
        check("A-2 6.2.3", "the output profile is an ICC profile of an RGB colour space",
              icc[36:40] == b"acsp" and icc[16:20] == b"RGB ")
    fonts_ok, why = True, ""
    for page in pdf.pages:
        for name, font in page.Resources.get("/Font", {}).items():
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fonts_ok, why = False, f"{name} is not embedded"
    check("A-2 6.2.11.4", "every font is embedded", fonts_ok, why)
    enc_ok, cid_ok, why_enc, why_cid = True, True, "", ""
    for page in pdf.pages:
        for name, font in page.Resources.get("/Font", {}).items():
            if font.get("/Subtype") == "/TrueType":
                desc = font.get("/FontDescriptor")
                nonsymbolic = desc is not None and int(desc.get("/Flags", 0)) & 32
                enc = font.get("/Encoding")
                base = enc if isinstance(enc, pikepdf.Name) else (enc.get("/BaseEncoding") if enc is not None else None)
                differences = isinstance(enc, pikepdf.Dictionary) and "/Differences" in enc
                if nonsymbolic and (base not in ("/WinAnsiEncoding", "/MacRomanEncoding") or differences):
                    enc_ok, why_enc = False, f"{name}: encoding {base}, differences {differences}"
            for d in font.get("/DescendantFonts", []):
                if d.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in d:
                    cid_ok, why_cid = False, f"{name}: no CIDToGIDMap"
    check("A-2 6.2.11.6", "non-symbolic TrueType fonts: WinAnsi or MacRoman encoding, no Differences", enc_ok,
          why_enc)
    check("A-2 6.2.11.3.2", "CIDFontType2 fonts have a CIDToGIDMap", cid_ok, why_cid)
    annots_ok, why = True, ""
    for i, page in enumerate(pdf.pages):
        for a in page.obj.get("/Annots", []):
            f = int(a.get("/F", 0))
            if not f & 4 or f & (1 | 2 | 32):
                annots_ok, why = False, f"page {i + 1}: an annotation with /F {f}"
    check("A-2 6.3.2", "annotations are printed, not hidden (/F with Print)", annots_ok, why)
    check("A-2 6.6.1", "no JavaScript, no /AA actions", b"/JavaScript" not in raw and "/AA" not in root)
    has_lzw = b"/LZWDecode" in raw
    check("A-2 6.1.7", "no LZW compression", not has_lzw)

    meta_ok = "/Metadata" in root
    check("A-2 6.6.2.1", "the catalogue has an XMP metadata stream", meta_ok)
    if meta_ok:
        xmp = root.Metadata.read_bytes().decode("utf-8")
        tree = ET.fromstring(re.sub(r"<\?xpacket[^>]*\?>", "", xmp).strip())
        desc = tree.find(".//rdf:Description", NS)
        part = desc.findtext("pdfaid:part", namespaces=NS)
        conf = desc.findtext("pdfaid:conformance", namespaces=NS)
        check("A-2 6.6.4", "XMP identifies PDF/A-2 (pdfaid:part 2, conformance B)", part == "2" and conf == "B")
        info = pdf.docinfo
        pairs = [
            ("/Title", desc.findtext("dc:title/rdf:Alt/rdf:li", namespaces=NS)),
            ("/Author", desc.findtext("dc:creator/rdf:Seq/rdf:li", namespaces=NS)),
            ("/Subject", desc.findtext("dc:description/rdf:Alt/rdf:li", namespaces=NS)),
            ("/Keywords", desc.findtext("pdf:Keywords", namespaces=NS)),
            ("/Producer", desc.findtext("pdf:Producer", namespaces=NS)),
            ("/Creator", desc.findtext("xmp:CreatorTool", namespaces=NS)),
        ]
        same, why = True, ""
        for key, value in pairs:
            if (key in info) != (value is not None) or (value is not None and str(info[key]) != value):
                same, why = False, f"{key}: {info.get(key)!r} vs {value!r}"
        for key, tag in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            value = desc.findtext(tag, namespaces=NS)
            if (key in info) != (value is not None):
                same, why = False, f"{key} only on one side"
            elif value is not None and pdf_date(str(info[key])) != xmp_date(value):
                same, why = False, f"{key}: {info[key]} vs {value}"
        check("A-2 6.6.3", "the Info dictionary's entries equal their XMP properties", same, why)

    # ---- PDF/UA-1 (ISO 14289-1), the clauses offerkit checks ----
    check("UA-1 7.1", "/MarkInfo /Marked true", "/MarkInfo" in root and bool(root.MarkInfo.get("/Marked", False)))
    check("UA-1 7.1", "a structure tree", "/StructTreeRoot" in root)
    check("UA-1 7.1", "the title shown as the window title (DisplayDocTitle)",
          "/ViewerPreferences" in root and bool(root.ViewerPreferences.get("/DisplayDocTitle", False)))
    check("UA-1 7.1", "a title in the metadata", meta_ok and desc.findtext("dc:title/rdf:Alt/rdf:li", namespaces=NS))
    check("UA-1 7.2", "the document's language (/Lang)", str(root.get("/Lang", "")) in ("fr", "en"))
    unmarked, why = 0, ""
    for i, page in enumerate(pdf.pages):
        depth = 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif op in PAINTING and depth <= 0:
                unmarked += 1
                why = why or f"page {i + 1}: {op} outside marked content"
    check("UA-1 7.1", "all content is tagged or an artifact (no painting outside marked content)", unmarked == 0, why)
    figures_ok, headings, why = True, [], ""
    if "/StructTreeRoot" in root:
        def walk(e):
            nonlocal figures_ok, why
            if isinstance(e, pikepdf.Dictionary) and "/S" in e:
                s = str(e.S)
                if s == "/Figure" and not str(e.get("/Alt", "")):
                    figures_ok, why = False, "a Figure without /Alt"
                if re.fullmatch(r"/H[1-6]", s):
                    headings.append(int(s[2]))
                k = e.get("/K")
                for c in (k if isinstance(k, pikepdf.Array) else [k]):
                    walk(c)
        walk(root.StructTreeRoot.get("/K"))
    check("UA-1 7.3", "every Figure has an alternative text", figures_ok, why)
    skipped = [b for a, b in zip([0] + headings, headings) if b > a + 1]
    check("UA-1 7.4.2", "headings do not skip a level", bool(headings) and not skipped, f"levels {headings[:12]}")
    # links: described, and in the structure as Link elements (their /StructParent in the ParentTree)
    parents = {}
    if "/StructTreeRoot" in root and "/ParentTree" in root.StructTreeRoot:
        nums = root.StructTreeRoot.ParentTree.get("/Nums", [])
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums) - 1, 2)}
    described, linked, why_d, why_l = True, True, "", ""
    for i, page in enumerate(pdf.pages):
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            if not str(a.get("/Contents", "")):
                described, why_d = False, f"page {i + 1}: a link without /Contents"
            key = a.get("/StructParent")
            element = parents.get(int(key)) if key is not None else None
            if not isinstance(element, pikepdf.Dictionary) or element.get("/S") != "/Link":
                linked, why_l = False, f"page {i + 1}: a link outside the structure"
    check("UA-1 7.18.1", "every link annotation has a description (/Contents)", described, why_d)
    check("UA-1 7.18.5", "every link annotation is in a Link structure element", linked, why_l)
    tabs_ok = all(p.obj.get("/Tabs") == "/S" for p in pdf.pages if "/Annots" in p.obj)
    check("UA-1 7.18.3", "pages with annotations have /Tabs /S", tabs_ok)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
