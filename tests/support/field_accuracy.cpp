// The field-by-field comparison shared by the accuracy tests (field_accuracy.hpp).
#include "support/field_accuracy.hpp"

#include "support/test_support.hpp"

#include <offerkit/json.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace fs = std::filesystem;

namespace offerkit::testing {

namespace {

/// NFC, white space folded, trimmed.
std::string norm_text(std::string_view s) {
    std::string in(s);
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(in.c_str()));
    std::string t = nfc ? reinterpret_cast<const char*>(nfc) : in;
    std::free(nfc);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < t.size();) {
        const auto c = static_cast<unsigned char>(t[i]);
        std::size_t len = 1;
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) ws = true, len = 2;
        if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
            static_cast<unsigned char>(t[i + 2]) == 0xAF)
            ws = true, len = 3;
        if (ws) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out.append(t, i, len);
        }
        i += len;
    }
    return out;
}
std::string norm(const std::string& s) { return norm_text(s); }
std::string norm(const std::optional<std::string>& s) { return s ? "\"" + norm_text(*s) + "\"" : "null"; }
std::string norm(const std::optional<date>& d) { return d ? d->to_iso() : "null"; }
std::string norm(const std::vector<std::string>& v) {
    std::string s = "[";
    for (const auto& x : v) s += "\"" + norm(x) + "\"\n";
    return s + "]";
}

}  // namespace

/// The offer as (field, normalised value) pairs: one pair per field of the
/// specification (managed_staff counts as its three keys).
std::vector<std::pair<std::string, std::string>> offer_fields(const job_offer& o) {
    std::vector<std::pair<std::string, std::string>> f;
    f.emplace_back("reference", norm(o.reference));
    f.emplace_back("reference_date", norm(o.reference_date));
    f.emplace_back("title", norm(o.title));
    f.emplace_back("employer", norm(o.employer));
    f.emplace_back("direction", norm(o.direction));
    f.emplace_back("unit", norm(o.unit));
    f.emplace_back("grade", norm(o.grade));
    f.emplace_back("job_family", norm(o.job_family));
    f.emplace_back("location", norm(o.location));
    f.emplace_back("residency_requirement", norm(o.residency_requirement));
    f.emplace_back("posted_on", norm(o.posted_on));
    f.emplace_back("deadline", norm(o.deadline));
    f.emplace_back("availability", norm(o.availability));
    f.emplace_back("available_from", norm(o.available_from));
    f.emplace_back("openings", o.openings ? std::to_string(*o.openings) : "null");
    f.emplace_back("org_position", norm(o.org_position));
    f.emplace_back("supervisor", norm(o.supervisor));
    f.emplace_back("managed_staff.total", norm(o.managed_staff.total));
    f.emplace_back("managed_staff.direct", norm(o.managed_staff.direct));
    f.emplace_back("managed_staff.indirect", norm(o.managed_staff.indirect));
    f.emplace_back("description", norm(o.description));
    f.emplace_back("missions", norm(o.missions));
    std::string a;
    for (const auto& s : o.activities)
        a += std::string(to_string(s.kind)) + " " + norm(s.title) + " " + norm(s.items) + "\n";
    f.emplace_back("activities", a);
    std::string p;
    for (const auto& s : o.profile) p += norm(s.title) + " " + norm(s.items) + "\n";
    f.emplace_back("profile", p);
    f.emplace_back("conditions", norm(o.conditions));
    f.emplace_back("how_to_apply", norm(o.how_to_apply));
    std::string c;
    for (const auto& x : o.contacts) c += norm(x.name) + norm(x.role) + norm(x.email) + norm(x.phone) + "\n";
    f.emplace_back("contacts", c);
    f.emplace_back("url", norm(o.url));
    std::string e;
    for (const auto& [k, v] : o.extra) e += norm(k) + "=" + norm(v) + "\n";
    f.emplace_back("extra", e);
    return f;
}

double field_score::accuracy() const { return total ? static_cast<double>(matched) / static_cast<double>(total) : 0.0; }

std::string field_score::figure(std::string_view what, std::string_view label) const {
    std::ostringstream f;
    f.setf(std::ios::fixed);
    f.precision(2);
    f << what << " field-level accuracy (" << label << "): " << matched << "/" << total
      << " fields = " << 100.0 * accuracy() << "% (" << files << " postings)";
    return f.str();
}

field_score& field_score::operator+=(const field_score& o) {
    files += o.files;
    matched += o.matched;
    total += o.total;
    misses += o.misses;
    return *this;
}

void compare_offer(const job_offer& expected, const job_offer& got, const std::string& name, field_score& sc) {
    const auto fe = offer_fields(expected), fg = offer_fields(got);
    ++sc.files;
    std::ostringstream misses;
    for (std::size_t i = 0; i < fe.size() && i < fg.size(); ++i) {
        ++sc.total;
        if (fe[i].second == fg[i].second) {
            ++sc.matched;
        } else {
            misses << "  " << name << ": " << fe[i].first << "\n    expected: " << fe[i].second.substr(0, 300)
                   << "\n    parsed:   " << fg[i].second.substr(0, 300) << "\n";
        }
    }
    sc.misses += misses.str();
}

job_offer read_expected(const fs::path& expected_file) {
    diagnostics jd;
    return offer_from_json(read_file(expected_file), {expected_file.string(), 0, 0, {}}, jd);
}

std::vector<fs::path> expected_postings(std::string_view prefix) {
    const fs::path dir = tests_dir() / "expected" / "postings";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json" && e.path().filename().string().rfind(prefix, 0) == 0)
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> files_with(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

field_score measure_documents(const std::vector<fs::path>& documents,
                              const std::function<job_offer(const fs::path&)>& read) {
    field_score sc;
    for (const auto& p : documents) {
        const fs::path exp = tests_dir() / "expected" / "postings" / (p.stem().string() + ".json");
        INFO("document " << p);
        REQUIRE(fs::exists(exp));
        compare_offer(read_expected(exp), read(p), p.filename().string(), sc);
    }
    return sc;
}

}  // namespace offerkit::testing
