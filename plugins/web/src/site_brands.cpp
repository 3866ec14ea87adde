// The site's brands, from the same profiles as the flyers'.
#include "site_brands.hpp"

#include <offerkit/error.hpp>

#include <fstream>
#include <sstream>

namespace offerkit::web_plugin {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_logo_bytes = 4u << 20;

// The site copies a logo's bytes for the browser to draw: it must be a PNG of a sensible size.
void check_logo(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > max_logo_bytes)
        throw error(errc::limit_exceeded, file.string() + ": html: a logo is a PNG file of at most 4 MiB");
    std::ifstream in(file, std::ios::binary);
    char signature[8] = {};
    in.read(signature, sizeof signature);
    if (!in || std::string_view(signature, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8))
        throw error(errc::invalid_value, file.string() + ": html: the logo is not a PNG file");
}

brand read(const fs::path& file) {
    brand_asset_checks checks;
    checks.logo = check_logo;
    return read_brand(file, brand{}, checks);
}

const rgb white{1, 1, 1};

}  // namespace

site_brands::site_brands(const option_map& options, diagnostics& diags) : diags_(diags) {
    fallback_.name = "default";
    if (auto b = option_or(options, "brand", ""); !b.empty()) fallback_ = read(b);
    if (auto dir = option_or(options, "brands-dir", ""); !dir.empty())
        for (const auto& f : brand_files(dir)) {
            brands_.push_back(read(f));
            if (f.filename() == "default.json") fallback_ = brands_.back();
        }
}

const page_brand& site_brands::shown(const brand& b, atomic_directory& tree) {
    if (auto it = shown_.find(b.name); it != shown_.end()) return it->second;
    page_brand p;
    const rgb primary = darkened_for_contrast(b.primary, white, 4.5);
    if (!(primary == b.primary))
        diags_.warn({b.source.string(), 0, 0, "colors.primary"},
                    "html: brand " + b.name + ": white text on its primary colour " + to_hex(b.primary) + " is " +
                        std::to_string(contrast_ratio(b.primary, white)).substr(0, 4) +
                        ":1, below WCAG's 4.5:1; the site's header uses " + to_hex(primary) + " instead");
    p.primary = to_hex(primary);
    p.accent = to_hex(b.accent);
    if (!b.logo.empty()) {
        std::ifstream in(b.logo, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        p.logo = "assets/" + sanitize_file_stem(b.name) + "-logo.png";
        tree.write_file(p.logo, bytes.str());
        p.logo_alt = b.organisation;
    }
    return shown_.emplace(b.name, std::move(p)).first->second;
}

const page_brand& site_brands::of(const job_offer& offer, atomic_directory& tree) {
    const brand* b = find_brand(brands_, offer);
    return shown(b ? *b : fallback_, tree);
}

const page_brand& site_brands::site(atomic_directory& tree) { return shown(fallback_, tree); }

}  // namespace offerkit::web_plugin
