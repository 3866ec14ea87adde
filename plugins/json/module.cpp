// The module entry point of offerkit-json.so.
#include "json_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("json", OFFERKIT_VERSION_STRING, "canonical JSON and JSON Lines", offerkit::json_plugin::json_exporter,
                offerkit::json_plugin::jsonl_exporter)
