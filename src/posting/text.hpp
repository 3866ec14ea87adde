// posting/text.hpp — small string helpers for the posting parser (and the names
// it takes from the text module). Internal to offerkit::core.
#pragma once

#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::posting {

// Validation and folding are the text module's (offerkit/text.hpp).
using text::find_invalid_utf8;
using text::fold;
using text::folded;

using text::is_space;

/// Letters and digits (ASCII, Latin-1, Latin Extended, most alphabets).
bool is_alnum_cp(char32_t cp) noexcept;
/// Upper-case letter (first code point of s).
bool starts_upper(std::string_view s) noexcept;
bool starts_lower(std::string_view s) noexcept;

/// Trims ASCII spaces.
std::string_view trim(std::string_view s) noexcept;
/// Trims spaces and the given trailing punctuation characters (ASCII) and
/// trailing dashes/bullets (– — • ●).
std::string trim_trailing_marks(std::string_view s, std::string_view ascii_marks);
/// Number of space-separated words.
std::size_t word_count(std::string_view s) noexcept;
bool starts_with(std::string_view s, std::string_view p) noexcept;
bool ends_with(std::string_view s, std::string_view p) noexcept;

}  // namespace offerkit::posting
