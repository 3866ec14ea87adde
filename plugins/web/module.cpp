// The module entry point of offerkit-web.so.
#include "src/web_exporters.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("web", OFFERKIT_VERSION_STRING, "a job-board site, RSS and Atom feeds, a jobs sitemap",
                offerkit::web_plugin::html_exporter, offerkit::web_plugin::rss_exporter,
                offerkit::web_plugin::atom_exporter, offerkit::web_plugin::sitemap_exporter)
