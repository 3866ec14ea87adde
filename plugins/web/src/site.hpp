// The site every format of the web plugin describes: its address, the day it
// is published on, and, for each offer, its page and what the index, the
// feeds and the sitemap say of it. Said once here, so that a feed's links are
// the site's pages.
#pragma once

#include <offerkit/date.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/job_offer.hpp>
#include <offerkit/output_file.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::web_plugin {

/// The options every web format takes.
std::vector<option_info> site_options();

/// The site's settings, from the options.
struct site_settings {
    std::string base_url;  ///< "https://emplois.example.nc/" (ends with '/'), or "" (links relative)
    date as_of;            ///< the day the site is published on: offers closed by then are closed
    bool as_of_given = false;
    std::string title;  ///< "Offres d'emploi"

    /// Throws errc::invalid_option, the message starting with `format`.
    static site_settings from_options(const option_map& options, std::string_view format);
    /// The address of `path` in the site ("offres/26-0420.html"): absolute with a base URL, else as given.
    std::string address(std::string_view path) const { return base_url + std::string(path); }
};

/// What the index, the feeds and the sitemap say of one offer.
struct site_entry {
    std::string stem;  ///< file name stem of its page: "9001-26-0101"
    std::string page;  ///< "offres/9001-26-0101.html"
    std::string reference, title, employer;
    std::string direction, grade, commune;  ///< canonical names when known, else as written; may be empty
    std::optional<date> posted_on, deadline;
    bool open = true;       ///< still taking applications on the as-of day
    bool published = true;  ///< posted on or before the as-of day (the feeds leave the others out)
    std::string summary;    ///< one line: "Direction … · grade … · Nouméa · jusqu'au 26 mars 2026"
    std::string key;        ///< a stable identifier: the canonical reference ("opt-nc:26-0101"), else the reference
};

/// Whether `offer` still takes applications on `day`: not filled, cancelled,
/// unsuccessful or closed (tracking events), and its deadline not passed
/// (an offer is open on its deadline day).
bool open_on(const job_offer& offer, const date& day) noexcept;

/// The entry of `offer`, whose page is `offres/<stem>.html`.
site_entry entry_of(const job_offer& offer, const std::string& stem, const site_settings& site);

/// Entries in the order the site lists them: open ones first; each part by
/// deadline (soonest first, none last), then reference.
void sort_for_listing(std::vector<site_entry>& entries);
/// Entries newest first, for the feeds: by posting date (latest first), then reference.
void sort_newest_first(std::vector<site_entry>& entries);

/// RFC 822 at midnight in Nouméa (RSS): "Thu, 26 Mar 2026 00:00:00 +1100".
std::string rfc822_noumea(const date& d);
/// RFC 3339 at midnight in Nouméa (Atom, sitemaps): "2026-03-26T00:00:00+11:00".
std::string rfc3339_noumea(const date& d);

/// The date a feed or sitemap says it was updated: the as-of day when given,
/// else the latest posting date of `entries` (never the clock), else nothing.
std::optional<date> updated_on(const std::vector<site_entry>& entries, const site_settings& site);

/// A single-file web format's session: collects the entries (a line each, not
/// the offers) and renders the file at finish().
class listing_session : public export_session {
public:
    listing_session(const export_target& target, site_settings site, std::string format, diagnostics& diags);
    void write(const job_offer& offer) final;
    std::vector<std::filesystem::path> finish() final;

protected:
    /// The file, from the entries (in input order).
    virtual std::string render(std::vector<site_entry> entries) const = 0;
    const site_settings& site() const noexcept { return site_; }

private:
    export_output out_;
    site_settings site_;
    diagnostics& diags_;
    output_names names_;
    std::vector<site_entry> entries_;
};

}  // namespace offerkit::web_plugin
