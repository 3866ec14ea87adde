// docx/docx_importer.cpp — a document_session reads the whole package (a .docx
// is small and a zip needs its central directory, at the end), then the posting
// parser reads the structured document.
#include "src/docx_importer.hpp"

#include "src/wordml.hpp"

#include <offerkit/document.hpp>

namespace offerkit::docx_plugin {

const importer_info& docx_importer::info() const noexcept {
    static const importer_info i{
        "docx",
        "a posting as a Word document (.docx): styles, lists, bold labels, tables, headers and footers",
        {".docx", ".docm"},
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        {{"max-part-mib", "the largest part (XML, inflated) read, in MiB: a zip bomb stops there", "64", false},
         {"max-total-mib", "all the parts read, inflated, in MiB", "256", false}}};
    return i;
}

input_match docx_importer::sniff(std::string_view file_name, std::string_view head) const noexcept {
    if (looks_like_word_package(head)) return input_match::signature;
    for (const auto& e : info().extensions)
        if (has_extension(file_name, e)) return input_match::extension;
    return input_match::none;
}

std::unique_ptr<import_session> docx_importer::open(input_source input, const read_options& options) const {
    check_options(info(), options.options);
    package_limits limits;
    // sizes in MiB, up to 4 GiB
    limits.max_part_bytes = option_count(options.options, "max-part-mib", limits.max_part_bytes >> 20, 4096) << 20;
    limits.max_total_bytes = option_count(options.options, "max-total-mib", limits.max_total_bytes >> 20, 4096) << 20;
    return std::make_unique<document_session>(
        std::move(input), options, "docx",
        [limits](std::string_view bytes, const std::string& name) { return read_word_document(bytes, name, limits); });
}

}  // namespace offerkit::docx_plugin
