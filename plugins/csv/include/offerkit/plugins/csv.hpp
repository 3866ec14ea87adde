// offerkit/plugins/csv.hpp — the `csv` plugin: offers as the employers' open data.
//
// Format `csv` (docs/csv.md): one row an offer in the columns of the DRHFPNC
// AVP dataset of data.gouv.nc (offerkit/opendata.hpp), RFC 4180, UTF-8, safe
// to open in a spreadsheet; read back by the `csv` importer.
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `csv` exporter as a built-in plugin.
void register_csv(registry& reg);

}  // namespace offerkit::plugins
