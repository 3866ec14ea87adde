// The exporters of the web plugin.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::web_plugin {

#define OFFERKIT_WEB_EXPORTER(NAME)                                                                   \
    class NAME final : public exporter {                                                              \
    public:                                                                                           \
        const exporter_info& info() const noexcept override;                                          \
        output_layout layout(const option_map&) const override { return output_layout::single_file; } \
        std::unique_ptr<export_session> begin(const export_target& target, const option_map& options, \
                                              diagnostics& diags) const override;                     \
    }

/// `html`: the site, in the directory -o names (docs/web.md).
OFFERKIT_WEB_EXPORTER(html_exporter);
/// `rss`: an RSS 2.0 feed of the open offers.
OFFERKIT_WEB_EXPORTER(rss_exporter);
/// `atom`: an Atom 1.0 feed of the open offers.
OFFERKIT_WEB_EXPORTER(atom_exporter);
/// `sitemap`: a sitemap of the open offers' pages.
OFFERKIT_WEB_EXPORTER(sitemap_exporter);

#undef OFFERKIT_WEB_EXPORTER

}  // namespace offerkit::web_plugin
