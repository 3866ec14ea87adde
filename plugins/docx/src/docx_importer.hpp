// docx/docx_importer.hpp — the `docx` importer: a posting as a Word document.
#pragma once

#include <offerkit/importer.hpp>

namespace offerkit::docx_plugin {

class docx_importer final : public importer {
public:
    const importer_info& info() const noexcept override;
    /// signature: a zip whose first entries are a Word document's parts;
    /// extension: ".docx", ".docm"; otherwise none.
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override;
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override;
};

}  // namespace offerkit::docx_plugin
