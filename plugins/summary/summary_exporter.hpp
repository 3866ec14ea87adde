// The exporter of the summary plugin.
#pragma once

#include <offerkit/exporter.hpp>
#include <offerkit/recruitment.hpp>

#include <string>

namespace offerkit::summary_plugin {

/// `summary`: the recruitment figures of the batch as one JSON document (docs/summary.md).
class summary_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

/// The JSON document of `report` (format "offerkit-summary/1"), indented, ending with a newline.
std::string summary_json(const recruitment_report& report);

}  // namespace offerkit::summary_plugin
