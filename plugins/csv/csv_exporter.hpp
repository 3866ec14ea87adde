// The exporter of the csv plugin.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::csv_plugin {

/// `csv`: the batch as rows of the DRHFPNC AVP dataset (docs/csv.md).
class csv_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

}  // namespace offerkit::csv_plugin
