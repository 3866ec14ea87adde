#include "src/pdf_importer.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/poppler.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_poppler(registry& reg) {
    plugin_support::format_list<poppler_plugin::pdf_importer>::register_all(reg, "poppler", OFFERKIT_VERSION_STRING);
}

posting_document read_pdf(std::string_view bytes, const std::string& name) {
    return poppler_plugin::layout_document(poppler_plugin::read_pdf_words(bytes, name, {}));
}

}  // namespace offerkit::plugins
