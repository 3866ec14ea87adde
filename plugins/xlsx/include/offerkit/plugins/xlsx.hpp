// offerkit/plugins/xlsx.hpp — the `xlsx` plugin: Excel recruitment summaries.
//
// Format `xlsx`: one workbook (.xlsx) per export, made with libxlsxwriter.
// Options (all optional):
//  - `month`  YYYY-MM      the report month (default: the month before `as-of`);
//  - `year`   YYYY         a yearly report instead: one sheet per month and a
//                          year summary (not together with `month`);
//  - `as-of`  YYYY-MM-DD   the day the report is made (default: today in
//                          Nouméa, UTC+11); statuses and "closing soon" use it;
//  - `lang`   fr | en      labels and sheet names (default fr).
// Sheets: Synthèse (Summary), Offres (Offers) — or one sheet per month in a
// yearly report — and Qualité (Data quality). See docs/xlsx.md.
#pragma once

#include <offerkit/registry.hpp>

namespace offerkit::plugins {

/// Registers the `xlsx` exporter as a built-in plugin.
void register_xlsx(registry& reg);

}  // namespace offerkit::plugins
