// document_session: one posting document read whole, described by its
// format's reader, parsed (offerkit/document.hpp).
#include <offerkit/document.hpp>

namespace offerkit {

document_session::document_session(input_source input, const read_options& options, std::string format,
                                   document_reader read)
    : input_(std::move(input)),
      max_bytes_(options.limits.max_file_bytes),
      facts_(options.facts),
      format_(std::move(format)),
      read_(std::move(read)),
      location_{input_.name(), 0, 0, {}} {}

bool document_session::next(job_offer& out, diagnostics& diags) {
    if (done_) return false;
    done_ = true;  // one posting per document, whether it reads or not
    std::string bytes;
    input_.read_all(bytes, max_bytes_);
    const posting_document doc = read_(bytes, input_.name());
    out = parse_posting(doc, input_.name(), diags, facts_);
    return true;
}

const source_location& document_session::location() const noexcept { return location_; }
std::string_view document_session::format() const noexcept { return format_; }
bool document_session::validates() const noexcept { return true; }  // the parser reports with line numbers

}  // namespace offerkit
