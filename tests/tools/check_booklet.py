#!/usr/bin/env python3
"""Lists what a reader sees of a PDF's navigation, read with pikepdf (qpdf):
its page labels, its bookmarks (outline) with the page each leads to, and the
link annotations with their target pages. One fact per line:

  pages N
  label INDEX TEXT
  bookmark LEVEL PAGE TITLE        (PAGE: 0-based index of the target page)
  link PAGE TARGET                 (a link on page PAGE leading to page TARGET)

Usage: check_booklet.py FILE.pdf; exits 2 when the file cannot be read."""
import sys

import pikepdf


def page_of(pdf, dest):
    if isinstance(dest, pikepdf.Array) and len(dest) > 0:
        target = dest[0]
        for i, p in enumerate(pdf.pages):
            if p.obj.objgen == target.objgen:
                return i
    return -1


def main():
    try:
        pdf = pikepdf.open(sys.argv[1])
    except Exception as e:  # noqa: BLE001 - reported, not raised
        print(f"cannot read: {e}")
        return 2
    print(f"pages {len(pdf.pages)}")
    for i, p in enumerate(pdf.pages):
        print(f"label {i} {p.label}")

    def walk(items, level):
        for it in items:
            dest = it.destination
            if dest is None and it.action is not None:
                dest = it.action.get("/D")
            print(f"bookmark {level} {page_of(pdf, dest)} {it.title}")
            walk(it.children, level + 1)

    with pdf.open_outline() as outline:
        walk(outline.root, 0)
    for i, p in enumerate(pdf.pages):
        for a in p.obj.get("/Annots", []):
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                print(f"link {i} {page_of(pdf, a.Dest)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
