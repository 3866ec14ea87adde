#!/usr/bin/env python3
"""Reads a PDF's page content with pikepdf (qpdf) and checks every text shown
against what is painted under it: the contrast ratio of its fill colour with
the last filled rectangle that covers the start of the text (white paper when
none) must reach MIN (WCAG 2.1's formula).

Usage: check_contrast.py FILE.pdf [MIN]   (MIN defaults to 4.5)
Prints one line per text below MIN and a summary "checked N texts, M below";
exits 1 when any text is below MIN, 2 when the file cannot be read."""
import sys

import pikepdf


def luminance(c):
    def lin(v):
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(float(v)) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def shown(operands):
    """The text of a Tj/TJ operand, as far as a message needs it."""
    out = []
    for o in operands:
        items = o if isinstance(o, pikepdf.Array) else [o]
        for i in items:
            if isinstance(i, pikepdf.String):
                out.append(bytes(i).decode("latin-1", "replace"))
    return "".join(out)[:40]


def main():
    path = sys.argv[1]
    minimum = float(sys.argv[2]) if len(sys.argv) > 2 else 4.5
    try:
        pdf = pikepdf.open(path)
    except Exception as e:  # noqa: BLE001 - any failure to read is reported
        print(f"{path}: cannot read: {e}")
        return 2
    checked = below = 0
    for number, page in enumerate(pdf.pages, 1):
        fill = (0.0, 0.0, 0.0)
        rects, pending = [], []
        tx = ty = 0.0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "rg":
                fill = tuple(float(v) for v in operands)
            elif op == "g":
                fill = (float(operands[0]),) * 3
            elif op == "re":
                pending.append(tuple(float(v) for v in operands))
            elif op in ("f", "F", "f*"):
                rects.extend((r, fill) for r in pending)
                pending = []
            elif op == "n" or op == "S":
                pending = []
            elif op == "BT":
                tx = ty = 0.0
            elif op == "Td" or op == "TD":
                tx += float(operands[0])
                ty += float(operands[1])
            elif op == "Tm":
                tx, ty = float(operands[4]), float(operands[5])
            elif op in ("Tj", "TJ", "'", '"'):
                x, y = tx + 1, ty + 2
                background = (1.0, 1.0, 1.0)
                for (rx, ry, rw, rh), colour in rects:
                    if min(rx, rx + rw) <= x <= max(rx, rx + rw) and min(ry, ry + rh) <= y <= max(ry, ry + rh):
                        background = colour
                checked += 1
                r = ratio(fill, background)
                if r < minimum:
                    below += 1
                    print(f"page {number}: \"{shown(operands)}\" at ({x:.0f}, {y:.0f}): {r:.2f}:1")
    print(f"checked {checked} texts, {below} below {minimum}:1")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
