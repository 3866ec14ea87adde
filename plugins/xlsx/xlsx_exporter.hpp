// The exporter of the xlsx plugin.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::xlsx_plugin {

/// `xlsx`: a monthly (or yearly) recruitment workbook.
class xlsx_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

}  // namespace offerkit::xlsx_plugin
