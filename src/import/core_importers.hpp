// Internal: the importers compiled into the core, registered in every
// registry under the plugin name "offerkit".
#pragma once

#include <offerkit/importer.hpp>

#include <memory>
#include <vector>

namespace offerkit::detail {

/// text (posting text and Markdown), json, jsonl, jobposting, csv (open data), in this order.
std::vector<std::shared_ptr<const importer>> make_core_importers();

std::shared_ptr<const importer> make_posting_importer();
std::shared_ptr<const importer> make_json_importer();
std::shared_ptr<const importer> make_jsonl_importer();
std::shared_ptr<const importer> make_jobposting_importer();
std::shared_ptr<const importer> make_csv_importer();

}  // namespace offerkit::detail
