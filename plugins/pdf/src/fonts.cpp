#include "fonts.hpp"

#include <offerkit/error.hpp>
#include <offerkit/text.hpp>

#include <fontconfig/fontconfig.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace offerkit::pdf_plugin {

namespace fs = std::filesystem;

fs::path dejavu_font(const char* file) { return fs::path(OFFERKIT_PDF_DEJAVU_DIR) / file; }

fs::path font_of_family(const std::string& family, bool bold) {
    static std::mutex mutex;  // fontconfig's configuration is process-wide
    const std::lock_guard<std::mutex> lock(mutex);
    if (!FcInit()) throw error(errc::io_error, "fontconfig could not read its configuration");
    FcPattern* want = FcPatternCreate();
    if (!want) throw error(errc::io_error, "fontconfig: out of memory");
    FcPatternAddString(want, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(want, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(want, FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, want, FcMatchPattern);
    FcDefaultSubstitute(want);
    FcResult result = FcResultNoMatch;
    FcPattern* found = FcFontMatch(nullptr, want, &result);
    FcPatternDestroy(want);
    if (!found) throw error(errc::io_error, "no font of the family \"" + family + "\" (fontconfig found none)");
    // fontconfig always answers with its nearest font: the family must be the one asked for.
    std::string file, nearest;
    FcChar8* s = nullptr;
    if (FcPatternGetString(found, FC_FILE, 0, &s) == FcResultMatch) file = reinterpret_cast<const char*>(s);
    bool same_family = false;
    for (int i = 0; FcPatternGetString(found, FC_FAMILY, i, &s) == FcResultMatch; ++i) {
        const std::string f = reinterpret_cast<const char*>(s);
        if (i == 0) nearest = f;
        same_family = same_family || text::iequals_ascii(f, family);
    }
    int weight = 0;
    FcPatternGetInteger(found, FC_WEIGHT, 0, &weight);
    FcPatternDestroy(found);
    if (!same_family)
        throw error(errc::io_error, "no font of the family \"" + family +
                                        "\" on this machine (fontconfig's nearest: \"" + nearest + "\", " + file + ")");
    if (bold != (weight >= FC_WEIGHT_DEMIBOLD))
        throw error(errc::io_error, "the family \"" + family + "\" has no " + (bold ? "bold" : "regular") +
                                        " font on this machine (fontconfig's nearest: " + file + ")");
    return file;
}

namespace {

std::uint32_t be(const std::string& d, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(d.at(at + static_cast<std::size_t>(i)));
    return v;
}

/// The code points a TrueType font maps, from its (3,1) format-4 cmap; empty on any problem.
std::vector<bool> cmap_coverage(const fs::path& file) {
    std::vector<bool> cov;
    std::ifstream in(file, std::ios::binary);
    if (!in) return cov;
    const std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        const std::uint32_t n = be(d, 4, 2);
        std::size_t cmap = 0;
        for (std::uint32_t i = 0; i < n; ++i)
            if (d.compare(12 + 16 * i, 4, "cmap") == 0) cmap = be(d, 12 + 16 * i + 8, 4);
        if (cmap == 0) return cov;
        const std::uint32_t subtables = be(d, cmap + 2, 2);
        std::size_t sub = 0;
        for (std::uint32_t i = 0; i < subtables; ++i)
            if (be(d, cmap + 4 + 8 * i, 2) == 3 && be(d, cmap + 6 + 8 * i, 2) == 1)
                sub = cmap + be(d, cmap + 8 + 8 * i, 4);
        if (sub == 0 || be(d, sub, 2) != 4) return cov;
        const std::uint32_t segs = be(d, sub + 6, 2) / 2;
        const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                          offsets = deltas + 2 * segs;
        cov.assign(0x10000, false);
        for (std::uint32_t s = 0; s < segs; ++s) {
            const std::uint32_t e = be(d, ends + 2 * s, 2), b = be(d, starts + 2 * s, 2);
            const std::uint32_t delta = be(d, deltas + 2 * s, 2), ro = be(d, offsets + 2 * s, 2);
            for (std::uint32_t c = b; c <= e && c < 0xFFFF; ++c) {
                std::uint32_t g;
                if (ro == 0)
                    g = (c + delta) & 0xFFFF;
                else {
                    g = be(d, offsets + 2 * s + ro + 2 * (c - b), 2);
                    if (g) g = (g + delta) & 0xFFFF;
                }
                cov[c] = g != 0;
            }
        }
    } catch (const std::out_of_range&) {
        cov.clear();
    }
    return cov;
}

std::optional<fast_fonts> locate() {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("OFFERKIT_FONT_DIR"); env && *env) dirs.emplace_back(env);
    dirs.emplace_back(OFFERKIT_PDF_FONT_BUILD_DIR);
    dirs.emplace_back(OFFERKIT_PDF_FONT_INSTALL_DIR);
    for (const auto& dir : dirs) {
        std::error_code ec;
        fast_fonts f{dir / "OfferkitSansLatin.ttf", dir / "OfferkitSansLatin-Bold.ttf", {}};
        if (!fs::is_regular_file(f.regular, ec) || !fs::is_regular_file(f.bold, ec)) continue;
        f.covered = cmap_coverage(f.regular);
        const auto bold = cmap_coverage(f.bold);
        if (f.covered.empty() || bold.size() != f.covered.size()) continue;
        for (std::size_t i = 0; i < bold.size(); ++i) f.covered[i] = f.covered[i] && bold[i];
        return f;
    }
    return std::nullopt;
}

/// The coverage of any font file, cached (empty when its cmap cannot be read).
const std::vector<bool>& coverage_of(const fs::path& file) {
    static std::mutex m;
    static std::map<fs::path, std::vector<bool>> cache;
    std::lock_guard<std::mutex> lock(m);
    auto it = cache.find(file);
    if (it == cache.end()) it = cache.emplace(file, cmap_coverage(file)).first;
    return it->second;
}

/// Checks that every character a flyer shows is in `cov` (a set of BMP code points).
struct coverage_check {
    const std::vector<bool>& cov;
    bool ok = true;

    void operator()(std::string_view s) {
        for (std::size_t i = 0; ok && i < s.size();) {
            const auto b0 = static_cast<unsigned char>(s[i]);
            if (b0 < 0x80) {
                ++i;
                if (b0 >= 0x20 && b0 != 0x7F && !cov[b0]) ok = false;
                continue;
            }
            const int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
            char32_t cp = b0 & (0x3F >> extra);
            for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < s.size(); ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
            i += static_cast<std::size_t>(extra) + 1;
            if (cp > 0xFFFF) cp = 0xFFFD;  // drawn as U+FFFD
            if (cp >= 0xA0 && cp != 0xAD && !(cp >= 0x2000 && cp <= 0x200B) && cp != 0x2028 && cp != 0x2029 &&
                cp != 0x3000 && !cov[cp])
                ok = false;
        }
    }
    void operator()(const std::string& s) { (*this)(std::string_view(s)); }
    void operator()(const std::optional<std::string>& s) {
        if (s) (*this)(std::string_view(*s));
    }
    void operator()(const std::vector<std::string>& v) {
        for (const auto& s : v) (*this)(s);
    }
};

}  // namespace

const fast_fonts* find_fast_fonts() {
    static const std::optional<fast_fonts> fonts = locate();
    return fonts ? &*fonts : nullptr;
}

namespace {

/// The code points of Windows-1252's 0x80–0x9F bytes (the others are Latin-1's).
constexpr std::pair<char32_t, int> cp1252_high[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
    {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
    {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
    {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};

}  // namespace

int to_cp1252(char32_t cp) noexcept {
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
    for (const auto& [u, b] : cp1252_high)
        if (u == cp) return b;
    return -1;
}

namespace {

/// True when the flyer of `o` with brand `b` only shows characters of `cov`.
bool covers(const std::vector<bool>& cov, const job_offer& o, const plugins::pdf::brand& b) {
    coverage_check c{cov};
    for (const std::string* s :
         {&o.reference, &o.title, &o.employer, &b.organisation, &b.slogan, &b.website, &b.footer})
        c(*s);
    for (const auto* s : {&o.direction, &o.unit, &o.grade, &o.job_family, &o.location, &o.residency_requirement,
                          &o.availability, &o.org_position, &o.supervisor, &o.managed_staff.total,
                          &o.managed_staff.direct, &o.managed_staff.indirect, &o.url})
        c(*s);
    c(o.description);
    c(o.missions);
    c(o.conditions);
    c(o.how_to_apply);
    for (const auto& a : o.activities) {
        c(a.title);
        c(a.items);
    }
    for (const auto& p : o.profile) {
        c(p.title);
        c(p.items);
    }
    for (const auto& k : o.contacts) {
        c(k.name);
        c(k.role);
        c(k.email);
        c(k.phone);
    }
    for (const auto& [k, v] : o.extra) {
        c(k);
        c(v);
    }
    return c.ok;
}

/// Windows-1252 ∩ the fonts' coverage (every label of the flyer is in Windows-1252).
std::vector<bool> winansi_set(const fs::path& regular, const fs::path& bold) {
    const auto& a = coverage_of(regular);
    const auto& b = coverage_of(bold);
    std::vector<bool> set(0x10000, false);
    if (a.size() != set.size() || b.size() != set.size()) return set;
    // Only Windows-1252's 251 characters can be in the set: visiting them, not
    // all 65,536 code points, saves about 5 ms at the first flyer of a process.
    auto add = [&](char32_t cp) { set[cp] = a[cp] && b[cp]; };
    for (char32_t cp = 0; cp < 0x100; ++cp)
        if (to_cp1252(cp) == static_cast<int>(cp)) add(cp);  // the Latin-1 part
    for (const auto& entry : cp1252_high) add(entry.first);
    return set;
}

}  // namespace

font_choice flyer_fonts(const job_offer& o, const plugins::pdf::brand& b) {
    font_choice f{b.font_regular, b.font_bold.empty() ? b.font_regular : b.font_bold, false};
    const bool defaults = f.regular == dejavu_font("DejaVuSans.ttf") && f.bold == dejavu_font("DejaVuSans-Bold.ttf");
    const fast_fonts* fast = b.allow_fast_fonts && defaults ? find_fast_fonts() : nullptr;
    if (fast && covers(fast->covered, o, b)) {
        f.regular = fast->regular;
        f.bold = fast->bold;
    }
    if (b.allow_fast_fonts) {
        static std::mutex m;
        static std::map<std::pair<fs::path, fs::path>, std::vector<bool>> sets;
        const std::vector<bool>* set;
        {
            std::lock_guard<std::mutex> lock(m);
            auto key = std::make_pair(f.regular, f.bold);
            auto it = sets.find(key);
            if (it == sets.end()) it = sets.emplace(key, winansi_set(f.regular, f.bold)).first;
            set = &it->second;
        }
        f.winansi = covers(*set, o, b);
    }
    return f;
}

}  // namespace offerkit::pdf_plugin
