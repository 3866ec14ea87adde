#include "json_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/json.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_json(registry& reg) {
    plugin_support::format_list<json_plugin::json_exporter, json_plugin::jsonl_exporter>::register_all(
        reg, "json", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
