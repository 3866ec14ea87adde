// The web plugin and `offerkit publish` (docs/web.md): the site opened in
// Debian's Chromium with axe-core (tests/web/axe_site.js), its pages' JSON-LD
// and its feeds read by Python's parsers and feedparser
// (tests/tools/check_site.py), the XML by xmllint.
#include "support/test_support.hpp"

#include <offerkit/json.hpp>

#include <algorithm>

using namespace offerkit;
using namespace offerkit::testing;
namespace fs = std::filesystem;

namespace {

const std::string as_of = "2026-11-02";

std::string examples() {
    const fs::path ex = source_dir() / "examples";
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(ex / "postings")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    std::string s;
    for (const auto& f : files) s += " " + shell_quote(f);
    return s + " " + shell_quote((ex / "opendata" / "avp-exemple.csv").string()) + " --tracking " +
           shell_quote((ex / "tracking" / "suivi-2026.csv").string());
}

command_result publish(const fs::path& out, const std::string& more = "") {
    return run(cli_command() + " publish -q" + examples() + " --as-of " + as_of +
               " --base-url https://emplois.example.nc/ --brands-dir " +
               shell_quote((source_dir() / "assets" / "brands").string()) + more + " -o " + shell_quote(out.string()));
}

command_result check_site(const fs::path& site, const std::string& feeds) {
    return run(python() + " " + shell_quote((tests_dir() / "tools" / "check_site.py").string()) + " " +
               shell_quote(site.string()) + " --as-of " + as_of + feeds);
}

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::vector<fs::path> pages_of(const fs::path& site) {
    std::vector<fs::path> pages;
    for (const auto& e : fs::recursive_directory_iterator(site))
        if (e.path().extension() == ".html") pages.push_back(e.path());
    return pages;
}

}  // namespace

TEST_CASE("publish: one directory with the site, feeds, sitemap, CSV, flyers and workbook, the same bytes every run",
          "[web]") {
    temp_dir dir;
    auto r = publish(dir / "site");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    for (const char* f :
         {"index.html", "grades.html", "communes.html", "style.css", "rss.xml", "atom.xml", "sitemap.xml", "offres.csv",
          "offres.json", "offres.jsonld", "recrutement.xlsx", ".offerkit-output"})
        CHECK(fs::exists(dir / "site" / f));
    std::size_t pages = 0, flyers = 0;
    for (const auto& e : fs::directory_iterator(dir / "site" / "offres")) pages += e.path().extension() == ".html";
    for (const auto& e : fs::directory_iterator(dir / "site" / "flyers")) {
        ++flyers;
        // Each page links to its own flyer.
        const fs::path page = dir / "site" / "offres" / (e.path().stem().string() + ".html");
        REQUIRE(fs::exists(page));
        CHECK(read_file(page).find("href=\"../flyers/" + e.path().filename().string() + "\"") != std::string::npos);
    }
    CHECK(pages == 11);
    CHECK(flyers == pages);
    // Nothing left beside it: no staging tree.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

    r = publish(dir / "again");
    REQUIRE(r.exit_code == 0);
    r = run("diff -r " + shell_quote((dir / "site").string()) + " " + shell_quote((dir / "again").string()));
    INFO(r.output);
    CHECK(r.exit_code == 0);

    // Published again over itself: replaced whole (an offer gone is gone).
    write_file(dir / "site" / "offres" / "stale.html", "old");
    r = publish(dir / "site");
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(fs::exists(dir / "site" / "offres" / "stale.html"));
}

TEST_CASE("publish: refuses what it did not make, and publishes nothing when an offer is bad", "[web]") {
    temp_dir dir;
    write_file(dir / "mine" / "notes.txt", "keep me");
    auto r = publish(dir / "mine");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("was not made by offerkit"));
    CHECK(read_file(dir / "mine" / "notes.txt") == "keep me");

    write_file(dir / "bad.json", "{ broken");
    r = publish(dir / "site", " " + shell_quote((dir / "bad.json").string()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("bad.json:1:"));
    CHECK_FALSE(fs::exists(dir / "site"));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);  // mine, bad.json

    r = publish(dir / "site", " -k " + shell_quote((dir / "bad.json").string()));
    CHECK(r.exit_code == 1);
    CHECK(count(r.output, "bad.json:1:") == 1);  // said once, not once per output
    CHECK(fs::exists(dir / "site" / "index.html"));
}

TEST_CASE("html: every page passes axe-core's WCAG 2.1 AA rules in Chromium, by keyboard, offline", "[web][browser]") {
    const fs::path script = tests_dir() / "web" / "axe_site.js";
    const bool tools = run("command -v node && command -v chromium").exit_code == 0 &&
                       fs::exists(tests_dir() / "web" / "node_modules" / "axe-core") &&
                       fs::exists(tests_dir() / "web" / "node_modules" / "puppeteer-core");
    if (!tools) {
        if (in_ci()) FAIL("chromium, node or tests/web/node_modules is missing (scripts/install-deps installs them)");
        OFFERKIT_SKIP("chromium, node or tests/web/node_modules (npm axe-core, puppeteer-core) is missing");
    }
    temp_dir dir;
    auto r = publish(dir / "site");
    REQUIRE(r.exit_code == 0);
    const auto pages = pages_of(dir / "site");
    REQUIRE(pages.size() == 14);  // 3 index pages, 11 offers
    r = run("node " + shell_quote(script.string()) + " " + shell_quote((dir / "site").string()) + " 2>&1");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(count(r.output, "\nok ") + (r.output.rfind("ok ", 0) == 0) == pages.size());

    // The control: the same check finds what is wrong on a page that is.
    write_file(dir / "site" / "bad.html",
               "<!DOCTYPE html><html><head><title>x</title></head><body>"
               "<p style=\"color:#aaa;background:#fff\">pâle</p><img src=\"logo.png\"></body></html>");
    r = run("node " + shell_quote(script.string()) + " " + shell_quote((dir / "site").string()) + " 2>&1");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("violations bad.html") && Catch::Contains("html-has-lang") &&
                             Catch::Contains("color-contrast") && Catch::Contains("image-alt"));
}

TEST_CASE("html: one JobPosting a page, Google's properties there and shown, closed offers noindex", "[web]") {
    temp_dir dir;
    auto r = publish(dir / "site");
    REQUIRE(r.exit_code == 0);
    const fs::path s = dir / "site";
    const auto c = check_site(s, " --rss " + shell_quote((s / "rss.xml").string()) + " --atom " +
                                     shell_quote((s / "atom.xml").string()) + " --sitemap " +
                                     shell_quote((s / "sitemap.xml").string()));
    INFO(c.output);
    CHECK(c.exit_code == 0);
    CHECK(c.output == "ok\n");
    // Both kinds are there on 2 November 2026: open offers, and closed ones (deadline passed, or filled).
    std::size_t noindex = 0;
    for (const auto& p : pages_of(s / "offres"))
        noindex += read_file(p).find("content=\"noindex\"") != std::string::npos;
    CHECK(noindex > 0);
    CHECK(noindex < 11);
    CHECK(read_file(s / "index.html").find("Offres clôturées") != std::string::npos);
}

TEST_CASE("feeds: RSS and Atom read by feedparser, the XML well-formed, Nouméa times from the offers", "[web]") {
    temp_dir dir;
    auto r = publish(dir / "site");
    REQUIRE(r.exit_code == 0);
    const fs::path s = dir / "site";
    r = run("xmllint --noout " + shell_quote((s / "rss.xml").string()) + " " + shell_quote((s / "atom.xml").string()) +
            " " + shell_quote((s / "sitemap.xml").string()) + " 2>&1");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    const std::string rss = read_file(s / "rss.xml");
    CHECK(rss.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"", 0) == 0);
    CHECK(rss.find("<lastBuildDate>Mon, 02 Nov 2026 00:00:00 +1100</lastBuildDate>") != std::string::npos);
    CHECK(rss.find("<guid isPermaLink=\"true\">https://emplois.example.nc/offres/") != std::string::npos);
    const std::string atom = read_file(s / "atom.xml");
    CHECK(atom.find("<updated>2026-11-02T00:00:00+11:00</updated>") != std::string::npos);
    // Every item is an open offer's page (check_site.py compares them one by one).
    CHECK(count(rss, "<item>") == count(atom, "<entry>"));
    CHECK(count(rss, "<item>") > 0);
}

TEST_CASE("html: a title that tries to close the JSON-LD script stays text", "[web]") {
    job_offer o = minimal_offer();
    o.title = "</script><script>alert(1)</script> & <b>gras</b>";
    o.deadline = date::parse_iso("2026-12-31");
    o.posted_on = date::parse_iso("2026-11-01");
    o.location = "Nouméa";
    temp_dir dir;
    write_file(dir / "o.json", to_json(o));
    auto r = run(cli_command() + " convert -q " + shell_quote((dir / "o.json").string()) + " --to html --as-of " +
                 as_of + " -o " + shell_quote((dir / "site").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto pages = pages_of(dir / "site" / "offres");
    REQUIRE(pages.size() == 1);
    const std::string page = read_file(pages[0]);
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("<b>gras") == std::string::npos);
    CHECK(count(page, "</script>") == 1);  // the JSON-LD's own
    CHECK(page.find("&lt;/script&gt;&lt;script&gt;alert(1)") != std::string::npos);
    const auto c = check_site(dir / "site", "");
    INFO(c.output);
    CHECK(c.output == "ok\n");
}

TEST_CASE("web formats: bad options and outputs are refused with what to give", "[web]") {
    temp_dir dir;
    write_file(dir / "o.json", to_json(minimal_offer()));
    const std::string in = cli_command() + " convert -q " + shell_quote((dir / "o.json").string());
    auto r = run(in + " --to rss --option base-url=javascript:alert -o " + shell_quote((dir / "f.xml").string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("base-url=javascript:alert is not a web address"));
    r = run(in + " --to sitemap -o " + shell_quote((dir / "s.xml").string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("sitemap lists absolute addresses") && Catch::Contains("base-url"));
    r = run(in + " --to html -o -");
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("the site is a directory"));
    r = run(in + " --to rss -o " + shell_quote((dir / "f.xml").string()));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("no base-url option"));
    for (const char* f : {"s.xml"}) CHECK_FALSE(fs::exists(dir / f));
}

TEST_CASE("html: each page in its employer's brand, a colour too light for white text darkened and said", "[web]") {
    temp_dir dir;
    fs::create_directories(dir / "brands");
    fs::copy_file(source_dir() / "assets" / "brands" / "lagons-logo.png", dir / "brands" / "logo.png");
    write_file(dir / "brands" / "pale.json", R"({"format": "offerkit-brand/1", "organisation": "Commune pâle",
        "logo": "logo.png", "colors": {"primary": "#F2A03D", "accent": "#0E5A7A"}, "employers": ["Commune pâle"]})");
    job_offer pale = minimal_offer();
    pale.employer = "Commune pâle";
    job_offer other = minimal_offer();
    other.reference = "9001-25-0002/SR";
    write_file(dir / "pale.json", to_json(pale));
    write_file(dir / "other.json", to_json(other));
    const std::string inputs =
        " " + shell_quote((dir / "pale.json").string()) + " " + shell_quote((dir / "other.json").string());
    auto r = run(cli_command() + " convert" + inputs + " --to html --as-of " + as_of + " --brands-dir " +
                 shell_quote((dir / "brands").string()) + " -o " + shell_quote((dir / "site").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("brand pale: white text on its primary colour #F2A03D") &&
                             Catch::Contains("below WCAG's 4.5:1"));
    CHECK(fs::exists(dir / "site" / "assets" / "pale-logo.png"));
    std::string pale_page, other_page;
    for (const auto& p : pages_of(dir / "site" / "offres"))
        (read_file(p).find("Commune pâle") != std::string::npos ? pale_page : other_page) = read_file(p);
    REQUIRE_FALSE(pale_page.empty());
    REQUIRE_FALSE(other_page.empty());
    CHECK(pale_page.find("src=\"../assets/pale-logo.png\" alt=\"Commune pâle\"") != std::string::npos);
    CHECK(pale_page.find("--brand: #F2A03D") == std::string::npos);  // darkened
    CHECK(other_page.find("pale-logo.png") == std::string::npos);    // the built-in brand: no logo
    // A logo that is not a PNG is refused, naming the profile.
    write_file(dir / "brands" / "logo.png", "GIF89a not a png");
    r = run(cli_command() + " convert -q" + inputs + " --to html --brands-dir " +
            shell_quote((dir / "brands").string()) + " -o " + shell_quote((dir / "site2").string()));
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("logo.png: html: the logo is not a PNG file (named in ") &&
                             Catch::Contains("pale.json"));
    CHECK_FALSE(fs::exists(dir / "site2"));
}
