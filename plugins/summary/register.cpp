#include "summary_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/plugins/summary.hpp>
#include <offerkit/version.hpp>

namespace offerkit::plugins {

void register_summary(registry& reg) {
    plugin_support::format_list<summary_plugin::summary_exporter>::register_all(reg, "summary",
                                                                                OFFERKIT_VERSION_STRING);
}

}  // namespace offerkit::plugins
