// The module entry point of offerkit-csv.so.
#include "csv_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("csv", OFFERKIT_VERSION_STRING, "offers as the employers' open data (DRHFPNC AVP CSV)",
                offerkit::csv_plugin::csv_exporter)
