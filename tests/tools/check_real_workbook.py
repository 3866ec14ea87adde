#!/usr/bin/python3
"""Checks a yearly workbook of all the real inputs (test_xlsx, issue "facts"):
one row per employer and per grade, each offer counted once, the Qualité
sheet listing the repairs and the duplicates, an application window near 21
days. Reads the workbook with openpyxl (not our code) and the offers' JSON
Lines that offerkit wrote of the same batch (--dedupe).

usage: check_real_workbook.py WORKBOOK OFFERS.jsonl
Prints what is wrong and exits 1, or prints "ok"."""
import json
import sys
import unicodedata

import openpyxl


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    offers = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    problems = []
    summary = wb["Synthèse"]
    rows = [[c for c in r] for r in summary.iter_rows(values_only=True)]

    def table(title):
        """The rows of the breakdown titled `title` (name, count) up to its Total."""
        out, inside = [], False
        for r in rows:
            if r and r[0] == title:
                inside = True
                continue
            if inside:
                if r[0] in (None,) or r[0] == "Total":
                    if r[0] == "Total":
                        break
                    continue
                if isinstance(r[1], (int, float)):
                    out.append((r[0], r[1]))
        return out

    employers = table("Offres par employeur")
    grades = table("Offres par corps / cadre d'emploi")
    if len(employers) != 1:
        problems.append("employers: %r (one employer, OPT-NC, whatever the spelling)" % employers)
    names = [fold(g) for g, _ in grades]
    if len(names) != len(set(names)):
        problems.append("grades differing only by case or accents: %r" % grades)
    published = sum(n for _, n in employers)
    in_year = {o["canonical"]["reference"] for o in offers if (o.get("posted_on") or "").startswith("2026")}
    if published != len(in_year):
        problems.append("offers counted %d times, %d offers published in 2026" % (published, len(in_year)))
    window = None
    for r in rows:
        if r and isinstance(r[0], str) and r[0].startswith("Délai moyen de candidature"):
            window = r[2]
    if window is None or not 20 <= window <= 23:
        problems.append("average window %r days, OPT's is 21" % window)
    quality = [r for r in wb["Qualité"].iter_rows(min_row=2, values_only=True) if r[0]]
    kinds = {}
    for r in quality:
        kinds.setdefault(r[0], set()).add(r[1])
    swapped = kinds.get("Date de dépôt et date limite inversées", set())
    weekday = kinds.get("Jour de la semaine incohérent avec la date", set())
    duplicates = kinds.get("Offre en double", set())
    if len(swapped) != 8:
        problems.append("swaps listed: %r (8: 4 postings, 4 JSON-LD)" % sorted(swapped))
    if weekday != {"3134-26-0686/SR", "3134-26-0691/SR"}:
        problems.append("weekday repairs listed: %r" % sorted(weekday))
    if len(duplicates) != 4:
        problems.append("duplicates listed: %r (4 offers in both the Markdown and the JSON-LD)" % sorted(duplicates))
    rows_per = {}
    for r in quality:
        rows_per[(r[0], r[1])] = rows_per.get((r[0], r[1]), 0) + 1
    twice = [k for k, n in rows_per.items() if n > 1]
    if twice:
        problems.append("listed more than once: %r" % twice)
    if problems:
        print("\n".join(problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
