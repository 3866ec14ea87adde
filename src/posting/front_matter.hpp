// posting/front_matter.hpp — YAML front matter of converted postings.
#pragma once

#include <offerkit/diagnostics.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offerkit::posting {

struct front_matter {
    bool present = false;
    std::size_t body_offset = 0;                              ///< byte offset of the body in the input
    std::size_t body_first_line = 1;                          ///< line number of the body's first line
    std::vector<std::pair<std::string, std::string>> values;  ///< scalar keys, in order

    const std::string* find(std::string_view key) const noexcept {
        for (const auto& [k, v] : values)
            if (k == key) return &v;
        return nullptr;
    }
};

/// Reads a leading `---` … `---` block with yaml-cpp. Invalid YAML is a
/// warning (the block is then skipped), not an error.
front_matter read_front_matter(std::string_view text, const std::string& source_name, diagnostics& diags);

}  // namespace offerkit::posting
