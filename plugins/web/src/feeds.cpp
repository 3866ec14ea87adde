// The feeds of the open offers (RSS 2.0, Atom 1.0) and the jobs sitemap:
// each item links to the offer's page of the html site (same names), dated
// at midnight in Nouméa (UTC+11) from the offer's dates, never the clock.
#include "markup.hpp"
#include "site.hpp"
#include "web_exporters.hpp"

#include <offerkit/error.hpp>

namespace offerkit::web_plugin {

namespace {

void element(std::string& out, std::string_view indent, std::string_view name, std::string_view text) {
    out.append(indent).append("<").append(name).append(">");
    append_escaped(out, text);
    out.append("</").append(name).append(">\n");
}

std::string item_title(const site_entry& e) { return e.reference + " – " + e.title; }

std::vector<std::string> categories_of(const site_entry& e) {
    std::vector<std::string> c;
    for (const std::string* part : {&e.direction, &e.grade, &e.commune})
        if (!part->empty()) c.push_back(*part);
    return c;
}

std::vector<site_entry> open_newest_first(std::vector<site_entry> entries) {
    std::erase_if(entries, [](const site_entry& e) { return !e.open || !e.published; });
    sort_newest_first(entries);
    return entries;
}

class rss_session final : public listing_session {
public:
    using listing_session::listing_session;

private:
    std::string render(std::vector<site_entry> all) const override {
        const auto entries = open_newest_first(std::move(all));
        std::string out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
        element(out, "  ", "title", site().title);
        element(out, "  ", "link", site().address("index.html"));
        element(out, "  ", "description", site().title + " : les offres ouvertes");
        element(out, "  ", "language", "fr");
        if (auto d = updated_on(entries, site())) element(out, "  ", "lastBuildDate", rfc822_noumea(*d));
        if (!site().base_url.empty())
            out += "  <atom:link href=\"" + escaped(site().address("rss.xml")) +
                   "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
        for (const auto& e : entries) {
            out += "  <item>\n";
            element(out, "    ", "title", item_title(e));
            element(out, "    ", "link", site().address(e.page));
            // The page's address when the site has one; else the offer's key, which no run changes.
            if (site().base_url.empty())
                out += "    <guid isPermaLink=\"false\">" + escaped("offerkit:" + e.key) + "</guid>\n";
            else
                out += "    <guid isPermaLink=\"true\">" + escaped(site().address(e.page)) + "</guid>\n";
            element(out, "    ", "description", e.employer + (e.summary.empty() ? "" : " · " + e.summary));
            if (e.posted_on) element(out, "    ", "pubDate", rfc822_noumea(*e.posted_on));
            for (const auto& c : categories_of(e)) element(out, "    ", "category", c);
            out += "  </item>\n";
        }
        return out + "</channel>\n</rss>\n";
    }
};

class atom_session final : public listing_session {
public:
    using listing_session::listing_session;

private:
    std::string render(std::vector<site_entry> all) const override {
        const auto entries = open_newest_first(std::move(all));
        const bool absolute = !site().base_url.empty();
        std::string out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n";
        element(out, "  ", "title", site().title);
        element(out, "  ", "id", absolute ? site().address("atom.xml") : "urn:offerkit:feed:" + site().title);
        const auto updated = updated_on(entries, site());
        // Atom requires <updated>: a feed of offers without any date says 1970, not the clock.
        element(out, "  ", "updated", rfc3339_noumea(updated.value_or(date{})));
        out +=
            "  <link rel=\"alternate\" type=\"text/html\" href=\"" + escaped(site().address("index.html")) + "\"/>\n";
        if (absolute)
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + escaped(site().address("atom.xml")) +
                   "\"/>\n";
        out += "  <author><name>";
        append_escaped(out, site().title);
        out += "</name></author>\n";
        for (const auto& e : entries) {
            out += "  <entry>\n";
            element(out, "    ", "title", item_title(e));
            element(out, "    ", "id", absolute ? site().address(e.page) : "urn:offerkit:offer:" + e.key);
            out +=
                "    <link rel=\"alternate\" type=\"text/html\" href=\"" + escaped(site().address(e.page)) + "\"/>\n";
            const date when = e.posted_on.value_or(updated.value_or(date{}));
            element(out, "    ", "published", rfc3339_noumea(when));
            element(out, "    ", "updated", rfc3339_noumea(when));
            out += "    <author><name>";
            append_escaped(out, e.employer);
            out += "</name></author>\n";
            element(out, "    ", "summary", e.summary.empty() ? e.employer : e.summary);
            for (const auto& c : categories_of(e)) out += "    <category term=\"" + escaped(c) + "\"/>\n";
            out += "  </entry>\n";
        }
        return out + "</feed>\n";
    }
};

class sitemap_session final : public listing_session {
public:
    using listing_session::listing_session;

private:
    std::string render(std::vector<site_entry> all) const override {
        const auto entries = open_newest_first(std::move(all));
        std::string out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        out += "  <url>\n";
        element(out, "    ", "loc", site().address("index.html"));
        if (auto d = updated_on(entries, site())) element(out, "    ", "lastmod", d->to_iso());
        out += "  </url>\n";
        for (const auto& e : entries) {
            out += "  <url>\n";
            element(out, "    ", "loc", site().address(e.page));
            if (e.posted_on) element(out, "    ", "lastmod", e.posted_on->to_iso());
            out += "  </url>\n";
        }
        return out + "</urlset>\n";
    }
};

exporter_info feed_info(std::string name, std::string description, std::string extension, std::string mime) {
    return {std::move(name), std::move(description), std::move(extension), std::move(mime), site_options(), true};
}

template <class Session>
std::unique_ptr<export_session> begin_listing(const exporter_info& info, const export_target& target,
                                              const option_map& options, diagnostics& diags) {
    check_options(info, options);
    site_settings site = site_settings::from_options(options, info.name);
    if (site.base_url.empty()) {
        if (info.name == "sitemap")
            throw error(errc::invalid_option,
                        "sitemap: a sitemap lists absolute addresses: give the site's with --option "
                        "base-url=https://…/");
        diags.warn({}, info.name +
                           ": no base-url option: the links are relative to the feed's directory; "
                           "feed readers and job boards need absolute addresses (--option base-url=https://…/)");
    }
    return std::make_unique<Session>(target, std::move(site), info.name, diags);
}

}  // namespace

const exporter_info& rss_exporter::info() const noexcept {
    static const exporter_info i =
        feed_info("rss", "an RSS 2.0 feed of the open offers", ".xml", "application/rss+xml");
    return i;
}
std::unique_ptr<export_session> rss_exporter::begin(const export_target& target, const option_map& options,
                                                    diagnostics& diags) const {
    return begin_listing<rss_session>(info(), target, options, diags);
}

const exporter_info& atom_exporter::info() const noexcept {
    static const exporter_info i =
        feed_info("atom", "an Atom 1.0 feed of the open offers", ".xml", "application/atom+xml");
    return i;
}
std::unique_ptr<export_session> atom_exporter::begin(const export_target& target, const option_map& options,
                                                     diagnostics& diags) const {
    return begin_listing<atom_session>(info(), target, options, diags);
}

const exporter_info& sitemap_exporter::info() const noexcept {
    static const exporter_info i =
        feed_info("sitemap", "a sitemap of the open offers' pages (sitemaps.org)", ".xml", "application/xml");
    return i;
}
std::unique_ptr<export_session> sitemap_exporter::begin(const export_target& target, const option_map& options,
                                                        diagnostics& diags) const {
    return begin_listing<sitemap_session>(info(), target, options, diags);
}

}  // namespace offerkit::web_plugin
