// The module entry point of offerkit-jsonld.so.
#include "jsonld_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("jsonld", OFFERKIT_VERSION_STRING, "schema.org JobPosting JSON-LD",
                offerkit::jsonld_plugin::jsonld_exporter)
