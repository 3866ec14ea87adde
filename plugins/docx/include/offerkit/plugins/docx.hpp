// offerkit/plugins/docx.hpp — the `docx` plugin: postings read from Word documents.
//
// Formats:
//  - `docx` (importer): a .docx posting (docs/docx.md). Options: max-part-mib
//    (64), max-total-mib (256): caps on what the zip may inflate.
#pragma once

#include <offerkit/document.hpp>
#include <offerkit/registry.hpp>

#include <string>
#include <string_view>

namespace offerkit::plugins {

/// Registers the `docx` importer as a built-in plugin.
void register_docx(registry& reg);

/// The Word document held in `bytes` as a structured posting document (what
/// the importer gives the posting parser). Throws offerkit::error naming `name`.
posting_document read_docx(std::string_view bytes, const std::string& name);

}  // namespace offerkit::plugins
