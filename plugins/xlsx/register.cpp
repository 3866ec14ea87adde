#include "xlsx_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/xlsx.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_xlsx(registry& reg) {
    plugin_support::format_list<xlsx_plugin::xlsx_exporter>::register_all(reg, "xlsx", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
