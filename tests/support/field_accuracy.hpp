// The field-by-field comparison of a parsed offer with its expected JSON
// (tests/expected/postings/), shared by the accuracy tests of every reader of
// postings: text and Markdown (test_posting_parser), Word (test_docx), PDF
// (test_poppler). One "field" is one key of the specification
// (managed_staff counts as its three keys); text is compared NFC-normalised
// with white space folded.
#pragma once

#include <offerkit/job_offer.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offerkit::testing {

/// The offer as (field, normalised value) pairs.
std::vector<std::pair<std::string, std::string>> offer_fields(const job_offer& o);

struct field_score {
    std::size_t files = 0, matched = 0, total = 0;
    std::string misses;  ///< one entry per field that differs: expected and got
    double accuracy() const;
    /// "<what> field-level accuracy (<label>): m/n fields = x.xx% (k postings)"
    std::string figure(std::string_view what, std::string_view label) const;
    field_score& operator+=(const field_score& o);
};

/// Compares `got` with `expected`, field by field, into `score`; `name` names
/// the posting in the misses.
void compare_offer(const job_offer& expected, const job_offer& got, const std::string& name, field_score& score);

/// The expected offer of an expected file.
job_offer read_expected(const std::filesystem::path& expected_file);

/// tests/expected/postings/<prefix>*.json, sorted.
std::vector<std::filesystem::path> expected_postings(std::string_view prefix);

/// The files of `dir` whose extension is `ext` (".docx"), sorted; none when
/// `dir` is not there.
std::vector<std::filesystem::path> files_with(const std::filesystem::path& dir, std::string_view ext);

/// Reads each document with `read` and compares it with its expected offer,
/// tests/expected/postings/<stem>.json (which must exist).
field_score measure_documents(const std::vector<std::filesystem::path>& documents,
                              const std::function<job_offer(const std::filesystem::path&)>& read);

}  // namespace offerkit::testing
