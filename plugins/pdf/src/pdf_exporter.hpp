// Internal: the `pdf` exporter.
#pragma once

#include <offerkit/exporter.hpp>

namespace offerkit::pdf_plugin {

class pdf_exporter final : public exporter {
public:
    pdf_exporter();
    const exporter_info& info() const noexcept override { return info_; }
    output_layout layout(const option_map& options) const override;
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override;

private:
    exporter_info info_;
};

}  // namespace offerkit::pdf_plugin
