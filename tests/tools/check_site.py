#!/usr/bin/python3
"""Checks an offerkit site and its feeds with Python's own parsers.

check_site.py SITE_DIR --as-of YYYY-MM-DD [--rss F] [--atom F] [--sitemap F]

Every page: <html lang="fr">, no resource loaded from outside the site. Every
offer page: exactly one schema.org JobPosting in JSON-LD that parses, with
Google's required properties (title, description, datePosted,
hiringOrganization, jobLocation) and its facts shown in the page's text;
offers shown closed (past validThrough, or closed by HR's tracking)
carry <meta name="robots" content="noindex">, open ones do not; one past its
validThrough is shown closed. Feeds: feedparser reads them without
error, one entry per open offer already posted, each linking to a page of the site, dated
at midnight in Nouméa (+11:00). Sitemap: every <loc> a page of the site.
Prints "ok" or the problems.
"""
import argparse
import html.parser
import json
import os
import sys
import xml.etree.ElementTree as ET

import feedparser


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.json_ld = []
        self.robots = None
        self.resources = []
        self.text = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "script":
            self._in = "ld" if a.get("type") == "application/ld+json" else "script"
            if "src" in a:
                self.resources.append(a["src"])
            if self._in == "ld":
                self.json_ld.append("")
        if tag == "meta" and a.get("name") == "robots":
            self.robots = a.get("content")
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload"):
            self.resources.append(a.get("href", ""))
        if tag in ("img", "iframe", "video", "audio", "source"):
            self.resources.append(a.get("src", ""))
        if tag in ("style", "title"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self._in = None

    def handle_data(self, data):
        if self._in == "ld":
            self.json_ld[-1] += data
        elif self._in is None:
            self.text.append(data)


def read_page(path):
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.visible = " ".join(" ".join(p.text).split())
    return p


FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]


def fr_date(iso):
    y, m, d = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    return f"{d}{'er' if d == 1 else ''} {FR_MONTHS[m - 1]} {y}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--rss")
    ap.add_argument("--atom")
    ap.add_argument("--sitemap")
    a = ap.parse_args()
    problems = []
    pages = []
    for root, _, files in os.walk(a.site):
        for f in files:
            if f.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(root, f), a.site))
    open_pages = set()
    for rel in sorted(pages):
        p = read_page(os.path.join(a.site, rel))
        if p.lang != "fr":
            problems.append(f"{rel}: lang is {p.lang!r}")
        for r in p.resources:
            if "://" in r or r.startswith("//"):
                problems.append(f"{rel}: loads {r} from outside the site")
        if not rel.startswith("offres/"):
            continue
        if len(p.json_ld) != 1:
            problems.append(f"{rel}: {len(p.json_ld)} JSON-LD scripts, expected 1")
            continue
        if "</" in p.json_ld[0]:
            problems.append(f"{rel}: '</' inside the JSON-LD script")
        try:
            ld = json.loads(p.json_ld[0])
        except ValueError as e:
            problems.append(f"{rel}: JSON-LD does not parse: {e}")
            continue
        if ld.get("@type") != "JobPosting":
            problems.append(f"{rel}: @type {ld.get('@type')!r}")
        for prop in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
            if not ld.get(prop):
                problems.append(f"{rel}: Google's required property {prop} is missing")
        shown = [ld.get("title", ""), ld.get("hiringOrganization", {}).get("name", ""),
                 ld.get("identifier", {}).get("value", ""), fr_date(ld.get("datePosted", "0000-01-01"))]
        if ld.get("validThrough"):
            shown.append(fr_date(ld["validThrough"]))
        loc = ld.get("jobLocation", {})
        if isinstance(loc, dict) and loc.get("name"):
            shown.append(loc["name"])
        for s in shown:
            if " ".join(s.split()) not in p.visible:
                problems.append(f"{rel}: {s!r} is in the JSON-LD but not shown on the page")
        # Closed: past validThrough, or by what HR recorded (filled, cancelled…): the page says so.
        past = bool(ld.get("validThrough")) and ld["validThrough"][:10] < a.as_of
        says_closed = "Offre clôturée" in p.visible
        if past and not says_closed:
            problems.append(f"{rel}: past its validThrough {ld['validThrough']} but not shown closed")
        if says_closed != (p.robots == "noindex"):
            problems.append(f"{rel}: shown {'closed' if says_closed else 'open'} but robots is {p.robots!r}")
        if not says_closed and ld.get("datePosted", "")[:10] <= a.as_of:
            open_pages.add(rel)  # what the feeds and the sitemap list: open and already posted
    for name, path in (("rss", a.rss), ("atom", a.atom)):
        if not path:
            continue
        d = feedparser.parse(path)
        if d.bozo:
            problems.append(f"{name}: feedparser: {d.bozo_exception}")
        linked = set()
        for e in d.entries:
            page = e.link.split("/offres/", 1)[-1]
            linked.add("offres/" + page)
            if not os.path.exists(os.path.join(a.site, "offres", page)):
                problems.append(f"{name}: {e.link} is not a page of the site")
            stamp = e.get("published", "")
            if not (stamp.endswith("+1100") or stamp.endswith("+11:00")):
                problems.append(f"{name}: {e.get('title')}: published {stamp!r} is not a Nouméa time")
            if not e.get("id"):
                problems.append(f"{name}: {e.get('title')}: no id/guid")
        if linked != open_pages:
            problems.append(f"{name}: entries {sorted(linked)} are not the open offers {sorted(open_pages)}")
    if a.sitemap:
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        locs = [l.text for l in ET.parse(a.sitemap).getroot().findall("s:url/s:loc", ns)]
        for loc in locs:
            rel = loc.split("/", 3)[-1]
            if not os.path.exists(os.path.join(a.site, rel)):
                problems.append(f"sitemap: {loc} is not a page of the site")
        if {l.split("/", 3)[-1] for l in locs if "/offres/" in l} != open_pages:
            problems.append("sitemap: its offer pages are not the open offers")
    print("\n".join(problems[:30]) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
