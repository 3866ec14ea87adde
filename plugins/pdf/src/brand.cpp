// The flyers' brands: the core reads the profiles (offerkit/brand.hpp); the
// plugin gives them its default fonts and checks what it will draw (the logo
// decoded by libpng, the fonts by FreeType) when a profile is read.
#include "font_check.hpp"
#include "fonts.hpp"
#include "logo.hpp"

#include <offerkit/error.hpp>
#include <offerkit/plugins/pdf.hpp>

namespace offerkit::plugins::pdf {

namespace fs = std::filesystem;

brand default_brand() {
    brand b;
    b.name = "default";
    b.font_regular = pdf_plugin::dejavu_font("DejaVuSans.ttf");
    b.font_bold = pdf_plugin::dejavu_font("DejaVuSans-Bold.ttf");
    return b;
}

brand load_brand(const fs::path& file) {
    brand_asset_checks checks;
    checks.logo = [](const fs::path& p) { pdf_plugin::load_logo(p); };  // decoded once, now
    checks.font = [](const fs::path& p) { pdf_plugin::check_font_file(p); };
    checks.font_family = [](const std::string& family, bool bold) { return pdf_plugin::font_of_family(family, bold); };
    return read_brand(file, default_brand(), checks);
}

brand_set brand_set::load_directory(const fs::path& dir, std::optional<brand> fallback) {
    brand_set set(fallback ? std::move(*fallback) : default_brand());
    for (const auto& f : brand_files(dir)) {
        brand b = load_brand(f);
        if (f.filename() == "default.json") set.fallback_ = b;
        set.brands_.push_back(std::move(b));
    }
    return set;
}

const brand& brand_set::pick(std::string_view employer, bool* matched) const {
    const brand* b = find_brand(brands_, employer);
    if (matched) *matched = b != nullptr;
    return b ? *b : fallback_;
}

const brand& brand_set::pick(const job_offer& offer, bool* matched) const {
    const brand* b = find_brand(brands_, offer);
    if (matched) *matched = b != nullptr;
    return b ? *b : fallback_;
}

}  // namespace offerkit::plugins::pdf
