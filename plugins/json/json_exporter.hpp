// The exporters of the json plugin.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::json_plugin {

/// `json`: an object for one offer, an array for several.
class json_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

/// `jsonl`: one offer per line.
class jsonl_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override;
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;
};

}  // namespace offerkit::json_plugin
