// The module entry point of offerkit-summary.so.
#include "summary_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("summary", OFFERKIT_VERSION_STRING, "recruitment figures as JSON",
                offerkit::summary_plugin::summary_exporter)
