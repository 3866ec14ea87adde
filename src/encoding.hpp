// Internal: reading text in other encodings than UTF-8 (UTF-16 with a byte
// order mark, Windows-1252, Latin-1), and naming the likely encoding of a
// file that is not UTF-8.
#pragma once

#include <offerkit/reader.hpp>

#include <string>
#include <string_view>

namespace offerkit::detail {

/// The encoding named by a byte order mark at the start of `bytes`:
/// text_encoding::utf16le / utf16be, or automatic when there is none.
text_encoding bom_encoding(std::string_view bytes) noexcept;

/// `bytes` in encoding `e` (not automatic, not utf8) as UTF-8. A UTF-16 byte
/// order mark is dropped; an odd length or an unpaired surrogate throws
/// errc::invalid_utf8 naming `name` and the byte offset.
std::string to_utf8(std::string_view bytes, text_encoding e, const std::string& name);

/// "Windows-1252" when `bytes` has bytes 0x80–0x9F that Windows-1252 maps to
/// printable characters, else "Latin-1 (ISO-8859-1) or Windows-1252".
std::string likely_legacy_encoding(std::string_view bytes);

}  // namespace offerkit::detail
