#include "csv_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/csv.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_csv(registry& reg) {
    plugin_support::format_list<csv_plugin::csv_exporter>::register_all(reg, "csv", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
