#!/usr/bin/python3
"""Checks an offerkit xlsx workbook with openpyxl, an independent reader.

usage: check_xlsx.py WORKBOOK.xlsx EXPECTED.json

EXPECTED.json (written by tests/test_xlsx.cpp, counts computed by the test
itself from its input offers):
{
  "sheets": [names in order],
  "offer_sheets": {name: {"headers": [...], "rows": [[reference, title, posted, deadline, status, url, linked], ...],
                          "empty_message": text or null}},
  "mode": "table" | "autofilter",
  "summary": {"sheet": name, "indicator": header text,
              "figures": [[formula prefix, value, all-offers value], ... 4 counts],
              "average": [value or null, value or null],
              "problems": n,
              "trend_header": text, "trend": [[label, count], ... 12],
              "breakdowns": {column header: {label: count}},
              "message": text or null},
  "quality": {"sheet": name, "counts": {problem label: n}, "empty_message": text or null,
              "linked": rows whose link must land on a row with the same reference},
  "charts": n,
  "properties": {"title": text, "author": text, "created": "YYYY-MM-DDT00:00:00"}
}
A title longer than 200 characters is given as {"length": n, "prefix": text}.
Prints every mismatch and exits 1 when there is one; prints OK otherwise.
"""
import datetime
import json
import sys
import zipfile

import openpyxl

problems = []


def fail(msg):
    problems.append(msg)


def eq(what, got, want):
    if got != want:
        fail(f"{what}: got {got!r}, want {want!r}")


def iso(v):
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    return v


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        exp = json.load(f)
    wb = openpyxl.load_workbook(path)                    # formulas as text
    wbv = openpyxl.load_workbook(path, data_only=True)   # cached values

    eq("sheet names", wb.sheetnames, exp["sheets"])
    for name in wb.sheetnames:
        if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
            fail(f"invalid sheet name {name!r}")

    # --- offer sheets -------------------------------------------------------
    for name, spec in exp["offer_sheets"].items():
        if name not in wb.sheetnames:
            fail(f"missing sheet {name}")
            continue
        ws = wb[name]
        headers = [c.value for c in ws[1]][: len(spec["headers"])]
        eq(f"{name}: header", headers, spec["headers"])
        eq(f"{name}: frozen panes", ws.freeze_panes, "B2")
        rows = spec["rows"]
        if not rows:
            eq(f"{name}: A2 message", ws["A2"].value, spec["empty_message"])
            eq(f"{name}: tables", len(ws.tables), 0)
            continue
        eq(f"{name}: max_row", ws.max_row, len(rows) + 1)
        last = len(rows) + 1
        if exp["mode"] == "table":
            tables = list(ws.tables.values())
            eq(f"{name}: table count", len(tables), 1)
            if tables:
                eq(f"{name}: table range", tables[0].ref, f"A1:O{last}")
        else:
            eq(f"{name}: autofilter", ws.auto_filter.ref, f"A1:O{last}")
        cf = ws.conditional_formatting
        rules = [r for rng in cf for r in rng.rules]
        if len(rules) != 1 or rules[0].type != "expression":
            fail(f"{name}: expected one formula conditional format, got {[r.type for r in rules]}")
        for i, row in enumerate(rows, start=2):
            ref, title, posted, deadline, status, url, linked = row
            cells = ws[i]
            got_ref = cells[0].value
            eq(f"{name}!A{i} reference", got_ref if got_ref is not None else "", ref)
            t = cells[1]
            if isinstance(title, dict):
                v = t.value or ""
                eq(f"{name}!B{i} title length", len(v), title["length"])
                eq(f"{name}!B{i} title prefix", v[: len(title["prefix"])], title["prefix"])
            else:
                eq(f"{name}!B{i} title", t.value, title)
            if t.value is not None and t.data_type != "s":
                fail(f"{name}!B{i}: title cell type {t.data_type!r}, want a string (never a formula)")
            for col, want in ((4, posted), (5, deadline)):
                c = cells[col]
                if want is None:
                    eq(f"{name}!{c.coordinate} empty date", c.value, None)
                else:
                    if not isinstance(c.value, datetime.datetime):
                        fail(f"{name}!{c.coordinate}: {c.value!r} is not a date")
                    eq(f"{name}!{c.coordinate} date", iso(c.value), want)
                    if not c.is_date:
                        fail(f"{name}!{c.coordinate}: no date number format")
            eq(f"{name}!G{i} status", cells[6].value, status)
            link = cells[14]
            eq(f"{name}!O{i} link text", link.value, url)
            has_link = link.hyperlink is not None and link.hyperlink.target is not None
            eq(f"{name}!O{i} clickable", has_link, linked)
            if has_link:
                eq(f"{name}!O{i} link target", link.hyperlink.target, url)
            for c in cells:
                if c.data_type == "f":
                    fail(f"{name}!{c.coordinate}: a formula in an offer row: {c.value!r}")

    # --- summary -----------------------------------------------------------
    s = exp["summary"]
    ws, wsv = wb[s["sheet"]], wbv[s["sheet"]]
    col_a = {}
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, 1).value
        if isinstance(v, str) and v not in col_a:
            col_a[v] = r
    if s["message"] is not None:
        if s["message"] not in col_a:
            fail(f"summary: message {s['message']!r} not found in column A")
    r0 = col_a.get(s["indicator"])
    if r0 is None:
        fail(f"summary: header {s['indicator']!r} not found")
    else:
        for k, (prefix, value, all_value) in enumerate(s["figures"]):
            r = r0 + 1 + k
            f = ws.cell(r, 2).value
            if prefix:
                if not (isinstance(f, str) and f.startswith(prefix)):
                    fail(f"summary!B{r}: formula {f!r} does not start with {prefix!r}")
            eq(f"summary!B{r} value ({ws.cell(r, 1).value})", wsv.cell(r, 2).value, value)
            eq(f"summary!C{r} value ({ws.cell(r, 1).value})", wsv.cell(r, 3).value, all_value)
        r = r0 + 1 + len(s["figures"])
        avg, avg_all = s["average"]
        for col, want in ((2, avg), (3, avg_all)):
            got = wsv.cell(r, col).value
            if want is None:
                eq(f"summary!{ws.cell(r, col).coordinate} average", got, "—")
            elif not isinstance(got, (int, float)) or abs(got - want) > 1e-9:
                fail(f"summary!{ws.cell(r, col).coordinate} average: got {got!r}, want {want!r}")
        if avg is not None:
            f = ws.cell(r, 2).value
            if not (isinstance(f, str) and f.startswith("=AVERAGE(")):
                fail(f"summary: average formula {f!r}")
        eq("summary: problems", wsv.cell(r + 1, 2).value, s["problems"])

    r0 = col_a.get(s["trend_header"])
    if r0 is None:
        fail(f"summary: trend header {s['trend_header']!r} not found")
    else:
        got = [[wsv.cell(r0 + 1 + k, 1).value, wsv.cell(r0 + 1 + k, 2).value] for k in range(12)]
        eq("summary: trend", got, s["trend"])

    for header, want in s["breakdowns"].items():
        r0 = col_a.get(header)
        if r0 is None:
            fail(f"summary: breakdown header {header!r} not found")
            continue
        got = {}
        r = r0 + 1
        while ws.cell(r, 1).value not in (None, "Total", "Aucune offre", "No offers"):
            got[ws.cell(r, 1).value] = wsv.cell(r, 2).value
            r += 1
        eq(f"summary: breakdown {header}", got, want)
        if want:
            eq(f"summary: breakdown {header} total", wsv.cell(r, 2).value, sum(want.values()))

    # --- quality -----------------------------------------------------------
    q = exp["quality"]
    ws = wb[q["sheet"]]
    counts = {}
    linked = 0
    if q["empty_message"] is not None:
        eq("quality!A2", ws["A2"].value, q["empty_message"])
    else:
        for r in range(2, ws.max_row + 1):
            v = ws.cell(r, 1).value
            counts[v] = counts.get(v, 0) + 1
            for col in (5, 6):
                c = ws.cell(r, col)
                if c.value is not None and not isinstance(c.value, datetime.datetime):
                    fail(f"quality!{c.coordinate}: {c.value!r} is not a date")
            # The link to the offer's row must land on a row with the same reference.
            link = ws.cell(r, 8).hyperlink
            if link is not None and link.location:
                sheet, _, cell = link.location.rpartition("!")
                sheet = sheet.strip("'")
                if sheet not in wb.sheetnames:
                    fail(f"quality!H{r}: link to a missing sheet {sheet!r}")
                else:
                    target_ref = wb[sheet][cell].value or ""
                    own_ref = ws.cell(r, 2).value or ""
                    if target_ref[:255] != own_ref:
                        fail(f"quality!H{r}: link {link.location} lands on reference {target_ref!r}, not {own_ref!r}")
                    linked += 1
        eq("quality counts", counts, q["counts"])
        eq("quality rows with a link to their offer", linked, q["linked"])

    # --- charts and properties (openpyxl drops charts: look in the zip) -----
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        eq("chart parts", len(charts), exp["charts"])
        bad = z.testzip()
        if bad:
            fail(f"zip member {bad} is corrupt")
    p = exp["properties"]
    eq("property title", wb.properties.title, p["title"])
    eq("property creator", wb.properties.creator, p["author"])
    eq("property created", wb.properties.created.isoformat() if wb.properties.created else None, p["created"])

    if problems:
        for m in problems[:60]:
            print("MISMATCH:", m)
        print(f"{len(problems)} mismatches")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
