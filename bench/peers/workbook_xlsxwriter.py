#!/usr/bin/python3
"""Peer of `offerkit convert CORPUS.jsonl --to xlsx --year YYYY --as-of DATE -o OUT.xlsx`
written the way a user would write it with Python XlsxWriter (or openpyxl):
the offers are streamed from the JSON Lines file, one at a time, into a yearly
workbook with the same sheets as offerkit's yearly report:

- Synthèse (first tab): title, period, key figures (offers of the year, open at
  the end of the year, closing within 14 days of as-of, average application
  window), offers per month (formulas over the month sheets) with a column
  chart, breakdowns by employer, direction (with a bar chart) and grade;
- one sheet per month: one row per offer (15 columns: reference ... link), real
  dates with a date format, status at as-of, a clickable link, an autofilter,
  frozen header, a conditional format on the rows closing within 7 days;
- Qualité: missing deadline, deadline before posting, duplicate references,
  with an internal link to the offer's row.

XlsxWriter runs in constant_memory mode (rows are written in order, as
offerkit's yearly report does with libxlsxwriter); openpyxl in write_only mode.

    /usr/bin/python3 bench/peers/workbook_xlsxwriter.py CORPUS.jsonl OUT.xlsx YEAR AS_OF [--openpyxl]

--read-only only reads and parses the corpus (no workbook): scripts/bench uses it to
show how much of the peer's time is the JSON reading.

Prints one line: "<offers> offers <rows> rows <bytes> bytes".
"""
import collections
import datetime
import json
import os
import sys

MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre",
          "Octobre", "Novembre", "Décembre"]
HEADERS = ["Référence", "Intitulé du poste", "Employeur", "Direction", "Unité",
           "Corps / cadre d'emploi", "Emploi", "Lieu de travail", "Date de dépôt", "Date limite",
           "Délai de candidature (jours)", "Statut", "Poste à pourvoir", "Agents encadrés", "Lien"]
WIDTHS = [18, 48, 32, 32, 28, 28, 24, 28, 12, 12, 13, 16, 26, 14, 40]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def parse_date(text):
    return datetime.date.fromisoformat(text) if text else None


def status(deadline, as_of):
    if deadline is None:
        return "sans date limite"
    if deadline < as_of:
        return "clôturée"
    if (deadline - as_of).days <= 7:
        return "clôture proche"
    return "ouverte"


class Stats:
    def __init__(self, year, as_of):
        self.year, self.as_of = year, as_of
        self.received = self.in_year = self.open_at_end = self.closing_soon = 0
        self.window_sum = self.window_n = 0
        self.per_month = [0] * 12
        self.employer = collections.Counter()
        self.direction = collections.Counter()
        self.grade = collections.Counter()
        self.seen = {}
        self.problems = []  # (sheet, row, reference, text)

    def breakdown(self, counter):
        top = counter.most_common(20)
        rest = sum(counter.values()) - sum(n for _, n in top)
        return top + ([("Autres", rest)] if rest else [])


def offer_row(o, posted, deadline, as_of):
    staff = (o.get("managed_staff") or {}).get("total") or ""
    window = (deadline - posted).days if posted and deadline and deadline >= posted else None
    return [o.get("reference") or "", o.get("title") or "", o.get("employer") or "",
            o.get("direction") or "", o.get("unit") or "", o.get("grade") or "",
            o.get("job_family") or "", o.get("location") or "", posted, deadline, window,
            status(deadline, as_of), o.get("availability") or "", staff, o.get("url") or ""]


def account(st, o, posted, deadline, sheet, row):
    ref = o.get("reference") or ""
    st.in_year += 1
    st.per_month[posted.month - 1] += 1
    st.employer[o.get("employer") or "(non renseigné)"] += 1
    st.direction[o.get("direction") or "(non renseigné)"] += 1
    st.grade[o.get("grade") or "(non renseigné)"] += 1
    end = datetime.date(st.year, 12, 31)
    if deadline is None:
        st.problems.append((sheet, row, ref, "date limite manquante"))
    else:
        if deadline >= end:
            st.open_at_end += 1
        if 0 <= (deadline - st.as_of).days <= 14:
            st.closing_soon += 1
        if deadline < posted:
            st.problems.append((sheet, row, ref, "date limite antérieure à la date de dépôt"))
        else:
            st.window_sum += (deadline - posted).days
            st.window_n += 1
    if ref in st.seen:
        first_sheet, first_row = st.seen[ref]
        st.problems.append((sheet, row, ref,
                            f"référence en double (vue d'abord dans {first_sheet}, ligne {first_row + 1})"))
    else:
        st.seen[ref] = (sheet, row)


def read_offers(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def run_xlsxwriter(corpus, out, year, as_of):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    wb.set_properties({"title": f"Recrutement {year}", "created": datetime.datetime(
        as_of.year, as_of.month, as_of.day)})
    f_title = wb.add_format({"bold": True, "font_size": 16, "font_color": "#1F3864"})
    f_section = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F3864"})
    f_header = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "bottom": 1, "text_wrap": True,
                              "valign": "top"})
    f_date = wb.add_format({"num_format": "dd/mm/yyyy", "align": "left"})
    f_int = wb.add_format({"num_format": "#,##0"})
    f_pct = wb.add_format({"num_format": "0.0%"})
    f_dec = wb.add_format({"num_format": "0.0"})
    f_soon = wb.add_format({"bg_color": "#FCE4D6", "font_color": "#9C3700"})
    f_link = wb.get_default_url_format()

    summary = wb.add_worksheet("Synthèse")
    months = []
    for m in range(12):
        ws = wb.add_worksheet(f"{MONTHS[m]} {year}")
        for c, w in enumerate(WIDTHS):
            ws.set_column(c, c, w)
        ws.set_row(0, 32)
        for c, h in enumerate(HEADERS):
            ws.write_string(0, c, h, f_header)
        ws.freeze_panes(1, 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        months.append([ws, 1])
    quality = wb.add_worksheet("Qualité")

    st = Stats(year, as_of)
    for o in read_offers(corpus):
        st.received += 1
        posted = parse_date(o.get("posted_on") or o.get("reference_date"))
        if posted is None or posted.year != year:
            continue
        deadline = parse_date(o.get("deadline"))
        slot = months[posted.month - 1]
        ws, r = slot
        row = offer_row(o, posted, deadline, as_of)
        for c in range(8):
            ws.write_string(r, c, row[c])
        ws.write_datetime(r, 8, datetime.datetime(posted.year, posted.month, posted.day), f_date)
        if deadline:
            ws.write_datetime(r, 9, datetime.datetime(deadline.year, deadline.month, deadline.day), f_date)
        if row[10] is not None:
            ws.write_number(r, 10, row[10])
        ws.write_string(r, 11, row[11])
        ws.write_string(r, 12, row[12])
        ws.write_string(r, 13, row[13])
        if row[14].startswith(("http://", "https://", "mailto:", "ftp://")):
            ws.write_url(r, 14, row[14], f_link, row[14])
        else:
            ws.write_string(r, 14, row[14])
        account(st, o, posted, deadline, ws.name, r)
        slot[1] = r + 1

    for m, (ws, r) in enumerate(months):
        last = max(r - 1, 1)
        ws.autofilter(0, 0, last, len(HEADERS) - 1)
        ws.conditional_format(1, 0, last, len(HEADERS) - 1,
                              {"type": "formula", "criteria": '=$L2="clôture proche"', "format": f_soon})

    # Qualité
    quality.set_column(0, 0, 22)
    quality.set_column(1, 1, 18)
    quality.set_column(2, 2, 70)
    for c, h in enumerate(["Feuille / ligne", "Référence", "Problème"]):
        quality.write_string(0, c, h, f_header)
    for i, (sheet, row, ref, text) in enumerate(st.problems, start=1):
        quality.write_url(i, 0, f"internal:'{sheet}'!A{row + 1}", string=f"{sheet} !{row + 1}")
        quality.write_string(i, 1, ref)
        quality.write_string(i, 2, text)
    quality.autofilter(0, 0, max(len(st.problems), 1), 2)

    # Synthèse
    ws = summary
    ws.activate()
    ws.set_column(0, 0, 62)
    ws.set_column(1, 2, 20)
    ws.hide_gridlines(2)
    ws.write_string(0, 0, f"Offres d'emploi – année {year}", f_title)
    ws.write_string(1, 0, f"Situation au {as_of.isoformat()} – {st.received} offres reçues, "
                          f"{st.in_year} publiées en {year}")
    ws.write_string(3, 0, "Chiffres clés", f_section)
    key = [("Offres publiées dans l'année", st.in_year),
           ("Offres ouvertes au 31 décembre", st.open_at_end),
           ("Offres se clôturant dans les 14 jours", st.closing_soon),
           ("Délai moyen de candidature (jours)", st.window_sum / st.window_n if st.window_n else 0),
           ("Problèmes de données", len(st.problems))]
    for i, (label, value) in enumerate(key, start=4):
        ws.write_string(i, 0, label)
        ws.write_number(i, 1, value, f_dec if isinstance(value, float) else f_int)
    r = 11
    ws.write_string(r, 0, "Offres publiées par mois", f_section)
    first = r + 1
    for m in range(12):
        name = months[m][0].name
        ws.write_string(first + m, 0, name)
        ws.write_formula(first + m, 1, f"=COUNTA('{name}'!A:A)-1", f_int, st.per_month[m])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Offres publiées", "categories": ["Synthèse", first, 0, first + 11, 0],
                      "values": ["Synthèse", first, 1, first + 11, 1]})
    chart.set_title({"name": "Offres publiées par mois"})
    chart.set_legend({"none": True})
    ws.insert_chart(3, 4, chart, {"x_scale": 1.4, "y_scale": 1.2})
    r = first + 13
    direction_rows = None
    for title, counter in (("Par employeur", st.employer), ("Par direction", st.direction),
                           ("Par corps / cadre d'emploi", st.grade)):
        ws.write_string(r, 0, title, f_section)
        ws.write_string(r + 1, 0, "Valeur", f_header)
        ws.write_string(r + 1, 1, "Offres", f_header)
        ws.write_string(r + 1, 2, "Part", f_header)
        rows = st.breakdown(counter)
        top = r + 2
        for i, (value, n) in enumerate(rows):
            ws.write_string(top + i, 0, value)
            ws.write_number(top + i, 1, n, f_int)
            ws.write_number(top + i, 2, n / st.in_year if st.in_year else 0, f_pct)
        if counter is st.direction:
            direction_rows = (top, top + len(rows) - 1, r)
        r = top + len(rows) + 1
    if direction_rows:
        bars = wb.add_chart({"type": "bar"})
        bars.add_series({"name": "Offres",
                         "categories": ["Synthèse", direction_rows[0], 0, direction_rows[1], 0],
                         "values": ["Synthèse", direction_rows[0], 1, direction_rows[1], 1]})
        bars.set_title({"name": "Offres par direction"})
        bars.set_legend({"none": True})
        bars.set_y_axis({"reverse": True})
        ws.insert_chart(max(direction_rows[2], 23), 4, bars)
    wb.close()
    return st


def run_openpyxl(corpus, out, year, as_of):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill

    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Synthèse")
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="D9E1F2")
    months = []
    for m in range(12):
        ws = wb.create_sheet(f"{MONTHS[m]} {year}")
        ws.freeze_panes = "B2"
        for c, w in enumerate(WIDTHS):
            ws.column_dimensions[chr(ord("A") + c)].width = w
        cells = []
        for h in HEADERS:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill = header_font, header_fill
            cells.append(cell)
        ws.append(cells)
        months.append([ws, 1])
    quality = wb.create_sheet("Qualité")
    st = Stats(year, as_of)
    for o in read_offers(corpus):
        st.received += 1
        posted = parse_date(o.get("posted_on") or o.get("reference_date"))
        if posted is None or posted.year != year:
            continue
        deadline = parse_date(o.get("deadline"))
        slot = months[posted.month - 1]
        ws, r = slot
        row = offer_row(o, posted, deadline, as_of)
        dp = WriteOnlyCell(ws, value=posted)
        dp.number_format = "dd/mm/yyyy"
        dd = WriteOnlyCell(ws, value=deadline)
        dd.number_format = "dd/mm/yyyy"
        link = WriteOnlyCell(ws, value=row[14])
        if row[14].startswith(("http://", "https://")):
            link.hyperlink = row[14]
        ws.append(row[:8] + [dp, dd] + row[10:14] + [link])
        account(st, o, posted, deadline, ws.title, r)
        slot[1] = r + 1
    for ws, r in months:
        ws.auto_filter.ref = f"A1:O{max(r, 2)}"
    quality.append(["Feuille / ligne", "Référence", "Problème"])
    for sheet, row, ref, text in st.problems:
        quality.append([f"{sheet} !{row + 1}", ref, text])
    summary.append([f"Offres d'emploi – année {year}"])
    summary.append([f"Situation au {as_of.isoformat()} – {st.received} offres reçues"])
    summary.append(["Offres publiées dans l'année", st.in_year])
    summary.append(["Offres ouvertes au 31 décembre", st.open_at_end])
    summary.append(["Offres se clôturant dans les 14 jours", st.closing_soon])
    summary.append(["Problèmes de données", len(st.problems)])
    summary.append([])
    summary.append(["Offres publiées par mois"])
    first = summary.max_row if hasattr(summary, "max_row") else 9
    first = 9
    for m in range(12):
        summary.append([months[m][0].title, st.per_month[m]])
    chart = BarChart()
    chart.type = "col"
    chart.title = "Offres publiées par mois"
    chart.add_data(Reference(summary, min_col=2, min_row=first, max_row=first + 11))
    chart.set_categories(Reference(summary, min_col=1, min_row=first, max_row=first + 11))
    summary.add_chart(chart, "E4")
    for title, counter in (("Par employeur", st.employer), ("Par direction", st.direction),
                           ("Par corps / cadre d'emploi", st.grade)):
        summary.append([])
        summary.append([title])
        for value, n in st.breakdown(counter):
            summary.append([value, n, n / st.in_year if st.in_year else 0])
    wb.save(out)
    return st


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    corpus, out, year, as_of = sys.argv[1], sys.argv[2], int(sys.argv[3]), parse_date(sys.argv[4])
    if "--read-only" in sys.argv[5:]:  # the cost of reading the corpus alone, for the report
        n = sum(1 for _ in read_offers(corpus))
        print(f"{n} offers read")
        return
    runner = run_openpyxl if "--openpyxl" in sys.argv[5:] else run_xlsxwriter
    st = runner(corpus, out, year, as_of)
    print(f"{st.received} offers {st.in_year} rows {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
