#include "jsonld_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/jsonld.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_jsonld(registry& reg) {
    plugin_support::format_list<jsonld_plugin::jsonld_exporter>::register_all(reg, "jsonld", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
