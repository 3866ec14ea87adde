// Brand profiles in the core (offerkit/brand.hpp): reading, picking, and the
// WCAG contrast arithmetic the formats' colours follow. The flyers' own checks
// of logos and fonts are in test_pdf.
#include "support/test_support.hpp"

#include <offerkit/brand.hpp>
#include <offerkit/error.hpp>

using namespace offerkit;
namespace fs = std::filesystem;

TEST_CASE("contrast ratios as WCAG 2.1 computes them, and colours darkened to reach one") {
    const rgb white{1, 1, 1}, black{0, 0, 0};
    CHECK(contrast_ratio(white, black) == Approx(21.0));
    CHECK(contrast_ratio(white, white) == Approx(1.0));
    // #767676 is the lightest grey with 4.5:1 on white (WebAIM's reference value: 4.54).
    CHECK(contrast_ratio({0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0}, white) == Approx(4.54).epsilon(0.01));
    const rgb orange{0xF2 / 255.0, 0xA0 / 255.0, 0x3D / 255.0};
    CHECK(contrast_ratio(orange, white) < 4.5);
    const rgb dark = darkened_for_contrast(orange, white, 4.5);
    CHECK(contrast_ratio(dark, white) >= 4.5);
    CHECK(contrast_ratio(darkened_for_contrast(dark, white, 4.5), white) == Approx(contrast_ratio(dark, white)));
    CHECK(dark.r > dark.g);  // still an orange
    CHECK(to_hex(orange) == "#F2A03D");
    CHECK(to_hex(black) == "#000000");
}

TEST_CASE("a profile is read over the format's defaults, and picked by the employer in any spelling") {
    testing::temp_dir dir;
    testing::write_file(dir / "a.json", R"({"format": "offerkit-brand/1", "organisation": "Province Sud",
        "colors": {"primary": "#0E5A7A"}, "employers": ["province-sud"]})");
    brand defaults;
    defaults.font_regular = "/regular.ttf";
    const brand a = read_brand(dir / "a.json", defaults);
    CHECK(a.name == "a");
    CHECK(to_hex(a.primary) == "#0E5A7A");
    CHECK(a.font_regular == "/regular.ttf");  // kept from the defaults
    CHECK(brand_files(dir.path()) == std::vector<fs::path>{dir / "a.json"});
    const std::vector<brand> brands{a};
    CHECK(find_brand(brands, "PROVINCE SUD") == &brands[0]);
    CHECK(find_brand(brands, "Province Nord") == nullptr);
    job_offer o = testing::minimal_offer();
    o.employer = "Prov. Sud";
    o.canonical.employer = "province-sud";
    CHECK(find_brand(brands, o) == &brands[0]);

    testing::write_file(dir / "bad.json", R"({"colors": {"primary": "blue"}})");
    CHECK_THROWS_WITH(read_brand(dir / "bad.json", {}),
                      Catch::Contains("bad.json: brand: colors.primary: a colour is written \"#RRGGBB\""));
    testing::write_file(dir / "logo.json", R"({"logo": "logo.png"})");
    testing::write_file(dir / "logo.png", "GIF89a");
    brand_asset_checks checks;
    checks.logo = [](const fs::path& p) { throw error(errc::invalid_value, p.string() + ": not a PNG"); };
    CHECK_THROWS_WITH(read_brand(dir / "logo.json", {}, checks),
                      Catch::Contains("logo.png: not a PNG (named in ") && Catch::Contains("logo.json)"));
}
