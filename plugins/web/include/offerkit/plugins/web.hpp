// offerkit/plugins/web.hpp — the `web` plugin: publishing offers on the web.
//
// Formats (docs/web.md): `html`, a static job-board site in a directory (an
// index, one page per offer with its schema.org JobPosting, a print style);
// `rss` and `atom`, feeds of the open offers; `sitemap`, a jobs sitemap.
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `html`, `rss`, `atom` and `sitemap` exporters as a built-in plugin.
void register_web(registry& reg);

}  // namespace offerkit::plugins
