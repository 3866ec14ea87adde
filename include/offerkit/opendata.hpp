// offerkit/opendata.hpp — the employers' open data: the DRHFPNC dataset
// "avis de vacances de poste (AVP)" of data.gouv.nc, its 45 columns and its
// value conventions (docs/opendata-csv.md).
//
// The `csv` importer reads its rows into offers; the `csv` format writes
// offers as its rows, with the same columns in the same order, so that a file
// offerkit writes is read back into the same offers (what the row carries).
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/job_offer.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::opendata {

/// The dataset's columns, in its order: "id", "communique", "libelle_poste", …, "url_pdf".
OFFERKIT_API std::span<const std::string_view> columns() noexcept;

/// The cells of `offer`'s row, one per column of columns(), in the dataset's
/// conventions: dates `YYYY-MM-DD`, `date_a_pourvoir_libelle` one of
/// `IMMEDIATEMENT`, `SUSCEPTIBLE_VACANT`, `A_DATE`, `AUTRE`, lists one item a
/// line, `nb_postes_a_pourvoir` 0 when not given. Plain values: neither made
/// safe for a spreadsheet nor quoted (csv_line does both).
OFFERKIT_API std::vector<std::string> row_of(const job_offer& offer);

/// `cell` as a spreadsheet may open it without running it: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a formula to Excel and
/// LibreOffice) gets a leading `'`, as does one that starts with `'` followed
/// by one of those; the `csv` importer removes that quote again.
OFFERKIT_API std::string spreadsheet_safe(std::string_view cell);

/// The inverse of spreadsheet_safe, for readers.
OFFERKIT_API std::string_view without_spreadsheet_quote(std::string_view cell) noexcept;

/// Appends one RFC 4180 line of `cells` to `out`, each made spreadsheet_safe,
/// quoted with `"` when it holds the separator, a quote (doubled), a line
/// break or leading or trailing spaces; ended by CRLF.
OFFERKIT_API void append_csv_line(std::string& out, std::span<const std::string> cells, char separator = ',');

}  // namespace offerkit::opendata
