// The html format: a static job-board site in a directory, built aside and
// swapped into place whole (atomic_directory). Each offer's page is written as
// it comes (with its schema.org JobPosting, everything in it shown on the
// page); the index pages need only a line per offer, written at the end.
#include "html_style.hpp"
#include "markup.hpp"
#include "qr_svg.hpp"
#include "site.hpp"
#include "site_brands.hpp"
#include "web_exporters.hpp"

#include <offerkit/error.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>

#include <map>

namespace offerkit::web_plugin {

namespace {

struct html {
    std::string s;
    html& raw(std::string_view t) {
        s += t;
        return *this;
    }
    html& text(std::string_view t) {
        append_escaped(s, t);
        return *this;
    }
    html& tag(std::string_view name, std::string_view content, std::string_view attributes = {}) {
        s.append("<").append(name);
        if (!attributes.empty()) s.append(" ").append(attributes);
        s.append(">");
        append_escaped(s, content);
        s.append("</").append(name).append(">\n");
        return *this;
    }
};

// The head and the start of the body, shared by every page. `root` leads back to the site's top ("" or "../").
void page_start(html& h, const site_settings& site, const page_brand& brand, std::string_view organisation,
                std::string_view title, std::string_view root, std::string_view description, bool noindex,
                std::string_view canonical, std::string_view json_ld) {
    h.raw("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .tag("title", title);
    if (!description.empty()) h.raw("<meta name=\"description\" content=\"").text(description).raw("\">\n");
    if (noindex) h.raw("<meta name=\"robots\" content=\"noindex\">\n");
    if (!canonical.empty()) h.raw("<link rel=\"canonical\" href=\"").text(canonical).raw("\">\n");
    h.raw("<link rel=\"stylesheet\" href=\"").text(root).raw("style.css\">\n");
    // The brand's colours (hex digits only: nothing else reaches the style element).
    h.raw("<style>:root { --brand: ")
        .raw(brand.primary)
        .raw("; --brand-accent: ")
        .raw(brand.accent)
        .raw("; }</style>\n");
    h.raw("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"")
        .text(site.title)
        .raw("\" href=\"")
        .text(root)
        .raw("rss.xml\">\n");
    // to_jobposting_json writes <, > and & as \u escapes: nothing can close the script early.
    if (!json_ld.empty()) h.raw("<script type=\"application/ld+json\">\n").raw(json_ld).raw("\n</script>\n");
    h.raw("</head>\n<body>\n<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>\n").raw("<header class=\"site\">");
    if (!brand.logo.empty())
        h.raw("<img class=\"logo\" src=\"")
            .text(root)
            .text(brand.logo)
            .raw("\" alt=\"")
            .text(brand.logo_alt.empty() ? organisation : std::string_view(brand.logo_alt))
            .raw("\">");
    h.raw("<p><a href=\"").text(root).raw("index.html\">").text(site.title).raw("</a></p></header>\n");
}

void page_end(html& h, const site_settings& site, std::string_view root) {
    h.raw("<footer class=\"site\"><p>").text(site.title);
    if (site.as_of_given) h.text(" · offres au " + text::date_in_words(site.as_of));
    h.raw(" · <a href=\"").text(root).raw("rss.xml\">Flux RSS</a></p></footer>\n</body>\n</html>\n");
}

void list(html& h, const std::vector<std::string>& items) {
    if (items.empty()) return;
    h.raw("<ul>\n");
    for (const auto& i : items) h.tag("li", i);
    h.raw("</ul>\n");
}

void fact(html& h, std::string_view label, const std::optional<std::string>& value) {
    if (!value || value->empty()) return;
    h.raw("<div><dt>").text(label).raw("</dt><dd>").text(*value).raw("</dd></div>\n");
}

std::optional<std::string> date_text(const std::optional<date>& d) {
    return d ? std::optional<std::string>(text::long_date_in_words(*d)) : std::nullopt;
}

// A link the page may make clickable (offerkit/text_safety.hpp's one rule), with its words.
void link(html& h, const std::string& url, std::string_view words) {
    if (!is_safe_link(url)) {
        h.text(words).text(" : ").text(url);
        return;
    }
    h.raw("<a href=\"").text(url).raw("\">").text(words).raw("</a>");
}

std::string offer_page(const job_offer& o, const site_entry& e, const site_settings& site, const page_brand& brand,
                       const std::string& flyers_dir) {
    html h;
    const std::string page_url = site.base_url.empty() ? std::string() : site.address(e.page);
    page_start(h, site, brand, e.employer, e.title + " – " + e.employer, "../", e.employer + " · " + e.summary, !e.open,
               page_url, to_jobposting_json(o, true, jobposting_vocabulary::plain));
    h.raw("<main id=\"contenu\">\n<article>\n").tag("h1", e.title);
    h.raw("<p>");
    if (e.open)
        h.tag("span",
              e.deadline ? "Offre ouverte : candidatures jusqu'au " + text::long_date_in_words(*e.deadline)
                         : std::string("Offre ouverte"),
              "class=\"status open\"");
    else
        h.tag("span", "Offre clôturée : les candidatures ne sont plus reçues", "class=\"status closed\"");
    h.raw("</p>\n<dl class=\"facts\">\n");
    fact(h, "Référence", o.reference);
    fact(h, "Employeur", o.employer);
    fact(h, "Direction", o.direction);
    fact(h, "Service", o.unit);
    fact(h, "Corps ou grade", o.grade);
    fact(h, "Emploi", o.job_family);
    fact(h, "Lieu de travail", o.location);
    fact(h, "Postes", o.openings ? std::optional<std::string>(std::to_string(*o.openings)) : std::nullopt);
    fact(h, "Poste à pourvoir", o.availability);
    fact(h, "Publiée le", date_text(o.posted_on ? o.posted_on : o.reference_date));
    fact(h, "Date limite de candidature", date_text(o.deadline));
    fact(h, "Durée de résidence exigée", o.residency_requirement);
    fact(h, "Place dans l'organigramme", o.org_position);
    fact(h, "Supérieur hiérarchique", o.supervisor);
    for (const auto& [label, value] : o.extra) fact(h, label, value);
    h.raw("</dl>\n");
    if (!o.description.empty()) {
        h.tag("h2", "Le poste");
        for (const auto& p : o.description) h.tag("p", p);
    }
    if (!o.missions.empty()) {
        h.tag("h2", "Missions");
        list(h, o.missions);
    }
    if (!o.activities.empty()) {
        h.tag("h2", "Activités");
        for (const auto& a : o.activities) {
            h.tag("h3", std::string(a.kind == activity_kind::main ? "Activités principales" : "Activités secondaires") +
                            (a.title ? " : " + *a.title : ""));
            list(h, a.items);
        }
    }
    if (!o.profile.empty()) {
        h.tag("h2", "Profil recherché");
        for (const auto& p : o.profile) {
            if (p.title) h.tag("h3", *p.title);
            list(h, p.items);
        }
    }
    if (!o.conditions.empty()) {
        h.tag("h2", "Conditions particulières");
        list(h, o.conditions);
    }
    h.raw("<section class=\"apply\" aria-labelledby=\"candidater\">\n").tag("h2", "Candidater", "id=\"candidater\"");
    list(h, o.how_to_apply);
    if (!o.contacts.empty()) {
        h.tag("h3", "Renseignements");
        h.raw("<ul>\n");
        for (const auto& k : o.contacts) {
            h.raw("<li>");
            std::string who = k.name.value_or("");
            if (k.role) who += (who.empty() ? "" : ", ") + *k.role;
            h.text(who);
            if (k.phone) h.text((who.empty() ? "" : " · ") + std::string("tél. ") + *k.phone);
            if (k.email) {
                h.text(" · ");
                link(h, "mailto:" + *k.email, *k.email);
            }
            h.raw("</li>\n");
        }
        h.raw("</ul>\n");
    }
    if (o.document_url || !flyers_dir.empty()) {
        h.tag("h3", "Documents");
        h.raw("<ul>\n");
        if (o.document_url) {
            h.raw("<li>");
            link(h, *o.document_url, "L'avis de vacance de poste (document original)");
            h.raw("</li>\n");
        }
        // The flyer is a file of the site itself, named as the page is.
        if (!flyers_dir.empty())
            h.raw("<li><a href=\"../")
                .text(flyers_dir)
                .raw("/")
                .text(e.stem)
                .raw(".pdf\">")
                .text("La fiche de l'offre (PDF)")
                .raw("</a></li>\n");
        h.raw("</ul>\n");
    }
    h.raw("</section>\n");
    // The QR code of the page's address (else the posting's own or the offer's), printed with its text.
    const std::string qr_target = !page_url.empty() ? page_url : o.url.value_or(o.document_url.value_or(""));
    if (!qr_target.empty() && is_safe_link(qr_target))
        if (auto svg = qr_svg(qr_target, "Code QR de l'adresse de cette offre : " + qr_target)) {
            h.raw("<figure class=\"qr-code\">\n")
                .raw(*svg)
                .raw("\n<figcaption>")
                .text(qr_target)
                .raw("</figcaption>\n</figure>\n");
        }
    h.raw("</article>\n</main>\n");
    page_end(h, site, "../");
    return std::move(h.s);
}

// The three index pages: by direction (index.html), by grade, by commune.
struct facet {
    const char* file;
    const char* label;  // "par direction"
    std::string site_entry::*field;
    const char* none;  // the group of entries without a value
};
constexpr facet facets[] = {
    {"index.html", "par direction", &site_entry::direction, "Autres offres"},
    {"grades.html", "par grade", &site_entry::grade, "Grade non précisé"},
    {"communes.html", "par commune", &site_entry::commune, "Lieu non précisé"},
};

void offer_list(html& h, const std::vector<const site_entry*>& entries) {
    h.raw("<ul class=\"offers\">\n");
    for (const site_entry* e : entries) {
        h.raw("<li><a href=\"")
            .text(e->page)
            .raw("\">")
            .text(e->title)
            .raw("</a> <span class=\"meta\">")
            .text(e->reference + " · " + e->employer + (e->summary.empty() ? "" : " · " + e->summary))
            .raw("</span></li>\n");
    }
    h.raw("</ul>\n");
}

std::string index_page(const facet& f, const std::vector<site_entry>& entries, const site_settings& site,
                       const page_brand& brand) {
    html h;
    std::size_t open = 0;
    for (const auto& e : entries) open += e.open;
    page_start(h, site, brand, site.title, site.title + " – " + f.label, "", site.title, false,
               site.base_url.empty() ? std::string() : site.address(f.file), {});
    h.raw("<nav class=\"facets\" aria-label=\"Parcourir les offres\"><ul>\n");
    for (const facet& g : facets) {
        h.raw("<li><a href=\"").text(g.file).raw("\"");
        if (&g == &f) h.raw(" aria-current=\"page\"");
        h.raw(">Offres ").text(g.label).raw("</a></li>\n");
    }
    h.raw("<li><a href=\"rss.xml\">Flux RSS</a></li>\n</ul></nav>\n");
    h.raw("<main id=\"contenu\">\n").tag("h1", site.title + " : offres " + f.label);
    std::string lead = std::to_string(open) + (open > 1 ? " offres ouvertes" : " offre ouverte");
    if (site.as_of_given) lead += " au " + text::date_in_words(site.as_of);
    if (entries.size() > open)
        lead += ", " + std::to_string(entries.size() - open) + " clôturée" + (entries.size() - open > 1 ? "s" : "");
    h.tag("p", lead + ".", "class=\"lead\"");
    // Open offers grouped by the facet (groups by name, the unnamed last), then the closed ones.
    std::map<std::string, std::vector<const site_entry*>> groups;
    std::vector<const site_entry*> unnamed, closed;
    for (const auto& e : entries) {
        if (!e.open)
            closed.push_back(&e);
        else if ((e.*f.field).empty())
            unnamed.push_back(&e);
        else
            groups[e.*f.field].push_back(&e);
    }
    if (open == 0) h.tag("p", "Aucune offre n'est ouverte pour le moment.");
    for (const auto& [name, list] : groups) {
        h.tag("h2", name + " (" + std::to_string(list.size()) + ")");
        offer_list(h, list);
    }
    if (!unnamed.empty()) {
        h.tag("h2", std::string(f.none) + " (" + std::to_string(unnamed.size()) + ")");
        offer_list(h, unnamed);
    }
    if (!closed.empty()) {
        h.tag("h2", "Offres clôturées (" + std::to_string(closed.size()) + ")");
        offer_list(h, closed);
    }
    h.raw("</main>\n");
    page_end(h, site, "");
    return std::move(h.s);
}

class html_session final : public export_session {
public:
    html_session(const std::filesystem::path& dir, site_settings site, site_brands brands, std::string flyers,
                 diagnostics& diags)
        : tree_(dir),
          site_(std::move(site)),
          brands_(std::move(brands)),
          flyers_(std::move(flyers)),
          diags_(diags),
          names_("html", ".html") {}

    void write(const job_offer& offer) override {
        job_offer copy;
        const job_offer& o = fitted(offer, copy, text_repertoire::xml, "html", diags_);
        site_entry e = entry_of(o, names_.claim(o.reference, diags_), site_);
        tree_.write_file(e.page, offer_page(o, e, site_, brands_.of(o, tree_), flyers_));
        entries_.push_back(std::move(e));
    }

    std::vector<std::filesystem::path> finish() override {
        sort_for_listing(entries_);
        for (const facet& f : facets) tree_.write_file(f.file, index_page(f, entries_, site_, brands_.site(tree_)));
        tree_.write_file("style.css", site_style_sheet());
        return tree_.commit();
    }

private:
    atomic_directory tree_;
    site_settings site_;
    site_brands brands_;
    std::string flyers_;
    diagnostics& diags_;
    output_names names_;
    std::vector<site_entry> entries_;
};

}  // namespace

const exporter_info& html_exporter::info() const noexcept {
    static const exporter_info i = [] {
        exporter_info x{"html",
                        "a static job-board site: an index, one page per offer with its JobPosting",
                        "",
                        "text/html",
                        site_options(),
                        true};
        x.options.push_back(
            {"brand", "brand profile (JSON file, as for the flyers): the site's colours and logo", "", true});
        x.options.push_back(
            {"brands-dir", "directory of brand profiles: each offer's page in its employer's", "", true});
        x.options.push_back({"flyers",
                             "the folder of the offers' PDF flyers in the site (flyers/<page>.pdf), linked "
                             "from each page; empty: none",
                             "", false});
        return x;
    }();
    return i;
}

std::unique_ptr<export_session> html_exporter::begin(const export_target& target, const option_map& options,
                                                     diagnostics& diags) const {
    check_options(info(), options);
    if (target.stream || target.path.empty())
        throw error(errc::usage_error, "html: the site is a directory: -o must name one (-o site/), not -");
    std::string flyers = option_or(options, "flyers", "");
    while (!flyers.empty() && flyers.back() == '/') flyers.pop_back();
    if (flyers.find("..") != std::string::npos || (!flyers.empty() && flyers.front() == '/') ||
        flyers.find_first_of("\"<>\\") != std::string::npos)
        throw error(errc::invalid_option,
                    "html: option flyers=" + excerpt(flyers) + " must be a folder inside the site (flyers)");
    site_settings site = site_settings::from_options(options, "html");
    site_brands brands(options, diags);
    return std::make_unique<html_session>(target.path, std::move(site), std::move(brands), flyers, diags);
}

}  // namespace offerkit::web_plugin
