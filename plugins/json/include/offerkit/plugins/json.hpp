// offerkit/plugins/json.hpp — the `json` plugin: canonical JSON and JSON Lines export.
//
// Formats:
//  - `json`: one offer gives one object, several give an array (option pretty, default true);
//  - `jsonl`: JSON Lines, one offer per line.
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `json` and `jsonl` exporters as a built-in plugin.
void register_json(registry& reg);

}  // namespace offerkit::plugins
