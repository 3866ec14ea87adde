#!/usr/bin/python3
"""Checks a CSV file offerkit wrote with Python's csv module (not our reader).

check_csv.py FILE [--separator ;] [--rows N] [--header-of REAL.csv]
                  [--same-cells-as REAL.csv] [--formulas-in FILE.xlsx]

Always: the file is UTF-8 (a BOM allowed), every line ends with CRLF outside
quoted fields, every row has as many fields as the header, and no cell starts
with a character a spreadsheet takes for a formula (=, +, -, @, tab, CR).
--header-of: the header equals REAL.csv's. --rows: the number of rows.
--same-cells-as: every cell equals REAL.csv's, spaces squeezed.
--formulas-in: prints the cells LibreOffice made formulas of in FILE.xlsx
("formulas: A3") instead of "ok".
Prints "ok" or what is wrong.
"""
import argparse
import csv
import io
import re
import sys


def rows_of(path, separator=","):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    return raw, list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))


def squeeze(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--separator", default=",")
    p.add_argument("--rows", type=int)
    p.add_argument("--header-of")
    p.add_argument("--same-cells-as")
    p.add_argument("--formulas-in")
    a = p.parse_args()
    problems = []
    if a.formulas_in:
        import openpyxl

        ws = openpyxl.load_workbook(a.formulas_in).active
        found = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        print("formulas: " + " ".join(found))
        return 0
    raw, rows = rows_of(a.file, a.separator)
    if not rows:
        print("no header")
        return 1
    header = rows[0]
    # CRLF after every record: the count of CRLF at least the rows', and no bare LF outside quotes.
    if raw.count(b"\r\n") < len(rows):
        problems.append("records are not ended by CRLF")
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            problems.append(f"row {i}: {len(r)} fields, the header {len(header)}")
        for j, cell in enumerate(r):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                problems.append(f"row {i}, {header[j]}: starts with {cell[:1]!r}: {cell[:30]!r}")
    if a.rows is not None and len(rows) - 1 != a.rows:
        problems.append(f"{len(rows) - 1} rows, expected {a.rows}")
    if a.header_of:
        _, real = rows_of(a.header_of)
        if real[0] != header:
            problems.append(f"header differs from {a.header_of}: {header} != {real[0]}")
    if a.same_cells_as:
        _, real = rows_of(a.same_cells_as)
        if len(real) != len(rows):
            problems.append(f"{len(rows)} rows, {a.same_cells_as} has {len(real)}")
        for i, (x, y) in enumerate(zip(real, rows), start=1):
            for name, u, v in zip(real[0], x, y):
                if squeeze(u) != squeeze(v):
                    problems.append(f"row {i}, {name}: {v!r}, the original {u!r}")
    print("\n".join(problems[:20]) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
