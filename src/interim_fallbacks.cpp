// INTERIM (removed when the posting parser and JobPosting codec land): weak
// definitions so that the core links while those parts are being written.
#include "json_internal.hpp"

#include <offerkit/error.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/posting_parser.hpp>

namespace offerkit {

__attribute__((weak)) job_offer parse_posting(std::string_view, const std::string& source_name, diagnostics&) {
    throw error(errc::unknown_format, source_name + ": reading posting text is not available in this build");
}
__attribute__((weak)) std::string to_jobposting_json(const job_offer&, bool) {
    throw error(errc::unknown_format, "JobPosting export is not available in this build");
}
__attribute__((weak)) std::vector<job_offer> offers_from_jobposting(std::string_view, const std::string& source_name,
                                                                   diagnostics&) {
    throw error(errc::unknown_format, source_name + ": JobPosting import is not available in this build");
}

namespace detail {
__attribute__((weak)) bool looks_like_jobposting(const boost::json::value&) noexcept { return false; }
__attribute__((weak)) std::vector<job_offer> offers_from_jobposting_value(const boost::json::value&,
                                                                         const source_location& where, diagnostics&) {
    throw error(errc::unknown_format, where.file + ": JobPosting import is not available in this build");
}
}  // namespace detail

}  // namespace offerkit
