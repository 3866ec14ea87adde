// Brand profiles: JSON files read with Boost.JSON, the brand of an offer, and
// the contrast arithmetic of WCAG 2.1 that every format's colours follow.
#include <offerkit/brand.hpp>
#include <offerkit/error.hpp>
#include <offerkit/text.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

namespace offerkit {

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

[[noreturn]] void fail(const fs::path& file, const std::string& msg, errc code = errc::invalid_value) {
    throw error(code, file.string() + ": brand: " + msg);
}

std::string read_all(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) fail(file, "brand file not found", errc::io_error);
    if (fs::file_size(file, ec) > (1u << 20)) fail(file, "a brand file is at most 1 MiB", errc::limit_exceeded);
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot open the brand file", errc::io_error);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

rgb parse_colour(const fs::path& file, const std::string& key, std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (s.size() == 7 && s[0] == '#') {
        int v[6];
        bool ok = true;
        for (int i = 0; i < 6; ++i) ok = ok && (v[i] = hex(s[static_cast<std::size_t>(i + 1)])) >= 0;
        if (ok) return {(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
    }
    fail(file, key + ": a colour is written \"#RRGGBB\", not \"" + std::string(s) + "\"");
}

// Runs a format's check of an asset, the message then naming the profile (and the field).
void check_asset(const std::function<void(const fs::path&)>& check, const fs::path& asset,
                 const std::string& named_in) {
    if (!check) return;
    try {
        check(asset);
    } catch (const error& e) {
        throw error(e.code(), std::string(e.what()) + " (named in " + named_in + ")");
    }
}

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const rgb& c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

}  // namespace

double contrast_ratio(const rgb& a, const rgb& b) noexcept {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

rgb darkened_for_contrast(const rgb& c, const rgb& background, double ratio) noexcept {
    rgb d = c;
    for (int step = 0; step < 100 && contrast_ratio(d, background) < ratio; ++step)
        d = {d.r * 0.95, d.g * 0.95, d.b * 0.95};
    return d;
}

std::string to_hex(const rgb& c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s = "#";
    for (double v : {c.r, c.g, c.b}) {
        const int n = static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
        s += digits[n / 16];
        s += digits[n % 16];
    }
    return s;
}

brand read_brand(const fs::path& file, brand defaults, const brand_asset_checks& checks) {
    const std::string text = read_all(file);
    json::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec) {
        // Where: parse again with a stream parser, which stops at the error.
        json::stream_parser p;
        std::size_t n = p.write_some(text.data(), text.size(), ec);
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i < n && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw error(errc::syntax_error,
                    file.string() + ":" + std::to_string(line) + ":" + std::to_string(col) + ": brand: malformed JSON");
    }
    if (!v.is_object()) fail(file, "a brand file holds one JSON object", errc::type_error);
    const json::object& o = v.as_object();

    brand b = std::move(defaults);
    b.source = file;
    b.name = file.stem().string();
    const fs::path dir = file.parent_path();

    auto str = [&](std::string_view key) -> std::optional<std::string> {
        const json::value* x = o.if_contains(key);
        if (!x || x->is_null()) return std::nullopt;
        if (!x->is_string()) fail(file, std::string(key) + ": a string is expected", errc::type_error);
        return std::string(x->as_string());
    };
    auto resolve = [&](const std::string& p) {
        fs::path q(p);
        return q.is_absolute() ? q : dir / q;
    };
    static const char* known[] = {"format", "name",   "organisation", "slogan", "website", "footer",   "careers_page",
                                  "logo",   "colors", "colours",      "fonts",  "lang",    "employers"};
    for (const auto& kv : o)
        if (std::find(std::begin(known), std::end(known), std::string_view(kv.key())) == std::end(known))
            fail(file, std::string(kv.key()) + ": unknown field");

    if (auto s = str("format"); s && *s != "offerkit-brand/1")
        fail(file, "format: \"offerkit-brand/1\" is expected, not \"" + *s + "\"");
    if (auto s = str("name")) b.name = *s;
    if (auto s = str("organisation")) b.organisation = *s;
    if (auto s = str("slogan")) b.slogan = *s;
    if (auto s = str("website")) b.website = *s;
    if (auto s = str("footer")) b.footer = *s;
    if (auto s = str("careers_page")) b.careers_page = *s;
    if (auto s = str("logo"); s && !s->empty()) {
        b.logo = resolve(*s);
        std::error_code fe;
        if (!fs::is_regular_file(b.logo, fe))
            fail(b.logo, "logo file not found (named in " + file.string() + ")", errc::io_error);
        check_asset(checks.logo, b.logo, file.string());  // checked now: the error names the brand
    }
    if (auto s = str("lang")) {
        if (*s != "fr" && *s != "en") fail(file, "lang: \"fr\" or \"en\" is expected");
        b.lang = *s;
    }
    const json::value* colours = o.if_contains("colors");
    if (!colours) colours = o.if_contains("colours");
    if (colours && !colours->is_null()) {
        if (!colours->is_object()) fail(file, "colors: an object is expected", errc::type_error);
        for (const auto& kv : colours->as_object()) {
            const std::string key = "colors." + std::string(kv.key());
            if (!kv.value().is_string()) fail(file, key + ": a string \"#RRGGBB\" is expected", errc::type_error);
            const rgb c = parse_colour(file, key, kv.value().as_string());
            if (kv.key() == "primary")
                b.primary = c;
            else if (kv.key() == "accent")
                b.accent = c;
            else
                fail(file, key + ": unknown colour (primary, accent)");
        }
    }
    if (const json::value* fonts = o.if_contains("fonts"); fonts && !fonts->is_null()) {
        if (!fonts->is_object()) fail(file, "fonts: an object is expected", errc::type_error);
        for (const auto& kv : fonts->as_object()) {
            const std::string key = "fonts." + std::string(kv.key());
            if (!kv.value().is_string())
                fail(file, key + ": a file path or a family name is expected", errc::type_error);
            if (kv.key() != "regular" && kv.key() != "bold") fail(file, key + ": unknown font (regular, bold)");
            const std::string value(kv.value().as_string());
            fs::path p = resolve(value);
            std::error_code fe;
            // A family name ("Liberation Sans"): no directory, no font file extension.
            const std::string ext = text::ascii_lower(fs::path(value).extension().string());
            const bool family = value.find('/') == std::string::npos && ext != ".ttf" && ext != ".otf" &&
                                ext != ".ttc" && !fs::exists(p, fe);
            if (family) {
                if (!checks.font_family) continue;
                try {
                    p = checks.font_family(value, kv.key() == "bold");
                } catch (const error& e) {
                    throw error(e.code(), file.string() + ": " + key + ": " + e.what());
                }
            }
            if (!fs::is_regular_file(p, fe))
                fail(p, "font file not found (named in " + file.string() + ", " + key + ")", errc::io_error);
            check_asset(checks.font, p, file.string() + ", " + key);
            if (kv.key() == "regular")
                b.font_regular = p;
            else if (kv.key() == "bold")
                b.font_bold = p;
            else
                fail(file, key + ": unknown font (regular, bold)");
        }
    }
    if (const json::value* emps = o.if_contains("employers"); emps && !emps->is_null()) {
        if (!emps->is_array()) fail(file, "employers: a list of names is expected", errc::type_error);
        std::size_t i = 0;
        for (const auto& e : emps->as_array()) {
            if (!e.is_string())
                fail(file, "employers[" + std::to_string(i) + "]: a string is expected", errc::type_error);
            b.employers.emplace_back(e.as_string());
            ++i;
        }
    }
    return b;
}

std::vector<fs::path> brand_files(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw error(errc::io_error, dir.string() + ": brand directory not found");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) throw error(errc::io_error, dir.string() + ": cannot list the brand directory: " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

const brand* find_brand(const std::vector<brand>& brands, std::string_view employer) {
    const std::string key = text::fold(employer);
    if (key.empty()) return nullptr;
    for (const auto& b : brands) {
        for (const auto& e : b.employers)
            if (text::fold(e) == key) return &b;
        if (!b.organisation.empty() && text::fold(b.organisation) == key) return &b;
    }
    return nullptr;
}

const brand* find_brand(const std::vector<brand>& brands, const job_offer& offer) {
    for (const auto* name : {&offer.canonical.employer, &offer.canonical.employer_name})
        if (*name && !(*name)->empty())
            if (const brand* b = find_brand(brands, **name)) return b;
    return find_brand(brands, offer.employer);
}

}  // namespace offerkit
