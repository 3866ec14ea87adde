// offerkit/plugins/jsonld.hpp — the `jsonld` exporter: schema.org JobPosting JSON-LD.
//
// One offer gives one JobPosting object, several a JSON array of them; with the
// option `lines=true`, one JobPosting per line (JSON Lines). The mapping is the
// one of offerkit::to_jobposting_json (offerkit/jobposting.hpp, docs/jsonld.md).
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `jsonld` exporter as a built-in plugin.
void register_jsonld(registry& reg);

}  // namespace offerkit::plugins
