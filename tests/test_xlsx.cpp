// Tests of the xlsx exporter. Every workbook is read back with openpyxl
// (tests/tools/check_xlsx.py, run with Debian's python3); every count the
// checker compares is computed HERE, from the input offers, independently of
// the exporter's code.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/plugins/xlsx.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/rules.hpp>

#include <algorithm>
#include <clocale>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace offerkit;
using offerkit::testing::temp_dir;

namespace {

// ---------------------------------------------------------------------------
// Input offers (fictional)

job_offer make(std::string ref, std::string title, std::string employer, std::optional<std::string> direction,
               std::optional<std::string> grade, std::optional<date> posted, std::optional<date> deadline,
               std::optional<std::string> url = std::nullopt) {
    job_offer o;
    o.reference = std::move(ref);
    o.title = std::move(title);
    o.employer = std::move(employer);
    o.direction = std::move(direction);
    o.grade = std::move(grade);
    o.posted_on = posted;
    o.deadline = deadline;
    o.url = std::move(url);
    o.location = "Nouméa";
    o.unit = "Service des ressources humaines";
    o.job_family = "Gestionnaire";
    o.availability = "immédiatement";
    return o;
}

date d(int y, int m, int day) { return *date::from_ymd(y, m, day); }

const std::string gov = "Gouvernement de la Nouvelle-Calédonie";
const std::string south = "Province Sud";
const std::string city = "Ville de Nouméa";
const std::string dfin = "Direction des finances";
const std::string dens = "Direction de l’enseignement";
const std::string dinf = "Direction des infrastructures";
const std::string gA = "Cadre A – Administratif";
const std::string gB = "Cadre B – Technique";

std::string long_title() {
    std::string s;
    for (int i = 0; i < 40000; ++i) s += "é";  // 40,000 characters, 80,000 bytes
    return s;
}

/// Offers spanning March to June 2025 (report month: May 2025, as of 2025-06-03),
/// with every kind of problem the Qualité sheet reports.
std::vector<job_offer> sample_offers() {
    std::vector<job_offer> v;
    // Earlier months (trend, "all offers" figures).
    v.push_back(make("9101-25-0001/SR", "Comptable", gov, dfin, gA, d(2025, 3, 3), d(2025, 3, 24)));
    v.push_back(make("9101-25-0002/SR", "Chef de chantier", south, dinf, gB, d(2025, 3, 20), d(2025, 6, 10)));
    v.push_back(make("9101-25-0003/SR", "Professeur documentaliste", gov, dens, gA, d(2025, 4, 1), d(2025, 4, 30)));
    v.push_back(make("9101-25-0004/SR", "Agent technique", city, dinf, gB, d(2025, 4, 14), d(2025, 6, 2)));
    v.push_back(make("9101-24-0099/SR", "Archiviste", gov, std::nullopt, gA, d(2024, 6, 5), d(2024, 6, 30)));
    v.push_back(make("9101-24-0098/SR", "Archiviste adjoint", gov, std::nullopt, gA, d(2024, 5, 31), d(2024, 6, 30)));
    // The report month, May 2025.
    v.push_back(make("9101-25-0010/SR", "=HYPERLINK(\"http://evil.example\",\"clic\")", gov, dfin, gA, d(2025, 5, 2),
                     d(2025, 5, 23), "https://emploi.example.nc/offres/10"));
    v.push_back(make("9101-25-0011/SR", "+687 26 00 00 standardiste", south, dens, gB, d(2025, 5, 5), d(2025, 6, 6),
                     "http://emploi.example.nc/offres/11"));
    v.push_back(make("9101-25-0012/SR", "-5 % sur les délais", city, dinf, std::nullopt, d(2025, 5, 6), d(2025, 6, 17),
                     "javascript:alert(1)"));
    v.push_back(
        make("9101-25-0013/SR", "@SUM(A1:A3)", gov, dfin, gB, d(2025, 5, 7), d(2025, 5, 31), "internal:'Synthèse'!A1"));
    v.push_back(
        make("9101-25-0014/SR", "Juriste (date limite avant dépôt)", gov, dfin, gA, d(2025, 5, 12), d(2025, 5, 2)));
    v.push_back(make("9101-25-0015/SR", "Infirmier", south, std::nullopt, gB, d(2025, 5, 13), std::nullopt));
    v.push_back(make("9101-25-0016/SR", "Doublon 1", gov, dens, gA, d(2025, 5, 14), d(2025, 6, 30)));
    v.push_back(make("9101-25-0016/SR", "Doublon 2", gov, dens, gA, d(2025, 5, 15), d(2025, 6, 30)));
    v.push_back(make("9101-25-0016/SR", "Doublon 3", city, dens, gA, d(2025, 5, 16), d(2025, 6, 12)));
    v.push_back(make("", "Sans référence", city, dinf, gB, d(2025, 5, 20), d(2025, 6, 4),
                     "https://emploi.example.nc/" + std::string(2100, 'x')));  // longer than Excel's 2,079
    v.push_back(make("9101-25-0018/SR", "Lien avec espace", south, dinf, gB, d(2025, 5, 22), d(2025, 6, 25),
                     "https://emploi.example.nc/offre 18"));
    v.push_back(make("9101-25-0017/SR", long_title(), gov, dfin, gA, d(2025, 5, 31), d(2025, 6, 16)));
    // Addresses that libxlsxwriter would misread if left to itself (see put_link).
    v.push_back(make("9101-25-0021/SR", "Technicien réseau", south, dinf, gB, d(2025, 5, 23), d(2025, 6, 13),
                     "https://emploi.example.nc/partage?via=mailto:rh"));
    v.push_back(make("9101-25-0022/SR", "Assistant RH", gov, dfin, gB, d(2025, 5, 26), d(2025, 6, 20),
                     "mailto:recrutement@example.nc"));
    v.push_back(make("9101-25-0023/SR", "Webmestre", city, dinf, gB, d(2025, 5, 27), d(2025, 6, 27),
                     "https://emploi.example.nc/offres?from=internal:portail"));
    {
        job_offer f = offerkit::testing::full_offer();  // posted 2025-05-16, deadline 2025-06-06
        v.push_back(f);
    }
    // Later month, and an offer with no posting date.
    v.push_back(make("9101-25-0020/SR", "Électricien", south, dinf, gB, d(2025, 6, 1), d(2025, 6, 20)));
    v.push_back(offerkit::testing::minimal_offer());  // no dates at all
    return v;
}

// ---------------------------------------------------------------------------
// A tiny JSON writer for the expectations

std::string js(std::string_view s) {
    std::string r = "\"";
    for (char c : s) {
        switch (c) {
            case '"': r += "\\\""; break;
            case '\\': r += "\\\\"; break;
            case '\n': r += "\\n"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    r += buf;
                } else {
                    r += c;
                }
        }
    }
    return r + "\"";
}
std::string js_opt(const std::optional<std::string>& s) { return s ? js(*s) : "null"; }
std::string js_num(double v) {
    std::ostringstream o;
    o.imbue(std::locale::classic());
    o.precision(17);
    o << v;
    return o.str();
}
template <class T>
std::string js_list(const std::vector<T>& items) {
    std::string r = "[";
    for (std::size_t i = 0; i < items.size(); ++i) r += (i ? "," : "") + items[i];
    return r + "]";
}
std::string js_map(const std::map<std::string, long>& m) {
    std::string r = "{";
    bool first = true;
    for (const auto& [k, v] : m) {
        r += (first ? "" : ",") + js(k) + ":" + std::to_string(v);
        first = false;
    }
    return r + "}";
}

// ---------------------------------------------------------------------------
// Expectations, computed from the offers

struct report {
    bool en = false;
    bool yearly = false;
    int year = 2025, month = 5;
    date as_of = d(2025, 6, 3);
};

const char* pick(const report& r, const char* fr, const char* en) { return r.en ? en : fr; }

std::string month_word(const report& r, int m, bool capital) {
    static const char* fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
    std::string s = r.en ? en[m - 1] : fr[m - 1];
    if (capital && !r.en) s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string date_text(const report& r, const date& x) {
    if (r.en) return x.to_iso();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", x.day() % 100, x.month() % 100, x.year() % 10000);
    return buf;
}

std::string status_of(const report& r, const job_offer& o) {
    if (!o.deadline) return pick(r, "sans date limite", "no deadline");
    const auto days = days_between(r.as_of, *o.deadline);
    if (days < 0) return pick(r, "clôturée", "closed");
    if (days <= 7) return pick(r, "clôture proche", "closes soon");
    return pick(r, "ouverte", "open");
}

/// The documented rule (docs/job-offer-v1.md, "Links"): http(s) addresses with a host and
/// mailto: addresses, of at most 2,079 characters, without spaces, controls, quotes, angle
/// brackets, backslashes, "internal:" or "external:", are links; anything else is plain text.
bool linkable(const std::optional<std::string>& url) {
    if (!url || url->size() > 2079 || url->find_first_of(" \t\r\n\"<>\\`") != std::string::npos) return false;
    if (url->find("internal:") != std::string::npos || url->find("external:") != std::string::npos) return false;
    for (const char* p : {"https://", "http://"})
        if (url->rfind(p, 0) == 0 && url->size() > std::strlen(p) && (*url)[std::strlen(p)] != '/') return true;
    return url->rfind("mailto:", 0) == 0 && url->find('@') != std::string::npos;
}

std::string expected_json(const report& r, const std::vector<job_offer>& offers, int* charts_out = nullptr) {
    const date start = r.yearly ? d(r.year, 1, 1) : d(r.year, r.month, 1);
    const date end = r.yearly ? d(r.year, 12, 31) : d(r.year, r.month, date::days_in_month(r.year, r.month));
    auto in_period = [&](const job_offer& o) { return o.posted_on && *o.posted_on >= start && *o.posted_on <= end; };
    const std::string period_text =
        r.yearly ? std::to_string(r.year) : month_word(r, r.month, false) + " " + std::to_string(r.year);

    // Sheet names.
    std::vector<std::string> sheets{js(pick(r, "Synthèse", "Summary")), js(pick(r, "Recrutement", "Recruitment"))};
    std::vector<std::string> offer_sheet_names;
    if (r.yearly)
        for (int m = 1; m <= 12; ++m)
            offer_sheet_names.push_back(month_word(r, m, true) + " " + std::to_string(r.year));
    else
        offer_sheet_names.push_back(pick(r, "Offres", "Offers"));
    for (const auto& n : offer_sheet_names) sheets.push_back(js(n));
    sheets.push_back(js(pick(r, "Suivi", "Tracking")));
    sheets.push_back(js(pick(r, "Qualité", "Data quality")));

    const std::vector<std::string> headers = {
        js(pick(r, "Référence", "Reference")),
        js(pick(r, "Intitulé du poste", "Job title")),
        js(pick(r, "Direction", "Department")),
        js(pick(r, "Corps / cadre d'emploi", "Grade")),
        js(pick(r, "Date de dépôt", "Posted on")),
        js(pick(r, "Date limite", "Deadline")),
        js(std::string(pick(r, "Statut au ", "Status on ")) + date_text(r, r.as_of)),
        js(pick(r, "Employeur", "Employer")),
        js(pick(r, "Unité", "Unit")),
        js(pick(r, "Emploi", "Job family")),
        js(pick(r, "Lieu de travail", "Location")),
        js(pick(r, "Délai de candidature (jours)", "Application window (days)")),
        js(pick(r, "Poste à pourvoir", "Availability")),
        js(pick(r, "Agents encadrés", "Managed staff")),
        js(pick(r, "Lien", "Link"))};

    // Rows per sheet, in input order.
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& o : offers) {
        if (!in_period(o)) continue;
        const std::string sheet =
            r.yearly ? offer_sheet_names[static_cast<std::size_t>(o.posted_on->month() - 1)] : offer_sheet_names[0];
        std::string title =
            o.title.size() > 200 ? "{\"length\":32767,\"prefix\":" + js(o.title.substr(0, 20)) + "}" : js(o.title);
        rows[sheet].push_back("[" + js(o.reference) + "," + title + "," + js(o.posted_on->to_iso()) + "," +
                              (o.deadline ? js(o.deadline->to_iso()) : "null") + "," + js(status_of(r, o)) + "," +
                              js_opt(o.url) + "," + (linkable(o.url) ? "true" : "false") + "]");
    }
    std::string offer_sheets = "{";
    for (std::size_t i = 0; i < offer_sheet_names.size(); ++i) {
        const auto& n = offer_sheet_names[i];
        const int m = r.yearly ? static_cast<int>(i) + 1 : r.month;
        offer_sheets += (i ? "," : "") + js(n) + ":{\"headers\":" + js_list(headers) + ",\"rows\":" + js_list(rows[n]) +
                        ",\"empty_message\":" +
                        js(std::string(pick(r, "Aucune offre publiée en ", "No offers were published in ")) +
                           month_word(r, m, false) + " " + std::to_string(r.year) + ".") +
                        "}";
    }
    offer_sheets += "}";

    // Key figures.
    const date soon = *r.as_of.plus_days(14);
    struct fig {
        long published = 0, open_end = 0, deadline_in = 0, closing = 0, windows = 0, window_days = 0;
    } p, a;
    for (const auto& o : offers) {
        const bool per = in_period(o);
        if (per) ++p.published, ++a.published;
        if (!o.deadline) continue;
        const date& dl = *o.deadline;
        const bool open_end = dl >= end;
        const bool in = dl >= start && dl <= end;
        const bool closing = dl >= r.as_of && dl <= soon;
        const bool window = o.posted_on && dl >= *o.posted_on;
        if (per) {
            p.open_end += open_end;
            p.deadline_in += in;
            p.closing += closing;
            if (window) ++p.windows, p.window_days += days_between(*o.posted_on, dl);
        }
        a.open_end += open_end && (!o.posted_on || *o.posted_on <= end);
        a.deadline_in += in;
        a.closing += closing;
        if (window) ++a.windows, a.window_days += days_between(*o.posted_on, dl);
    }
    const bool any = p.published > 0;
    auto figure = [&](const char* prefix, long pv, long av) {
        return "[" + js(any ? prefix : "") + "," + std::to_string(pv) + "," + std::to_string(av) + "]";
    };
    const std::vector<std::string> figures = {
        figure("=COUNT(", p.published, a.published), figure("=COUNTIFS(", p.open_end, a.open_end),
        figure("=COUNTIFS(", p.deadline_in, a.deadline_in), figure("=COUNTIFS(", p.closing, a.closing)};
    auto avg = [](const fig& f) {
        return f.windows ? js_num(static_cast<double>(f.window_days) / static_cast<double>(f.windows)) : "null";
    };

    // Trend.
    std::vector<std::string> trend;
    const int last_mi = r.year * 12 + (r.yearly ? 11 : r.month - 1);
    for (int k = 0; k < 12; ++k) {
        const int mi = last_mi - 11 + k;
        long n = 0;
        for (const auto& o : offers)
            if (o.posted_on && o.posted_on->year() * 12 + o.posted_on->month() - 1 == mi) ++n;
        trend.push_back("[" + js(month_word(r, mi % 12 + 1, false) + " " + std::to_string(mi / 12)) + "," +
                        std::to_string(n) + "]");
    }

    // Breakdowns.
    const std::string none = pick(r, "(non renseigné)", "(not given)");
    std::map<std::string, long> emp, dir, grade;
    for (const auto& o : offers) {
        if (!in_period(o)) continue;
        // by canonical name (job_offer::canonical) when the offer has keys, else as written
        const auto& c = o.canonical;
        ++emp[c.employer_name ? *c.employer_name : o.employer.empty() ? none : o.employer];
        ++dir[c.direction_name ? *c.direction_name : o.direction ? *o.direction : none];
        ++grade[c.grade_name ? *c.grade_name : o.grade ? *o.grade : none];
    }

    // Quality.
    std::map<std::string, long> quality;
    std::map<std::string, long> seen;
    long problems = 0, linked = 0;
    auto count = [&](const char* fr, const char* en) {
        ++quality[pick(r, fr, en)];
        ++problems;
    };
    for (const auto& o : offers) {
        if (!o.posted_on) {
            count("Date de dépôt manquante (offre comptée dans aucun mois)",
                  "Missing posting date (offer not counted in any month)");
            if (!o.deadline) count("Date limite manquante", "Missing deadline");
            if (o.reference.empty()) count("Référence manquante", "Missing reference");
            linked -= 1 + !o.deadline + o.reference.empty();  // in no sheet: no link
            continue;
        }
        if (!in_period(o)) continue;
        if (!o.deadline)
            count("Date limite manquante", "Missing deadline");
        else if (*o.deadline < *o.posted_on)
            count("Date limite antérieure à la date de dépôt", "Deadline before the posting date");
        if (o.reference.empty())
            count("Référence manquante", "Missing reference");
        else if (seen[o.reference]++ > 0)
            count("Référence en double", "Duplicate reference");
        if (o.title.size() > 32767)
            count("Texte trop long, coupé à 32 767 caractères", "Text too long, cut to 32,767 characters");
        // one row per rule of the offer's repairs, labelled with the rule's label
        for (std::size_t i = 0; i < o.repairs.size(); ++i)
            if (i == 0 || o.repairs[i].rule != o.repairs[i - 1].rule)
                for (const auto& ru : rules())
                    if (o.repairs[i].rule && ru.name == *o.repairs[i].rule)
                        count(std::string(ru.label_fr).c_str(), std::string(ru.label_en).c_str());
    }

    const std::string summary_sheet = pick(r, "Synthèse", "Summary");
    const std::string message =
        std::string(pick(r, "Aucune offre publiée en ", "No offers were published in ")) + period_text + ".";
    // The Recrutement sheet's two charts (pipeline, time to fill) when some offer has tracking data.
    const bool tracked = std::any_of(offers.begin(), offers.end(), [](const job_offer& o) {
        return !o.events.empty() || o.status || o.applications || o.posts_filled;
    });
    const int charts = (any ? 2 : 1) + (tracked ? 2 : 0);
    if (charts_out) *charts_out = charts;
    const std::string title =
        std::string(r.yearly ? pick(r, "Recrutements — synthèse annuelle ", "Recruitment — yearly summary ")
                             : pick(r, "Recrutements — synthèse mensuelle, ", "Recruitment — monthly summary, ")) +
        period_text;

    std::string j = "{";
    j += "\"sheets\":" + js_list(sheets);
    j += ",\"offer_sheets\":" + offer_sheets;
    j += std::string(",\"mode\":") + (r.yearly ? "\"autofilter\"" : "\"table\"");
    j += ",\"summary\":{\"sheet\":" + js(summary_sheet) + ",\"indicator\":" + js(pick(r, "Indicateur", "Indicator")) +
         ",\"figures\":" + js_list(figures) + ",\"average\":[" + avg(p) + "," + avg(a) + "]" +
         ",\"problems\":" + std::to_string(problems) + ",\"trend_header\":" + js(pick(r, "Mois", "Month")) +
         ",\"trend\":" + js_list(trend) + ",\"breakdowns\":{" + js(pick(r, "Employeur", "Employer")) + ":" +
         js_map(emp) + "," + js(pick(r, "Direction", "Department")) + ":" + js_map(dir) + "," +
         js(pick(r, "Corps / cadre d'emploi", "Grade")) + ":" + js_map(grade) + "}" +
         ",\"message\":" + (any ? "null" : js(message)) + "}";
    j += ",\"quality\":{\"sheet\":" + js(pick(r, "Qualité", "Data quality")) + ",\"counts\":" + js_map(quality) +
         ",\"empty_message\":" +
         (problems ? "null" : js(pick(r, "Aucune anomalie détectée.", "No data problems found."))) +
         ",\"linked\":" + std::to_string(problems + linked) + "}";
    j += ",\"charts\":" + std::to_string(charts);
    j += ",\"properties\":{\"title\":" + js(title) +
         ",\"author\":\"offerkit\",\"created\":" + js(r.as_of.to_iso() + "T00:00:00") + "}";
    return j + "}";
}

// ---------------------------------------------------------------------------
// Running the exporter and the checker

const exporter& xlsx() {
    static registry reg = [] {
        registry r;
        offerkit::plugins::register_xlsx(r);
        return r;
    }();
    return reg.get("xlsx");
}

option_map options_for(const report& r) {
    option_map o{{"as-of", r.as_of.to_iso()}, {"lang", r.en ? "en" : "fr"}};
    if (r.yearly)
        o["year"] = std::to_string(r.year);
    else
        o["month"] = std::to_string(r.year) + "-" + (r.month < 10 ? "0" : "") + std::to_string(r.month);
    return o;
}

std::vector<fs::path> export_to(const fs::path& out, const std::vector<job_offer>& offers, const option_map& options,
                                diagnostics& diags) {
    auto session = xlsx().begin(export_target{out, nullptr}, options, diags);
    for (const auto& o : offers) session->write(o);
    return session->finish();
}

void check_with_openpyxl(const fs::path& workbook, const std::string& expected_json_text) {
    const fs::path expected = workbook.parent_path() / (workbook.stem().string() + ".expected.json");
    offerkit::testing::write_file(expected, expected_json_text);
    const fs::path script = offerkit::testing::tests_dir() / "tools" / "check_xlsx.py";
    const auto result = offerkit::testing::run(
        offerkit::testing::python() + " " + offerkit::testing::shell_quote(script.string()) + " " +
        offerkit::testing::shell_quote(workbook.string()) + " " + offerkit::testing::shell_quote(expected.string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.output.find("OK") != std::string::npos);
}

bool has_warning_about(const diagnostics& diags, std::string_view text) {
    return std::any_of(diags.begin(), diags.end(), [&](const diagnostic& x) {
        return x.level == severity::warning && x.message.find(text) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("monthly workbook in French agrees with the offers", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    report r;
    diagnostics diags;
    const auto files = export_to(dir / "mai.xlsx", offers, options_for(r), diags);
    REQUIRE(files == std::vector<fs::path>{dir / "mai.xlsx"});
    REQUIRE(fs::file_size(dir / "mai.xlsx") > 5000);
    // The over-long title was cut, with a warning naming the offer.
    REQUIRE(has_warning_about(diags, "9101-25-0017/SR"));
    REQUIRE(has_warning_about(diags, "32,767"));
    // The address with "internal:" in its query stays text, with a warning naming the offer.
    REQUIRE(has_warning_about(diags, "offer 9101-25-0023/SR: the url contains \"internal:\""));
    REQUIRE_FALSE(has_warning_about(diags, "9101-25-0021/SR"));
    check_with_openpyxl(dir / "mai.xlsx", expected_json(r, offers));
    // Only the workbook is left in the directory (no temporary files).
    REQUIRE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 2);  // + expected.json
}

TEST_CASE("monthly workbook in English", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    report r;
    r.en = true;
    diagnostics diags;
    export_to(dir / "may.xlsx", offers, options_for(r), diags);
    check_with_openpyxl(dir / "may.xlsx", expected_json(r, offers));
}

TEST_CASE("yearly workbook: one sheet per month and a year summary", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    report r;
    r.yearly = true;
    diagnostics diags;
    export_to(dir / "2025.xlsx", offers, options_for(r), diags);
    check_with_openpyxl(dir / "2025.xlsx", expected_json(r, offers));
}

TEST_CASE("a month without offers gives a valid workbook that says so", "[xlsx]") {
    temp_dir dir;
    report r;
    r.month = 1;  // January 2025: none of the sample offers
    const auto offers = sample_offers();
    diagnostics diags;
    export_to(dir / "janvier.xlsx", offers, options_for(r), diags);
    check_with_openpyxl(dir / "janvier.xlsx", expected_json(r, offers));

    SECTION("and with no offers at all") {
        export_to(dir / "rien.xlsx", {}, options_for(r), diags);
        check_with_openpyxl(dir / "rien.xlsx", expected_json(r, {}));
    }
}

TEST_CASE("the same input gives the same bytes", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    for (bool yearly : {false, true}) {
        report r;
        r.yearly = yearly;
        diagnostics d1, d2;
        export_to(dir / "a.xlsx", offers, options_for(r), d1);
        export_to(dir / "b.xlsx", offers, options_for(r), d2);
        const std::string a = offerkit::testing::read_file(dir / "a.xlsx");
        const std::string b = offerkit::testing::read_file(dir / "b.xlsx");
        REQUIRE(a.size() > 1000);
        REQUIRE(a == b);
        check_with_openpyxl(dir / "a.xlsx", expected_json(r, offers));
    }
    // Without `month`, the report month is the month before as-of.
    report r;
    diagnostics diags;
    export_to(dir / "explicit.xlsx", offers, options_for(r), diags);
    export_to(dir / "default.xlsx", offers, option_map{{"as-of", "2025-06-03"}}, diags);
    REQUIRE(offerkit::testing::read_file(dir / "explicit.xlsx") == offerkit::testing::read_file(dir / "default.xlsx"));
    check_with_openpyxl(dir / "default.xlsx", expected_json(r, offers));
}

TEST_CASE("sessions in several threads give the same bytes as one at a time", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    report monthly, yearly;
    yearly.yearly = true;
    diagnostics d0;
    export_to(dir / "serial-m.xlsx", offers, options_for(monthly), d0);
    export_to(dir / "serial-y.xlsx", offers, options_for(yearly), d0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            diagnostics diags;  // one per session
            const report& r = t % 2 ? yearly : monthly;
            export_to(dir / ("thread-" + std::to_string(t) + ".xlsx"), offers, options_for(r), diags);
        });
    for (auto& th : threads) th.join();
    const std::string m = offerkit::testing::read_file(dir / "serial-m.xlsx");
    const std::string y = offerkit::testing::read_file(dir / "serial-y.xlsx");
    for (int t = 0; t < 4; ++t)
        REQUIRE(offerkit::testing::read_file(dir / ("thread-" + std::to_string(t) + ".xlsx")) == (t % 2 ? y : m));
}

TEST_CASE("bad option values are refused with a clear message", "[xlsx]") {
    temp_dir dir;
    diagnostics diags;
    const std::vector<std::pair<option_map, std::string>> cases = {
        {{{"month", "2025-13"}}, "month=2025-13"},
        {{{"month", "2025-5"}}, "YYYY-MM"},
        {{{"month", "mai"}}, "month=mai"},
        {{{"year", "25"}}, "year=25"},
        {{{"year", "2025"}, {"month", "2025-05"}}, "together"},
        {{{"as-of", "2025-02-30"}}, "as-of=2025-02-30"},
        {{{"as-of", "03/06/2025"}}, "YYYY-MM-DD"},
        {{{"lang", "de"}}, "lang=de"},
        {{{"colour", "red"}}, "colour"},
    };
    for (const auto& [options, text] : cases) {
        INFO("expecting a message containing " << text);
        try {
            auto session = xlsx().begin(export_target{dir / "x.xlsx", nullptr}, options, diags);
            FAIL("no error");
        } catch (const offerkit::error& e) {
            REQUIRE(e.code() == errc::invalid_option);
            REQUIRE(std::string(e.what()).find(text) != std::string::npos);
        }
        REQUIRE_FALSE(fs::exists(dir / "x.xlsx"));
    }
}

TEST_CASE("an unwritable output gives an error and no file", "[xlsx]") {
    temp_dir dir;
    diagnostics diags;
    const auto offers = sample_offers();
    report r;

    SECTION("the directory does not exist") {
        const fs::path out = dir / "missing" / "x.xlsx";
        try {
            export_to(out, offers, options_for(r), diags);
            FAIL("no error");
        } catch (const offerkit::error& e) {
            REQUIRE(e.code() == errc::io_error);
            REQUIRE(std::string(e.what()).find("missing") != std::string::npos);
        }
        REQUIRE_FALSE(fs::exists(out));
    }
    SECTION("the directory disappears before finish() (libxlsxwriter opens the file only then)") {
        fs::create_directories(dir / "gone");
        const fs::path out = dir / "gone" / "x.xlsx";
        auto session = xlsx().begin(export_target{out, nullptr}, options_for(r), diags);
        for (const auto& o : offers) session->write(o);
        fs::remove_all(dir / "gone");
        try {
            session->finish();
            FAIL("no error");
        } catch (const offerkit::error& e) {
            REQUIRE(e.code() == errc::io_error);
            REQUIRE(std::string(e.what()).find("x.xlsx") != std::string::npos);
            REQUIRE(std::string(e.what()).find("cannot write the workbook") != std::string::npos);
        }
        REQUIRE_FALSE(fs::exists(out));
    }
    SECTION("libxlsxwriter itself cannot create the file: its error is mapped") {
        const fs::path out = dir / "z.xlsx";
        auto session = xlsx().begin(export_target{out, nullptr}, options_for(r), diags);
        for (const auto& o : offers) session->write(o);
        // Put a directory where the temporary file is: fopen fails in workbook_close.
        std::vector<fs::path> temps;
        for (const auto& e : fs::directory_iterator(dir.path())) temps.push_back(e.path());
        REQUIRE(temps.size() == 1);
        fs::remove(temps[0]);
        fs::create_directory(temps[0]);
        try {
            session->finish();
            FAIL("no error");
        } catch (const offerkit::error& e) {
            REQUIRE(e.code() == errc::io_error);
            REQUIRE(std::string(e.what()).find("z.xlsx: cannot write the workbook") != std::string::npos);
        }
        REQUIRE_FALSE(fs::exists(out));
        fs::remove(temps[0]);
    }
    SECTION("a session dropped without finish() leaves nothing") {
        for (bool yearly : {false, true}) {
            r.yearly = yearly;
            auto session = xlsx().begin(export_target{dir / "y.xlsx", nullptr}, options_for(r), diags);
            for (const auto& o : offers) session->write(o);
        }
        REQUIRE(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 0);
    }
}

TEST_CASE("stream output gives the same workbook as file output", "[xlsx]") {
    temp_dir dir;
    const auto offers = sample_offers();
    report r;
    diagnostics diags;
    export_to(dir / "file.xlsx", offers, options_for(r), diags);
    std::ostringstream out;
    auto session = xlsx().begin(export_target{{}, &out}, options_for(r), diags);
    for (const auto& o : offers) session->write(o);
    REQUIRE(session->finish().empty());
    REQUIRE(out.str() == offerkit::testing::read_file(dir / "file.xlsx"));
    check_with_openpyxl(dir / "file.xlsx", expected_json(r, offers));
}

TEST_CASE("numbers stay valid under a decimal-comma locale", "[xlsx]") {
    const char* previous = std::setlocale(LC_ALL, nullptr);
    const std::string saved = previous ? previous : "C";
    if (!std::setlocale(LC_ALL, "fr_FR.UTF-8") && !std::setlocale(LC_ALL, "de_DE.UTF-8"))
        OFFERKIT_SKIP("no decimal-comma locale (fr_FR.UTF-8 or de_DE.UTF-8) is installed");
    temp_dir dir;
    const auto offers = sample_offers();
    report r;
    diagnostics diags;
    export_to(dir / "locale.xlsx", offers, options_for(r), diags);
    std::setlocale(LC_ALL, saved.c_str());
    // The average window is not a whole number: "12,5" would make openpyxl fail.
    check_with_openpyxl(dir / "locale.xlsx", expected_json(r, offers));
}

TEST_CASE("text that is not valid UTF-8 is repaired, with a warning", "[xlsx]") {
    temp_dir dir;
    auto offers = sample_offers();
    offers.push_back(make("9101-25-0030/SR", "Agent \xff\xfe d'accueil \xc3", gov, dfin, gA, d(2025, 5, 21),
                          d(2025, 6, 21), "https://emploi.example.nc/offres/30"));
    report r;
    diagnostics diags;
    export_to(dir / "utf8.xlsx", offers, options_for(r), diags);
    REQUIRE(has_warning_about(diags,
                              "offer 9101-25-0030/SR: 3 characters that xlsx cannot carry replaced by U+FFFD "
                              "(invalid UTF-8 byte FF, invalid UTF-8 byte FE, invalid UTF-8 byte C3)"));
    // What a reader sees: U+FFFD for each bad byte.
    offers.back().title = "Agent \uFFFD\uFFFD d'accueil \uFFFD";
    check_with_openpyxl(dir / "utf8.xlsx", expected_json(r, offers));
}

TEST_CASE("every code point a JSON string can hold: XML's forbidden ones removed, with a warning", "[xlsx]") {
    temp_dir dir;
    auto offers = sample_offers();
    using namespace std::string_literals;
    // U+FFFF, U+FFFE, NUL and other controls, in cells, a sheet's rows and the document properties.
    job_offer o = make("9101-25-0040/SR", "Agent\uFFFF d'accueil\uFFFE", "Province\x01 Sud"s, dfin, gA, d(2025, 5, 22),
                       d(2025, 6, 22), "javascript:alert(1)");
    o.unit = "Avant\0Après"s;
    offers.push_back(o);
    // Most offers of the month are this employer's, so that it is the workbook's "company".
    for (int i = 0; i < 6; ++i) {
        job_offer c = o;
        c.reference = "9101-25-005" + std::to_string(i) + "/SR";
        offers.push_back(c);
    }
    report r;
    diagnostics diags;
    export_to(dir / "cp.xlsx", offers, options_for(r), diags);
    CHECK(has_warning_about(
        diags, "xlsx: offer 9101-25-0040/SR: 2 characters that xlsx cannot carry removed (U+FFFF, U+FFFE)"));
    CHECK(has_warning_about(diags, "xlsx: offer 9101-25-0040/SR: 1 character that xlsx cannot carry removed (U+0001)"));
    CHECK(has_warning_about(diags, "xlsx: offer 9101-25-0040/SR: 1 character that xlsx cannot carry removed (U+0000)"));
    CHECK(std::any_of(diags.begin(), diags.end(), [](const diagnostic& x) { return x.where.path == "unit"; }));
    for (auto& x : offers)
        if (x.reference == "9101-25-0040/SR" || x.reference.rfind("9101-25-005", 0) == 0) {
            x.title = "Agent d'accueil";
            x.employer = "Province Sud";
            x.unit = "AvantAprès";
        }
    // What a reader sees: the text without the characters, every later string intact.
    check_with_openpyxl(dir / "cp.xlsx", expected_json(r, offers));
    const auto props = offerkit::testing::run(
        offerkit::testing::python() +
        " -c \"import sys,zipfile,re; z=zipfile.ZipFile(sys.argv[1]); bad=[n for n in z.namelist() if "
        "re.search(rb'[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]|\\xef\\xbf[\\xbe\\xbf]', z.read(n))]; "
        "print('company', re.search(rb'<Company>(.*?)</Company>', z.read('docProps/app.xml')).group(1).decode()); "
        "print('bad', bad)\" " +
        offerkit::testing::shell_quote((dir / "cp.xlsx").string()));
    INFO(props.output);
    CHECK_THAT(props.output, Catch::Contains("company Province Sud") && Catch::Contains("bad []"));
}

TEST_CASE("the exporter describes itself", "[xlsx]") {
    const auto& i = xlsx().info();
    REQUIRE(i.name == "xlsx");
    REQUIRE(i.extension == ".xlsx");
    REQUIRE(xlsx().layout({}) == output_layout::single_file);
    std::vector<std::string> names;
    for (const auto& o : i.options) names.push_back(o.name);
    REQUIRE(names == std::vector<std::string>{"month", "year", "as-of", "lang"});
}

TEST_CASE("all the real inputs in one yearly workbook: each employer, grade and offer once", "[xlsx][real]") {
    OFFERKIT_REQUIRE_SHARED(shared);
    offerkit::testing::temp_dir dir;
    using offerkit::testing::shell_quote;
    std::string inputs;
    for (const auto& sub : {"real/opt-avp-markdown", "real/opt-jobposting-jsonld", "seeds"})
        for (const auto& e : fs::directory_iterator(shared / sub)) inputs += " " + shell_quote(e.path().string());
    inputs += " " + shell_quote((shared / "real" / "drhfpnc-csv" / "avp_opt.csv").string());
    const std::string cli = offerkit::testing::cli_command() + " convert" + inputs + " -q";
    auto r = offerkit::testing::run(cli + " --to xlsx --year 2026 --as-of 2026-12-01 -o " +
                                    shell_quote((dir / "2026.xlsx").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    r = offerkit::testing::run(cli + " --dedupe --to jsonl -o " + shell_quote((dir / "offers.jsonl").string()));
    REQUIRE(r.exit_code == 0);
    const auto check = offerkit::testing::run(
        offerkit::testing::python() + " " +
        shell_quote((offerkit::testing::tests_dir() / "tools" / "check_real_workbook.py").string()) + " " +
        shell_quote((dir / "2026.xlsx").string()) + " " + shell_quote((dir / "offers.jsonl").string()));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output == "ok\n");
}

TEST_CASE("printed by LibreOffice: A4 landscape, text at 8 pt or more, the recruitment charts there", "[xlsx][print]") {
    if (testing::run("command -v soffice && command -v mutool && command -v pdfinfo").exit_code != 0)
        OFFERKIT_SKIP("LibreOffice (libreoffice-calc), mutool or pdfinfo is not installed");
    testing::temp_dir dir;
    const fs::path ex = testing::source_dir() / "examples";
    std::string inputs;
    for (const auto& entry : fs::directory_iterator(ex / "postings"))
        if (entry.path().extension() == ".md" || entry.path().extension() == ".txt")
            inputs += " " + testing::shell_quote(entry.path().string());
    inputs += " " + testing::shell_quote((ex / "opendata" / "avp-exemple.csv").string());
    auto r = testing::run(testing::cli_command() + " convert -q" + inputs + " --tracking " +
                          testing::shell_quote((ex / "tracking" / "suivi-2026.csv").string()) +
                          " --as-of 2026-11-02 --to xlsx --month 2026-10 -o " +
                          testing::shell_quote((dir / "r.xlsx").string()));
    REQUIRE(r.exit_code == 0);
    // A profile of its own, so that a LibreOffice already running elsewhere does not interfere.
    r = testing::run("cd " + testing::shell_quote(dir.path().string()) +
                     " && timeout 300 soffice -env:UserInstallation=file://" + (dir / "lo").string() +
                     " --headless --convert-to pdf r.xlsx >/dev/null 2>&1");
    REQUIRE(fs::exists(dir / "r.pdf"));
    const std::string pdf = testing::shell_quote((dir / "r.pdf").string());

    // Every page A4 landscape (841.89 × 595.28 pt).
    r = testing::run("pdfinfo -f 1 -l 99 " + pdf);
    REQUIRE(r.exit_code == 0);
    std::size_t pages = 0, landscape = 0;
    for (std::size_t at = r.output.find(" size: "); at != std::string::npos; at = r.output.find(" size: ", at + 1)) {
        if (at == 0 || r.output[at - 1] < '0' || r.output[at - 1] > '9') continue;  // "Page    3 size:" only
        ++pages;
        if (r.output.compare(r.output.find_first_not_of(' ', at + 6), 18, "841.89 x 595.304 p") == 0 ||
            r.output.compare(r.output.find_first_not_of(' ', at + 6), 17, "841.89 x 595.28 p") == 0)
            ++landscape;
    }
    CHECK(pages >= 5);  // Synthèse, Recrutement, Offres, Suivi, Qualité
    CHECK(landscape == pages);

    // The size of every piece of text (mutool's structured text): nothing below 8 pt.
    r = testing::run("mutool draw -q -F stext -o - " + pdf + " 2>/dev/null");
    REQUIRE(r.exit_code == 0);
    double smallest = 1000;
    std::size_t spans = 0;
    for (std::size_t at = r.output.find(" size=\""); at != std::string::npos; at = r.output.find(" size=\"", at + 1)) {
        smallest = std::min(smallest, std::stod(r.output.substr(at + 7, 12)));
        ++spans;
    }
    CHECK(spans > 100);
    CHECK(smallest >= 8.0);

    // The charts of the Recrutement sheet, and the header of the offer list on its page.
    r = testing::run("pdftotext -layout " + pdf + " -");
    CHECK_THAT(r.output, Catch::Contains("Du recrutement à l'issue") &&
                             Catch::Contains("Délai de recrutement médian par") &&  // the title wraps
                             Catch::Contains("Taux de pourvoi") && Catch::Contains("Statut au"));
    // The offer list prints its reading columns only: the screen's columns stay off paper.
    CHECK_THAT(r.output, !Catch::Contains("Agents encadrés"));
}
