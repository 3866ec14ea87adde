// offerkit/diagnostics.hpp — warnings and errors with source locations.
//
// The library never prints: readers and exporters append diagnostics to a
// `diagnostics` list that the caller shows (the CLI prints them as
// `file:line: warning: message`, like a compiler).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace offerkit {

/// Where a diagnostic points: a file (or "<stdin>"), a 1-based line and
/// column (0 = unknown), and for JSON input the field path (`activities[1].items[0]`).
struct source_location {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string path;

    /// `file:line:column` with the unknown parts left out (`offers.jsonl:3`).
    std::string to_string() const {
        std::string s = file;
        // Appends only: `":" + std::to_string(…)` makes GCC 12 -O3 warn falsely (-Wrestrict).
        if (line != 0) {
            if (!s.empty()) s += ':';
            s += std::to_string(line);
            if (column != 0) {
                s += ':';
                s += std::to_string(column);
            }
        }
        return s;
    }
    friend bool operator==(const source_location&, const source_location&) = default;
};

enum class severity { warning, error };

struct diagnostic {
    severity level = severity::warning;
    source_location where;
    std::string message;
    /// The identifier of the validation rule that found it ("deadline-before-posting",
    /// offerkit/rules.hpp), or empty.
    std::string rule;

    /// `file:line: warning: path: message [rule]`, the format the CLI prints.
    std::string to_string() const {
        std::string s = where.to_string();
        if (!s.empty()) s += ": ";
        s += level == severity::error ? "error: " : "warning: ";
        if (!where.path.empty()) s += where.path + ": ";
        s += message;
        if (!rule.empty()) {
            s += " [";
            s += rule;
            s += ']';
        }
        return s;
    }
    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// An ordered list of diagnostics.
class diagnostics {
public:
    void warn(source_location where, std::string message) {
        items_.push_back({severity::warning, std::move(where), std::move(message), {}});
    }
    void fail(source_location where, std::string message) {
        items_.push_back({severity::error, std::move(where), std::move(message), {}});
    }
    void add(diagnostic d) { items_.push_back(std::move(d)); }
    void append(const diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }

    bool empty() const noexcept { return items_.empty(); }
    std::size_t size() const noexcept { return items_.size(); }
    std::size_t count(severity level) const noexcept {
        std::size_t n = 0;
        for (const auto& d : items_) n += d.level == level ? 1 : 0;
        return n;
    }
    bool has_errors() const noexcept { return count(severity::error) != 0; }
    void clear() noexcept { items_.clear(); }

    auto begin() const noexcept { return items_.begin(); }
    auto end() const noexcept { return items_.end(); }
    const std::vector<diagnostic>& items() const noexcept { return items_; }

private:
    std::vector<diagnostic> items_;
};

}  // namespace offerkit
