// offerkit/plugins/poppler.hpp — the `poppler` plugin: postings read from PDF files.
//
// This plugin links poppler (GPL-2.0-or-later) and is therefore distributed
// under the GPL-2.0-or-later itself (plugins/poppler/LICENSE); the rest of
// offerkit stays MIT. Leave it out with -DOFFERKIT_PLUGINS="…" (not "poppler").
//
// Formats:
//  - `pdf` (importer): a PDF posting (docs/pdf-input.md). Option: max-pages (100).
#pragma once

#include <offerkit/document.hpp>
#include <offerkit/registry.hpp>

#include <string>
#include <string_view>

namespace offerkit::plugins {

/// Registers the `pdf` importer as a built-in plugin.
void register_poppler(registry& reg);

/// The PDF held in `bytes` as a structured posting document (what the
/// importer gives the posting parser). Throws offerkit::error naming `name`.
posting_document read_pdf(std::string_view bytes, const std::string& name);

}  // namespace offerkit::plugins
