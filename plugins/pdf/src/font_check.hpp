// Internal: brand fonts are input. libharu 2.3.0 trusts every table of a
// TrueType file (a corrupt font overflows its buffers, divides by zero or
// never ends), so a font reaches it only after two checks of ours:
// FreeType must open it as a scalable sfnt font, and the tables libharu reads
// must be consistent, as strictly as libharu's own reading needs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace offerkit::pdf_plugin {

/// The largest font file accepted (32 MiB; DejaVu Sans is 0.7 MiB).
inline constexpr std::size_t max_font_bytes = std::size_t{32} << 20;

/// Why libharu must not be given the font `bytes`, or "" when it may.
/// Checks the table directory, head, maxp, hhea, hmtx, loca, glyf (each
/// glyph's header and composite components, no cycle, depth ≤ 16), the
/// format-4 Unicode cmap (every glyph index look-up stays in its arrays, the
/// last segment ends at U+FFFF), name and OS/2, then asks FreeType.
std::string font_problem(std::string_view bytes);

/// Reads and checks `file` once per process (cached by path, size and time);
/// throws offerkit::error naming the file when it is not a usable TrueType
/// font. Thread-safe.
void check_font_file(const std::filesystem::path& file);

}  // namespace offerkit::pdf_plugin
