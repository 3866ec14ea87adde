#include "src/web_exporters.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/web.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_web(registry& reg) {
    plugin_support::format_list<web_plugin::html_exporter, web_plugin::rss_exporter, web_plugin::atom_exporter,
                                web_plugin::sitemap_exporter>::register_all(reg, "web", OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
