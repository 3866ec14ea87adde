// `offerkit publish`: one command from the postings to a directory holding
// the site, its feeds and sitemap, the open-data CSV, the flyers, the
// workbook and the JSON. Each output is an ordinary conversion (run_convert)
// into a tree built aside (atomic_directory) and swapped into place whole.
#include "commands.hpp"

#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>

#include <iostream>
#include <sstream>

namespace offerkit::cli {

namespace {

// Standard error held back while a conversion runs: its warnings were shown
// by the first conversion already; shown only when this one fails.
class held_stderr {
public:
    held_stderr() : old_(std::cerr.rdbuf(held_.rdbuf())) {}
    ~held_stderr() { std::cerr.rdbuf(old_); }
    std::string text() const { return held_.str(); }

private:
    std::ostringstream held_;
    std::streambuf* old_;
};

struct publication {
    const char* format;
    const char* path;  // in the site
    const char* what;
};

// In this order: the html site first, since its own tree takes the place of
// the staging directory (which holds nothing yet but offerkit's marker);
// every other output is then written into it.
constexpr publication publications[] = {
    {"html", "", "the site: index.html, offres/"},
    {"rss", "rss.xml", "RSS feed"},
    {"atom", "atom.xml", "Atom feed"},
    {"sitemap", "sitemap.xml", "jobs sitemap"},
    {"csv", "offres.csv", "open-data CSV"},
    {"jsonld", "offres.jsonld", "JSON-LD"},
    {"json", "offres.json", "canonical JSON"},
    {"pdf", "flyers", "flyers"},
    {"xlsx", "recrutement.xlsx", "recruitment workbook"},
};

}  // namespace

int run_publish(const registry& formats, const publish_request& request) {
    if (!formats.find("html")) {
        std::cerr << "offerkit: error: publish needs the html format (the web plugin), which this build lacks\n";
        return exit_usage;
    }
    // --base-url is checked by the web formats themselves (site_settings): one rule.
    std::unique_ptr<atomic_directory> site;
    try {
        site = std::make_unique<atomic_directory>(request.output);
    } catch (const error& e) {
        std::cerr << "offerkit: error: " << e.what() << '\n';
        return exit_bad_input;
    }
    const std::filesystem::path root = site->staging_path();
    std::vector<std::string> made, skipped;
    bool first = true, failed = false;
    for (const publication& p : publications) {
        const exporter* exp = formats.find(p.format);
        if (!exp) {
            skipped.push_back(std::string(p.format) + " (not in this build)");
            continue;
        }
        if (std::string_view(p.format) == "sitemap" && request.base_url.empty()) {
            skipped.push_back("sitemap (it needs --base-url)");
            continue;
        }
        convert_request c = request.convert;
        c.format = p.format;
        c.output = (root / p.path).string();
        c.quiet = !first || request.convert.quiet;
        c.dedupe = true;  // the flyers named as the pages are: each offer once
        if (takes_option(*exp, "base-url") && !request.base_url.empty()) c.options["base-url"] = request.base_url;
        if (takes_option(*exp, "title") && !request.title.empty()) c.options["title"] = request.title;
        if (takes_option(*exp, "flyers") && formats.find("pdf")) c.options["flyers"] = "flyers";
        if (takes_option(*exp, "brands-dir") && !request.brands_dir.empty())
            c.options["brands-dir"] = request.brands_dir;
        if (std::string_view(p.format) == "xlsx" && !request.convert.as_of.empty())
            c.options["year"] = request.convert.as_of.substr(0, 4);
        int code;
        if (first) {
            code = run_convert(formats, c);
            failed = code != exit_ok;
        } else {
            std::string said;
            {
                held_stderr held;
                code = run_convert(formats, c);
                if (code != exit_ok) said = held.text();
            }
            // The offers that failed were named by the first conversion: only what is new is shown.
            if (code != exit_ok && !failed) std::cerr << said;
        }
        first = false;
        // A bad offer was reported by the first conversion; with --keep-going the others skip it again.
        if (code == exit_usage || (code != exit_ok && !request.convert.keep_going)) {
            std::cerr << "offerkit: publish: " << p.format << " failed: nothing published\n";
            return code;
        }
        made.push_back(std::string(p.what) +
                       (std::string_view(p.path).empty() ? "" : " (" + std::string(p.path) + ")"));
    }
    std::vector<std::filesystem::path> files;
    try {
        files = site->commit();
    } catch (const error& e) {
        std::cerr << "offerkit: error: " << e.what() << '\n';
        return exit_bad_input;
    }
    if (!request.convert.quiet) {
        std::cerr << "offerkit: published to " << request.output << ": ";
        for (std::size_t i = 0; i < made.size(); ++i) std::cerr << (i ? ", " : "") << made[i];
        std::cerr << '\n';
        if (!skipped.empty()) {
            std::cerr << "offerkit: left out: ";
            for (std::size_t i = 0; i < skipped.size(); ++i) std::cerr << (i ? ", " : "") << skipped[i];
            std::cerr << '\n';
        }
    }
    return failed ? exit_bad_input : exit_ok;
}

}  // namespace offerkit::cli
