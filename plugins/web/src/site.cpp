// The site's settings and entries, shared by the html, rss, atom and sitemap formats.
#include "site.hpp"

#include <offerkit/error.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/tracking.hpp>

#include <algorithm>
#include <tuple>

namespace offerkit::web_plugin {

std::vector<option_info> site_options() {
    return {{"base-url", "the site's address, https://…/ (feeds and sitemaps need it; pages then link absolutely)", "",
             false},
            {"as-of",
             "the day the site is published on, YYYY-MM-DD: offers closed by then are marked closed "
             "(default: today in Nouméa, UTC+11)",
             "", true},
            {"title", "the site's and the feeds' title", "Offres d'emploi", false}};
}

site_settings site_settings::from_options(const option_map& options, std::string_view format) {
    site_settings s;
    s.title = text::squeeze_space(option_or(options, "title", "Offres d'emploi"));
    if (s.title.empty()) s.title = "Offres d'emploi";
    s.base_url = option_or(options, "base-url", "");
    if (!s.base_url.empty()) {
        const bool web = text::iequals_ascii(s.base_url.substr(0, 8), "https://") ||
                         text::iequals_ascii(s.base_url.substr(0, 7), "http://");
        if (!web || !is_safe_link(s.base_url))
            throw error(errc::invalid_option, std::string(format) + ": option base-url=" + excerpt(s.base_url) +
                                                  " is not a web address (https://emplois.example.nc/)");
        if (s.base_url.back() != '/') s.base_url += '/';
    }
    const std::string as_of = option_or(options, "as-of", "");
    if (as_of.empty()) {
        s.as_of = today_in_noumea();
    } else if (auto d = date::parse_iso(as_of)) {
        s.as_of = *d;
        s.as_of_given = true;
    } else {
        throw error(errc::invalid_option,
                    std::string(format) + ": option as-of=" + excerpt(as_of) + " is not a date (YYYY-MM-DD)");
    }
    return s;
}

bool open_on(const job_offer& offer, const date& day) noexcept {
    if (offer.deadline && *offer.deadline < day) return false;
    const auto status = status_on(offer, day);
    if (!status || *status == offer_status::published) return true;
    // status_on counts the deadline day as closed; a candidate may still apply that day.
    return *status == offer_status::closed && offer.deadline && *offer.deadline == day && closed_on(offer) == day &&
           std::none_of(offer.events.begin(), offer.events.end(),
                        [](const offer_event& e) { return e.kind == event_kind::closed; });
}

std::string rfc822_noumea(const date& d) {
    // RFC 822's day and month names are English ones cut to three letters.
    const std::string iso = d.to_iso();
    return std::string(text::weekday_name(d.weekday(), text::language::en).substr(0, 3)) + ", " + iso.substr(8, 2) +
           " " + std::string(text::month_name(d.month(), text::language::en).substr(0, 3)) + " " + iso.substr(0, 4) +
           " 00:00:00 +1100";
}

std::string rfc3339_noumea(const date& d) { return d.to_iso() + "T00:00:00+11:00"; }

site_entry entry_of(const job_offer& o, const std::string& stem, const site_settings& site) {
    site_entry e;
    e.stem = stem;
    e.page = "offres/" + stem + ".html";
    e.reference = o.reference;
    e.title = text::squeeze_space(o.title);
    e.employer = o.canonical.employer_name.value_or(o.employer);
    e.direction = o.canonical.direction_name.value_or(o.direction.value_or(""));
    e.grade = o.canonical.grade_name.value_or(o.grade.value_or(""));
    e.commune = o.canonical.commune_name.value_or(o.location.value_or(""));
    e.posted_on = o.posted_on ? o.posted_on : o.reference_date;
    e.deadline = o.deadline;
    e.open = open_on(o, site.as_of);
    e.published = !e.posted_on || *e.posted_on <= site.as_of;
    e.key = o.canonical.reference.value_or(o.reference);
    for (const std::string* part : {&e.direction, &e.grade, &e.commune})
        if (!part->empty()) e.summary += (e.summary.empty() ? "" : " · ") + *part;
    if (e.deadline)
        e.summary += (e.summary.empty() ? "" : " · ") + std::string(e.open ? "jusqu'au " : "clôturée le ") +
                     text::date_in_words(*e.deadline);
    return e;
}

void sort_for_listing(std::vector<site_entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const site_entry& a, const site_entry& b) {
        // Open first; soonest deadline first, none last.
        auto key = [](const site_entry& e) {
            return std::tuple(!e.open, !e.deadline, e.deadline.value_or(date{}), e.reference);
        };
        return key(a) < key(b);
    });
}

void sort_newest_first(std::vector<site_entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const site_entry& a, const site_entry& b) {
        if (a.posted_on != b.posted_on) return a.posted_on > b.posted_on;  // none last
        return a.reference < b.reference;
    });
}

std::optional<date> updated_on(const std::vector<site_entry>& entries, const site_settings& site) {
    if (site.as_of_given) return site.as_of;
    std::optional<date> latest;
    for (const auto& e : entries)
        if (e.posted_on && (!latest || *e.posted_on > *latest)) latest = e.posted_on;
    return latest;
}

listing_session::listing_session(const export_target& target, site_settings site, std::string format,
                                 diagnostics& diags)
    : out_(target, format), site_(std::move(site)), diags_(diags), names_(format, ".html") {}

void listing_session::write(const job_offer& offer) {
    job_offer copy;
    const job_offer& o = fitted(offer, copy, text_repertoire::xml, "web", diags_, text_scope::single_values);
    entries_.push_back(entry_of(o, names_.claim(o.reference, diags_), site_));
}

std::vector<std::filesystem::path> listing_session::finish() {
    out_.write(render(std::move(entries_)));
    return out_.commit();
}

}  // namespace offerkit::web_plugin
