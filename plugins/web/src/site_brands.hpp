// The site's brands (offerkit/brand.hpp): the profiles of the `brand` and
// `brands-dir` options, the brand of each offer's page, its colours made
// readable, and its logo copied into the site.
#pragma once

#include <offerkit/brand.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/output_file.hpp>

#include <map>
#include <string>
#include <vector>

namespace offerkit::web_plugin {

/// How a page shows its brand.
struct page_brand {
    std::string primary;   ///< "#213A5C": the header band behind white text, at least 4.5:1
    std::string accent;    ///< rules and borders (not text)
    std::string logo;      ///< the logo's path in the site ("assets/lagons-logo.png"), or ""
    std::string logo_alt;  ///< the organisation the logo stands for ("": the page's employer)
};

class site_brands {
public:
    /// Reads the profiles the options name (`brand`, `brands-dir`); throws
    /// offerkit::error naming the file. Colours too light for white text are
    /// darkened, with a warning naming the brand.
    site_brands(const option_map& options, diagnostics& diags);

    /// The brand of `offer`'s page (its employer's, else the fallback); its logo
    /// is written into `tree` the first time.
    const page_brand& of(const job_offer& offer, atomic_directory& tree);
    /// The brand of the index pages: the fallback's.
    const page_brand& site(atomic_directory& tree);

private:
    const page_brand& shown(const brand& b, atomic_directory& tree);
    std::vector<brand> brands_;
    brand fallback_;
    diagnostics& diags_;
    std::map<std::string, page_brand> shown_;  // by brand name
};

}  // namespace offerkit::web_plugin
