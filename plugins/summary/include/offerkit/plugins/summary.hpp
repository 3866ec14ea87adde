// offerkit/plugins/summary.hpp — the `summary` plugin: the recruitment figures as JSON.
//
// Format `summary` (docs/summary.md): the figures of offerkit/recruitment.hpp
// for a month (`month=YYYY-MM`) or a year month by month (`year=YYYY`),
// counted on `as-of=YYYY-MM-DD`, in one JSON document.
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `summary` exporter as a built-in plugin.
void register_summary(registry& reg);

}  // namespace offerkit::plugins
