// The module entry point of offerkit-xlsx.so.
#include "xlsx_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("xlsx", OFFERKIT_VERSION_STRING, "Excel recruitment summaries (monthly or yearly workbook)",
                offerkit::xlsx_plugin::xlsx_exporter)
