// offerkit/text_safety.hpp — what every writer does with text it cannot carry,
// links it must not follow, and values too long to quote.
//
// Offers hold any code point a JSON string can hold, including U+0000, other
// control characters and the noncharacters U+FFFE and U+FFFF. Each format
// has its own repertoire: XML 1.0 (xlsx, feeds, HTML) has no place for C0
// controls other than TAB, LF and CR, nor for U+FFFE/U+FFFF; the PDF flyers'
// fonts have only the Basic Multilingual Plane. `scrub_offer` removes or
// replaces what a repertoire lacks in every text field of an offer, and says
// so, naming the offer and the field.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace offerkit {

/// At most `max_chars` characters of `text`, cut at a character boundary;
/// a cut text ends with "…" and says how long it was:
/// `excerpt(ten_megabytes, 20)` → "aaaaaaaaaaaaaaaaaaaa… (10485760 bytes)".
/// For quoting input values in messages.
OFFERKIT_API std::string excerpt(std::string_view text, std::size_t max_chars = 80);

/// The repertoire of an output format.
enum class text_repertoire {
    xml,        ///< XML 1.0: no C0 control but TAB, LF, CR; no U+FFFE, U+FFFF
    pdf_flyer,  ///< what the flyers print: as xml, and code points above U+FFFF become U+FFFD
};

/// Which texts of an offer a writer shows.
enum class text_scope {
    all,            ///< every text field
    single_values,  ///< reference to supervisor, managed_staff and url: not the lists
                    ///< (description, missions, activities, profile, conditions,
                    ///< how_to_apply, contacts, extra), e.g. a workbook's columns
};

/// Whether code point `cp` can be carried as it is.
OFFERKIT_API bool carries(text_repertoire r, char32_t cp) noexcept;

/// Makes every text of `offer` fit `r`: characters it cannot carry are removed
/// (controls, noncharacters) or replaced by U+FFFD (above U+FFFF for
/// pdf_flyer; invalid UTF-8). One warning per field changed, naming the
/// format, the offer's reference, the field (as the location's path) and the
/// code points: "xlsx: offer 9001-26-0101: 1 character xlsx cannot carry
/// removed (U+FFFF)". Returns the number of fields changed; leaves the offer
/// as it is, and costs a scan only, when nothing needs changing.
OFFERKIT_API std::size_t scrub_offer(job_offer& offer, text_repertoire r, std::string_view format, diagnostics& diags,
                                     text_scope scope = text_scope::all);

/// `text` made to fit `r`, as scrub_offer does it to each field; `what`, when
/// given, says what changed: "2 characters that xlsx cannot carry removed
/// (U+FFFF, U+FFFE)", `format` naming the format.
OFFERKIT_API std::string fit_text(std::string_view text, text_repertoire r, std::string_view format,
                                  std::string* what = nullptr);

/// Whether every character of `text` fits `r` (and it is valid UTF-8).
OFFERKIT_API bool fits(std::string_view text, text_repertoire r) noexcept;
/// Whether every text of `offer` fits `r`.
OFFERKIT_API bool offer_fits(const job_offer& offer, text_repertoire r, text_scope scope = text_scope::all) noexcept;

/// `offer` itself when it fits `r`; else `copy`, made a copy of `offer` and
/// scrubbed (scrub_offer, with its warnings). For writers:
///
///     job_offer copy;
///     const job_offer& o = fitted(offer, copy, text_repertoire::xml, "xlsx", diags);
OFFERKIT_API const job_offer& fitted(const job_offer& offer, job_offer& copy, text_repertoire r,
                                     std::string_view format, diagnostics& diags, text_scope scope = text_scope::all);

/// The one rule for links an output may make clickable or scannable (the
/// flyer's QR code, workbook hyperlinks, web pages): `http://`, `https://`
/// (with a host) or `mailto:` (with an address), case-insensitive, with no
/// space, control character, quote, `<`, `>` or backslash. Refused:
/// `javascript:`, `data:`, `file:`, `vbscript:`, UNC paths (`\\server\share`,
/// `//server/share`), and anything else.
OFFERKIT_API bool is_safe_link(std::string_view url) noexcept;

}  // namespace offerkit
