#include "src/pdf_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/pdf.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_pdf(registry& reg) {
    plugin_support::format_list<pdf_plugin::pdf_exporter>::register_all(reg, "pdf", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
