// The exporter of the jsonld plugin.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::jsonld_plugin {

/// `jsonld`: schema.org JobPosting, an object for one offer, an array for
/// several, JSON Lines with `lines=true`.
class jsonld_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

}  // namespace offerkit::jsonld_plugin
