#include "src/docx_importer.hpp"
#include "src/wordml.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/docx.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_docx(registry& reg) {
    plugin_support::format_list<docx_plugin::docx_importer>::register_all(reg, "docx", OFFERKIT_VERSION_STRING);
}

posting_document read_docx(std::string_view bytes, const std::string& name) {
    return docx_plugin::read_word_document(bytes, name, {});
}

}  // namespace offerkit::plugins
