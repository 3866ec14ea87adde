#!/usr/bin/python3
"""Computes the recruitment figures independently and compares them with
offerkit's `summary` JSON and, when given, its workbook (openpyxl).

Usage: check_summary.py OFFERS.jsonl PERIOD AS_OF SUMMARY.json [WORKBOOK.xlsx] -- TRACKING...

OFFERS.jsonl: the offers as offerkit reads them, *without* tracking (convert --to
jsonl); the tracking files (CSV or JSON Lines) are read and merged here, by the
rules of docs/tracking.md, and the figures counted by docs/summary.md. PERIOD is
YYYY-MM (a month) or YYYY (a year). Prints the mismatches; exit 1 when any.
"""
import csv
import datetime as dt
import io
import json
import sys
import unicodedata

problems = []


def fail(msg):
    problems.append(msg)


def eq(what, got, want):
    if isinstance(want, float) or isinstance(got, float):
        if got is None or want is None or abs(got - want) > 1e-9:
            if got != want:
                fail(f"{what}: got {got!r}, want {want!r}")
        return
    if got != want:
        fail(f"{what}: got {got!r}, want {want!r}")


def day(s):
    if not s:
        return None
    s = s.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    for sep in "/-.":
        parts = s.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            d, m, y = (int(p) for p in parts)
            if len(parts[2]) == 2:
                y += 2000
            return dt.date(y, m, d)
    raise ValueError(s)


def plain(s):
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c if c.isalnum() else " " for c in s).split()


EVENTS = {
    "publiee": "published", "published": "published", "mise en ligne": "published",
    "republiee": "republished", "republished": "republished",
    "cloturee": "closed", "closed": "closed",
    "pourvue": "filled", "pourvu": "filled", "filled": "filled",
    "annulee": "cancelled", "cancelled": "cancelled",
    "infructueuse": "unsuccessful", "infructueux": "unsuccessful", "unsuccessful": "unsuccessful",
    "candidatures": None, "applications": None,
}
COLUMNS = {
    "reference": "reference", "evenement": "event", "event": "event", "date": "date",
    "candidatures": "applications", "applications": "applications",
    "postes pourvus": "posts_filled", "posts filled": "posts_filled", "posts_filled": "posts_filled",
    "prise de poste": "start_date", "start date": "start_date", "start_date": "start_date",
    "nouvelle reference": "new_reference", "new reference": "new_reference", "new_reference": "new_reference",
    "postes": "posts", "posts": "posts", "commentaire": "note", "note": "note",
    "republication de": "republication_of", "republication of": "republication_of",
    "republication_of": "republication_of",
}


def read_tracking(path):
    """The rows that can be read: dicts with reference, kind (or None), date, counts."""
    text = open(path, encoding="utf-8-sig").read()
    rows = []
    if text.lstrip().startswith("{"):
        raw = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    raw.append((n, {k: ("" if v is None else str(v)) for k, v in json.loads(line).items()}))
                except ValueError:
                    pass
    else:
        delim = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delim)
        header = [COLUMNS.get(" ".join(plain(h)), COLUMNS.get(h)) for h in next(reader)]
        raw = [(reader.line_num, dict(zip(header, r))) for r in reader if any(c.strip() for c in r)]
    for n, r in raw:
        r = {COLUMNS.get(k, k): v.strip() for k, v in r.items() if k}
        ev = " ".join(plain(r.get("event", "")))
        if ev not in EVENTS or not r.get("reference"):
            continue  # refused by offerkit too (an error): not applied
        try:
            d = day(r.get("date"))
        except ValueError:
            continue
        kind = EVENTS[ev]
        if kind and not d:
            continue
        rows.append({"line": n, "reference": r["reference"], "kind": kind, "date": d,
                     "applications": int(r["applications"]) if r.get("applications") else None,
                     "posts_filled": int(r["posts_filled"]) if r.get("posts_filled") else None,
                     "start_date": day(r.get("start_date")) if r.get("start_date") else None,
                     "new_reference": r.get("new_reference") or None,
                     "republication_of": r.get("republication_of") or None})
    return rows


ORDER = {"published": 0, "republished": 1, "closed": 2}


def number_key(ref):
    """The reference's year and number, as offerkit's reference_number_key: 26-0686."""
    import re
    m = re.search(r"(?:^|[-/ _])(\d{2}|20\d{2})[-/ _](\d+)(?:$|[-/ _][A-Za-z]*$|$)", ref)
    if not m:
        return "".join(c for c in ref.upper() if c.isalnum())
    y = m.group(1)[-2:]
    return f"{y}-{m.group(2)}"


def is_final(e):
    return e["kind"] in ("filled", "cancelled", "unsuccessful") or (e["kind"] == "republished" and e["new"])


def outcome(o):
    for e in o["events"]:
        if is_final(e):
            return ("filled" if e["kind"] == "filled" else "cancelled" if e["kind"] == "cancelled"
                    else "unsuccessful", e["date"])
    return None


def published(o):
    for e in o["events"]:
        if e["kind"] == "published":
            return e["date"]
    return o["posted"]


def closed_on(o):
    for e in o["events"]:
        if e["kind"] == "closed":
            return e["date"]
    out = outcome(o)
    if out and (o["deadline"] is None or out[1] < o["deadline"]):
        return out[1]
    return o["deadline"]


def status_on(o, d):
    p = published(o)
    if p is None or d < p:
        return None
    out = outcome(o)
    if out and out[1] <= d:
        return out[0]
    any_closed = any(e["kind"] == "closed" for e in o["events"])
    open_ = True
    reopened = None
    for e in o["events"]:
        if e["date"] > d:
            continue
        if e["kind"] == "closed":
            open_ = False
        if e["kind"] == "republished" and not e["new"]:
            open_, reopened = True, e["date"]
    if not any_closed and o["deadline"] and o["deadline"] < d and (reopened is None or reopened <= o["deadline"]):
        open_ = False
    return "published" if open_ else "closed"


def merge(offers, rows, as_of):
    by_spelling = {}
    for o in offers:
        by_spelling.setdefault(o["reference"].lower().replace(" ", ""), o)
    by_number = {}
    for o in offers:
        by_number.setdefault(number_key(o["reference"]), []).append(o)
    for r in sorted(rows, key=lambda r: (r["date"] or dt.date.min, ORDER.get(r["kind"], 3) if r["kind"] else 4)):
        o = by_spelling.get(r["reference"].lower().replace(" ", ""))
        if o is None:
            same = by_number.get(number_key(r["reference"]), [])
            o = same[0] if len(same) >= 1 else None
        if o is None:
            continue  # unknown reference: reported, not applied
        if r["date"] and r["date"] > as_of:
            continue  # after as-of: not applied
        if r["kind"]:
            p = published(o)
            if r["kind"] != "published" and p and r["date"] < p:
                continue
            out = outcome(o)
            if out and r["kind"] not in ("closed", "published") and not (
                    out[0] == "unsuccessful" and r["kind"] == "republished"):
                continue
            e = {"kind": r["kind"], "date": r["date"], "new": r["new_reference"]}
            if not any(x == e for x in o["events"]):
                o["events"].append(e)
                o["events"].sort(key=lambda e: (e["date"], ORDER.get(e["kind"], 3)))
        if r["applications"] is not None:
            o["applications"] = r["applications"]
        if r["posts_filled"] is not None:
            o["posts_filled"] = r["posts_filled"]
        if r["republication_of"]:
            o["republication_of"] = r["republication_of"]
    for r in rows:  # a republished row naming another offer of the batch
        if r["kind"] == "republished" and r["new_reference"]:
            for o in offers:
                if (o["reference"].lower().replace(" ", "") == r["new_reference"].lower().replace(" ", "")
                        or number_key(o["reference"]) == number_key(r["new_reference"])) and not o["republication_of"]:
                    o["republication_of"] = r["reference"]


def percentile(v, q):
    if not v:
        return None
    v = sorted(v)
    h = (len(v) - 1) * q
    lo = int(h)
    if lo + 1 >= len(v):
        return float(v[-1])
    return v[lo] + (h - lo) * (v[lo + 1] - v[lo])


def figures(offers, start, end, as_of, batch_numbers):
    f = dict(published=0, posts_published=0, open_at_end=0, closed=0, filled=0, posts_filled=0, unsuccessful=0,
             cancelled=0, re_published=0, published_posts_filled=0)
    days, apps = [], []
    end_seen = min(end, as_of)
    inside = lambda d: d is not None and start <= d <= end  # noqa: E731
    for o in offers:
        p = published(o)
        out = outcome(o)
        posts = o["openings"] if o["openings"] and o["openings"] > 0 else 1
        filled_posts = o["posts_filled"] if o["posts_filled"] is not None else 1
        if inside(p):
            f["published"] += 1
            f["posts_published"] += posts
            if out and out[0] == "filled" and out[1] <= as_of:
                f["published_posts_filled"] += filled_posts
            if o["applications"] is not None:
                apps.append(o["applications"])
            if o["republication_of"]:
                f["re_published"] += 1
        if p is not None and p <= end_seen and status_on(o, end_seen) == "published":
            f["open_at_end"] += 1
        if inside(closed_on(o)):
            f["closed"] += 1
        if out and inside(out[1]):
            if out[0] == "filled":
                f["filled"] += 1
                f["posts_filled"] += filled_posts
                if p and out[1] >= p:
                    days.append((out[1] - p).days)
            elif out[0] == "cancelled":
                f["cancelled"] += 1
            else:
                f["unsuccessful"] += 1
        for e in o["events"]:
            if e["kind"] == "republished" and inside(e["date"]):
                if not e["new"] or number_key(e["new"]) not in batch_numbers:
                    f["re_published"] += 1
    f["fill_rate"] = f["published_posts_filled"] / f["posts_published"] if f["posts_published"] else None
    f["days_to_fill"] = {"count": len(days), "median": percentile(days, 0.5), "p90": percentile(days, 0.9)}
    f["applications"] = {"count": len(apps), "median": percentile(apps, 0.5), "p90": percentile(apps, 0.9)}
    return f


def compare(what, got, want):
    for k, v in want.items():
        if isinstance(v, dict):
            for kk, vv in v.items():
                eq(f"{what}.{k}.{kk}", got.get(k, {}).get(kk), vv)
        else:
            eq(f"{what}.{k}", got.get(k), v)


def last_day(y, m):
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def main():
    args = sys.argv[1:]
    sep = args.index("--")
    fixed, tracking = args[:sep], args[sep + 1:]
    offers_path, period, as_of, summary_path = fixed[:4]
    workbook = fixed[4] if len(fixed) > 4 else None
    as_of = dt.date.fromisoformat(as_of)
    offers = []
    for line in open(offers_path, encoding="utf-8"):
        j = json.loads(line)
        c = j.get("canonical") or {}
        offers.append({"reference": j["reference"], "posted": day(j.get("posted_on")),
                       "deadline": day(j.get("deadline")), "openings": j.get("openings"),
                       "events": [], "applications": None, "posts_filled": None,
                       "republication_of": j.get("republication_of"),
                       "direction": c.get("direction_name") or j.get("direction"),
                       "title": j["title"]})
    rows = [r for t in tracking for r in read_tracking(t)]
    merge(offers, rows, as_of)
    batch_numbers = {number_key(o["reference"]) for o in offers}

    if len(period) == 4:
        y = int(period)
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        months = [(y, m) for m in range(1, 13)]
    else:
        y, m = int(period[:4]), int(period[5:7])
        start, end = dt.date(y, m, 1), last_day(y, m)
        months = []
        for k in range(11, -1, -1):
            mm, yy = m - k, y
            while mm <= 0:
                mm, yy = mm + 12, yy - 1
            months.append((yy, mm))

    want = figures(offers, start, end, as_of, batch_numbers)
    s = json.load(open(summary_path, encoding="utf-8"))
    eq("format", s["format"], "offerkit-summary/1")
    eq("period.start", s["period"]["start"], start.isoformat())
    eq("period.end", s["period"]["end"], end.isoformat())
    eq("period.as_of", s["period"]["as_of"], as_of.isoformat())
    eq("offers", s["offers"], len(offers))
    tracked = sum(1 for o in offers if o["events"] or o["applications"] is not None or o["posts_filled"] is not None)
    eq("tracked", s["tracked"], tracked)
    compare("figures", s["figures"], want)
    eq("months", [x["month"] for x in s["months"]], [f"{yy}-{mm:02d}" for yy, mm in months])
    month_figures = []
    for (yy, mm), got in zip(months, s["months"]):
        mf = figures(offers, dt.date(yy, mm, 1), last_day(yy, mm), as_of, batch_numbers)
        month_figures.append(mf)
        compare(f"months[{yy}-{mm:02d}]", got["figures"], mf)
    # By direction (the canonical name, else as written): the period's figures.
    groups = {}
    for o in offers:
        groups.setdefault(o["direction"], []).append(o)
    got_groups = {g["name"]: g["figures"] for g in s["by_direction"]}
    eq("by_direction names", sorted(got_groups, key=str), sorted(groups, key=str))
    for name, members in groups.items():
        compare(f"by_direction[{name}]", got_groups.get(name, {}), figures(members, start, end, as_of, batch_numbers))

    if workbook:
        import openpyxl
        wb = openpyxl.load_workbook(workbook)
        ws = wb["Recrutement"]
        values = {}
        for r in ws.iter_rows(values_only=True):
            if r and isinstance(r[0], str) and r[1] is not None and r[0] not in values:
                values[r[0]] = r[1]
        labels = {"Offres publiées": "published", "Offres ouvertes en fin de période": "open_at_end",
                  "Offres clôturées": "closed", "Offres pourvues": "filled", "Offres infructueuses": "unsuccessful",
                  "Offres annulées": "cancelled", "Republications": "re_published",
                  "Postes publiés": "posts_published", "Postes pourvus": "posts_filled"}
        for label, key in labels.items():
            eq(f"Recrutement: {label}", values.get(label), want[key])
        for label, got_key in (("Taux de pourvoi", "fill_rate"),
                               ("Délai de recrutement médian", ("days_to_fill", "median")),
                               ("Délai de recrutement, 90e centile", ("days_to_fill", "p90")),
                               ("Candidatures par offre", ("applications", "median"))):
            cell = next((v for k, v in values.items() if k.startswith(label)), "missing")
            w = want[got_key] if isinstance(got_key, str) else want[got_key[0]][got_key[1]]
            eq(f"Recrutement: {label}", None if cell == "—" else cell, w)
        # The month table: published and filled per month.
        rows_ = list(ws.iter_rows(values_only=True))
        names = {f"{yy}-{mm:02d}": i for i, (yy, mm) in enumerate(months)}
        month_rows = [r for r in rows_ if r and isinstance(r[0], str) and len(r) > 2 and isinstance(r[1], (int, float))
                      and r[0].split(" ")[-1].isdigit() and len(r[0].split(" ")) == 2]
        eq("Recrutement: month rows", len(month_rows), len(months))
        for (yy, mm), r, mf in zip(months, month_rows, month_figures):
            eq(f"Recrutement {yy}-{mm:02d}: published", r[1], mf["published"])
            eq(f"Recrutement {yy}-{mm:02d}: filled", r[2], mf["filled"])
            eq(f"Recrutement {yy}-{mm:02d}: unsuccessful", r[3], mf["unsuccessful"])
            eq(f"Recrutement {yy}-{mm:02d}: median days", r[7], mf["days_to_fill"]["median"])
        # Suivi: one row per offer, its status on as-of.
        labels_fr = {"published": "ouverte", "closed": "clôturée", "filled": "pourvue", "cancelled": "annulée",
                     "unsuccessful": "infructueuse", None: "—"}
        suivi = {r[0]: r for r in wb["Suivi"].iter_rows(min_row=2, values_only=True) if r[0]}
        eq("Suivi rows", len(suivi), len(offers))
        for o in offers:
            r = suivi.get(o["reference"])
            if r is None:
                fail(f"Suivi: no row for {o['reference']}")
                continue
            eq(f"Suivi {o['reference']}: status", r[3], labels_fr[status_on(o, as_of)])
            eq(f"Suivi {o['reference']}: applications", r[9], o["applications"])

    for p in problems:
        print("MISMATCH:", p)
    print(f"{len(problems)} mismatches; {len(offers)} offers, {len(rows)} tracking rows read")
    sys.exit(1 if problems else 0)


main()
