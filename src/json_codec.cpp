// The canonical JSON codec (job-offer/1): a hand-written writer (deterministic
// key order, fast) and a Boost.JSON based reader with field-path errors.
#include "json_fast_reader.hpp"
#include "json_internal.hpp"

#include <offerkit/error.hpp>
#include <offerkit/fields.hpp>
#include <offerkit/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

namespace offerkit {
namespace detail {

namespace json = boost::json;

namespace {

// Line and column (in code points, 1-based) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset, std::size_t first_line) {
    std::size_t line = first_line, column = 1;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

void check_duplicate_keys(std::string_view text, const std::string& name, std::size_t first_line);

}  // namespace

json::value parse_json(std::string_view text, const std::string& name, std::size_t first_line,
                       const read_limits& limits) {
    json::parse_options options;
    options.max_depth = limits.max_json_depth;
    json::stream_parser parser({}, options);
    return parse_json_with(parser, text, name, first_line, limits);
}

json::value parse_json_with(json::stream_parser& parser, std::string_view text, const std::string& name,
                            std::size_t first_line, const read_limits& limits, bool reset) {
    if (reset) parser.reset();
    boost::system::error_code ec;
    std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        // On error write_some reports how far it got; finish() fails at the end.
        std::size_t at = consumed;
        if (ec == json::error::incomplete || ec == json::error::extra_data) at = consumed;
        auto [line, column] = line_column(text, at, first_line);
        std::string where = name + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
        if (ec == json::error::too_deep)
            throw error(errc::limit_exceeded,
                        where + "JSON nested deeper than " + std::to_string(limits.max_json_depth) + " levels");
        std::string what = ec.message();
        if (ec == json::error::incomplete || (text.find_first_not_of(" \t\r\n") == std::string_view::npos))
            what = text.find_first_not_of(" \t\r\n") == std::string_view::npos ? "empty input, expected a JSON value"
                                                                               : "unexpected end of input";
        throw error(errc::syntax_error, where + "invalid JSON: " + what);
    }
    check_duplicate_keys(text, name, first_line);
    return parser.release();
}

namespace {

// Boost.JSON keeps the last of duplicate keys silently; we refuse them. A
// light scan of text that already parsed: it skips strings with memchr, and
// compares the keys of each object (a string followed by ':') within it.
void check_duplicate_keys(std::string_view text, const std::string& name, std::size_t first_line) {
    // Keys of the open objects, flat; `starts` marks where each open
    // container's keys begin (npos for arrays). No allocation per object.
    thread_local std::vector<std::string_view> keys;
    thread_local std::vector<std::size_t> starts;
    keys.clear();
    starts.clear();
    constexpr std::size_t array_mark = static_cast<std::size_t>(-1);
    const char* const base = text.data();
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = base[i];
        if (c == '{') {
            starts.push_back(keys.size());
        } else if (c == '[') {
            starts.push_back(array_mark);
        } else if (c == '}' || c == ']') {
            if (starts.empty()) continue;
            if (starts.back() != array_mark) keys.resize(starts.back());
            starts.pop_back();
        } else if (c == '"') {
            // Find the closing quote: one not preceded by an odd run of backslashes.
            const std::size_t start = i + 1;
            std::size_t end = start;
            while (true) {
                const void* q = std::memchr(base + end, '"', n - end);
                if (!q) return;  // cannot happen in text that parsed
                end = static_cast<std::size_t>(static_cast<const char*>(q) - base);
                std::size_t slashes = 0;
                while (end - slashes > start && base[end - slashes - 1] == '\\') ++slashes;
                if (slashes % 2 == 0) break;
                ++end;
            }
            i = end;
            if (starts.empty() || starts.back() == array_mark) continue;
            std::size_t j = end + 1;
            while (j < n && (base[j] == ' ' || base[j] == '\t' || base[j] == '\n' || base[j] == '\r')) ++j;
            if (j >= n || base[j] != ':') continue;
            const std::string_view key(base + start, end - start);
            for (std::size_t k = starts.back(); k < keys.size(); ++k)
                if (keys[k] == key) {
                    auto [line, column] = line_column(text, start - 1, first_line);
                    throw error(errc::syntax_error, name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                                        ": duplicate key \"" + std::string(key) +
                                                        "\" in the same object");
                }
            keys.push_back(key);
        }
    }
}

}  // namespace

const char* json_kind(const json::value& v) noexcept {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "a value";
}

std::string json_excerpt(const json::value& v) {
    std::string s = json::serialize(v);
    if (s.size() > 60) {
        std::size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "...";
    }
    return s;
}

namespace {

// True when one of the 8 bytes of `w` is < 0x20, '"' or '\\' (SWAR: bytes
// >= 0x80, that is UTF-8, never match).
constexpr bool word_needs_escape(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    const std::uint64_t quote = (q - ones) & ~q & highs;
    const std::uint64_t slash = (b - ones) & ~b & highs;
    return (below_space | quote | slash) != 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the pending run of plain bytes
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Most text needs no escape: skip it eight bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if (!word_needs_escape(w)) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
        ++i;
    }
    out.append(s.data() + run, n - run);
    out += '"';
}

// ---------------------------------------------------------------- reading

namespace {

// Reads one offer object, tracking the path of the field being read. The
// fields and their types come from the model's description (offerkit/fields.hpp):
// one reader per type, none per field.
class offer_decoder {
public:
    offer_decoder(const source_location& where, diagnostics& diags) : where_(where), diags_(diags) {}

    job_offer decode(const json::value& v) {
        job_offer r;
        read_object(r, v, "", r);
        return r;
    }

private:
    static std::string join(const std::string& base, std::string_view key) {
        std::string p = base;
        if (!p.empty()) p += '.';
        p += key;
        return p;
    }

    // The fields of `obj` from the JSON object `v` at `path`; unknown keys
    // are kept in root's extra (with a warning), required ones checked.
    template <class T>
    void read_object(T& obj, const json::value& v, const std::string& path, job_offer& root) const {
        std::array<bool, field_count_v<T>> seen{};
        for (const auto& entry : expect_object(v, path)) {
            // Not a structured binding: lambdas cannot capture those in Clang 14 (the fuzz build).
            const std::string_view k = entry.key();
            const json::value& value = entry.value();
            if constexpr (std::is_same_v<T, job_offer>) {
                if (k == "format") {
                    check_format(value);
                    continue;
                }
            }
            const std::string p = join(path, k);
            std::size_t index = 0;
            bool found = false;
            for_each_field(obj, [&](const auto& d, auto& member) {
                if (!found && d.key == k) {
                    read(member, value, p, root);
                    seen[index] = found = true;
                }
                ++index;
            });
            if (!found) keep_unknown(root, p, value);
        }
        std::size_t index = 0;
        for_each_field_of<T>([&](const auto& d) {
            if (d.required && !seen[index])
                throw_at(errc::missing_field, join(path, d.key), "required field is missing");
            ++index;
        });
    }

    void check_format(const json::value& value) const {
        const auto& s = expect_string(value, "format");
        if (s != job_offer_format)
            throw_at(errc::invalid_value, "format",
                     "unsupported format \"" + std::string(s) + "\" (this version reads \"" +
                         std::string(job_offer_format) + "\")");
    }

    // One reader per type of member.
    void read(std::string& m, const json::value& v, const std::string& path, job_offer&) const {
        m = expect_string(v, path);
    }
    void read(std::optional<std::string>& m, const json::value& v, const std::string& path, job_offer&) const {
        m = opt_string(v, path);
    }
    void read(std::optional<date>& m, const json::value& v, const std::string& path, job_offer&) const {
        m = opt_date(v, path);
    }
    void read(std::optional<int>& m, const json::value& v, const std::string& path, job_offer&) const {
        m = opt_int(v, path);
    }
    void read(std::vector<std::string>& m, const json::value& v, const std::string& path, job_offer&) const {
        m = strings(v, path);
    }
    // An enum of the model (activities[].kind, status, events[].kind): one of its names.
    template <class E>
    requires is_model_enum_v<E>
    void read(E& m, const json::value& v, const std::string& path, job_offer&) const {
        const auto& k = expect_string(v, path);
        const auto value = enum_from_string<E>(k);
        if (!value) throw_at(errc::invalid_value, path, "expected " + enum_choices<E>() + ", got " + json_excerpt(v));
        m = *value;
    }
    template <class E>
    requires is_model_enum_v<E>
    void read(std::optional<E>& m, const json::value& v, const std::string& path, job_offer& root) const {
        m.reset();
        if (v.is_null()) return;
        read(m.emplace(), v, path, root);
    }
    void read(extra_fields& m, const json::value& v, const std::string& path, job_offer&) const {
        if (v.is_null()) return;
        for (const auto& [key, value] : expect_object(v, path))
            m.set(std::string(key), std::string(expect_string(value, join(path, key))));
    }
    // An object of the model (managed_staff); null is an empty one.
    template <class T>
    requires has_fields_v<T>
    void read(T& m, const json::value& v, const std::string& path, job_offer& root) const {
        m = T{};
        if (!v.is_null()) read_object(m, v, path, root);
    }
    // A list of objects of the model (activities, profile, contacts); null is an empty one.
    template <class T>
    requires has_fields_v<T>
    void read(std::vector<T>& m, const json::value& v, const std::string& path, job_offer& root) const {
        m.clear();
        if (v.is_null()) return;
        if (!v.is_array())
            type_error(path, std::is_same_v<T, contact> ? "an array of contacts" : "an array of sections", v);
        const auto& a = v.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            std::string base = path;
            base += '[';
            base += std::to_string(i);
            base += ']';
            read_object(m.emplace_back(), a[i], base, root);
        }
    }

    [[noreturn]] void throw_at(errc code, const std::string& path, const std::string& message) const {
        std::string s = where_.to_string();
        if (!s.empty()) s += ": ";
        const std::string full =
            where_.path + (where_.path.empty() || path.empty() || path[0] == '[' ? "" : ".") + path;
        if (!full.empty()) s += full + ": ";
        throw error(code, s + message);
    }
    [[noreturn]] void type_error(const std::string& path, const char* expected, const json::value& got) const {
        throw_at(errc::type_error, path,
                 std::string("expected ") + expected + ", got " +
                     (got.is_null() ? std::string("null") : json_kind(got) + std::string(" ") + json_excerpt(got)));
    }

    const json::object& expect_object(const json::value& v, const std::string& path) const {
        if (!v.is_object()) type_error(path.empty() ? std::string() : path, "an object", v);
        return v.get_object();
    }
    const json::string& expect_string(const json::value& v, const std::string& path) const {
        if (!v.is_string()) type_error(path, "a string", v);
        return v.get_string();
    }
    std::optional<std::string> opt_string(const json::value& v, const std::string& path) const {
        if (v.is_null()) return std::nullopt;
        return std::string(expect_string(v, path));
    }
    std::optional<date> opt_date(const json::value& v, const std::string& path) const {
        if (v.is_null()) return std::nullopt;
        if (!v.is_string()) type_error(path, "a date YYYY-MM-DD", v);
        auto d = date::parse_iso(v.get_string());
        if (!d) throw_at(errc::invalid_value, path, "expected a date YYYY-MM-DD, got " + json_excerpt(v));
        return d;
    }
    std::optional<int> opt_int(const json::value& v, const std::string& path) const {
        if (v.is_null()) return std::nullopt;
        if (v.is_int64() && v.get_int64() >= 0 && v.get_int64() <= std::numeric_limits<int>::max())
            return static_cast<int>(v.get_int64());
        if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
            return static_cast<int>(v.get_uint64());
        type_error(path, "a non-negative integer", v);
    }
    std::vector<std::string> strings(const json::value& v, const std::string& path) const {
        std::vector<std::string> out;
        if (v.is_null()) return out;
        if (!v.is_array()) type_error(path, "an array of strings", v);
        const auto& a = v.get_array();
        out.reserve(a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            out.emplace_back(expect_string(a[i], path + "[" + std::to_string(i) + "]"));
        return out;
    }
    // Unknown fields are kept in `extra` (strings as they are, other values as
    // their JSON text) and reported, never silently dropped.
    void keep_unknown(job_offer& r, std::string path, const json::value& value) const {
        source_location at = where_;
        at.path += (at.path.empty() ? "" : ".") + path;
        diags_.warn(at, "unknown field, kept in extra");
        r.extra.set(std::move(path), value.is_string() ? std::string(value.get_string()) : json::serialize(value));
    }

    const source_location& where_;
    diagnostics& diags_;
};

}  // namespace

job_offer offer_from_value(const json::value& v, const source_location& where, diagnostics& diags) {
    return offer_decoder(where, diags).decode(v);
}

}  // namespace detail

// ---------------------------------------------------------------- writing

namespace {

using detail::append_json_string;

class offer_encoder {
public:
    offer_encoder(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    void encode(const job_offer& o) {
        open('{');
        key("format");
        append_json_string(out_, job_offer_format);
        members(o);
        close('}');
    }

private:
    void newline() {
        if (!pretty_) return;
        out_ += '\n';
        out_.append(2 * depth_, ' ');
    }
    void open(char c) {
        out_ += c;
        ++depth_;
        first_ = true;
    }
    void close(char c) {
        --depth_;
        newline();
        out_ += c;
        first_ = false;
    }
    void element() {
        if (!first_) out_ += ',';
        first_ = false;
        newline();
    }
    void key(std::string_view k) {
        element();
        append_json_string(out_, k);
        out_ += pretty_ ? ": " : ":";
    }
    // The fields of an object of the model, in the order of its description.
    template <class T>
    void members(const T& object) {
        for_each_field(object, [this](const auto& d, const auto& member) {
            key(d.key);
            put(member);
        });
    }

    // One writer per type of member.
    void put(const std::string& s) { append_json_string(out_, s); }
    template <class E>
    requires is_model_enum_v<E>
    void put(E e) { append_json_string(out_, enum_names<E>::value[static_cast<std::size_t>(e)]); }
    template <class E>
    requires is_model_enum_v<E>
    void put(const std::optional<E>& e) {
        if (e)
            put(*e);
        else
            out_ += "null";
    }
    void put(const std::optional<int>& n) {
        if (n)
            out_ += std::to_string(*n);
        else
            out_ += "null";
    }
    void put(const std::optional<std::string>& s) {
        if (s)
            append_json_string(out_, *s);
        else
            out_ += "null";
    }
    template <class T>
    requires has_fields_v<T>
    void put(const T& object) {
        open('{');
        members(object);
        close('}');
    }
    template <class T>
    requires has_fields_v<T>
    void put(const std::vector<T>& objects) {
        list(objects, [this](const T& object) { put(object); });
    }
    void put(const extra_fields& e) {
        if (e.empty()) {
            out_ += "{}";
            return;
        }
        open('{');
        for (const auto& [k, v] : e) {
            key(k);
            append_json_string(out_, v);
        }
        close('}');
    }
    void put(const std::optional<date>& d) {
        if (!d) {
            out_ += "null";
            return;
        }
        out_ += '"';
        out_ += d->to_iso();
        out_ += '"';
    }
    void put(const std::vector<std::string>& items) {
        list(items, [this](const std::string& s) { append_json_string(out_, s); });
    }
    template <class T, class F>
    void list(const std::vector<T>& items, F&& each) {
        if (items.empty()) {
            out_ += "[]";
            return;
        }
        open('[');
        for (const auto& item : items) {
            element();
            each(item);
        }
        close(']');
    }

    std::string& out_;
    bool pretty_;
    std::size_t depth_ = 0;
    bool first_ = true;
};

}  // namespace

void append_json(std::string& out, const job_offer& offer, const json_write_options& options) {
    offer_encoder(out, options.pretty).encode(offer);
}

std::string to_json(const job_offer& offer, const json_write_options& options) {
    std::string out;
    out.reserve(4096);
    append_json(out, offer, options);
    return out;
}

std::string to_json_array(const std::vector<job_offer>& offers, bool pretty) {
    std::string out = "[";
    for (std::size_t i = 0; i < offers.size(); ++i) {
        out += i == 0 ? (pretty ? "\n" : "") : (pretty ? ",\n" : ",");
        append_json(out, offers[i], {pretty});
    }
    out += pretty && !offers.empty() ? "\n]\n" : "]\n";
    return out;
}

std::string to_json_lines(const std::vector<job_offer>& offers) {
    std::string out;
    for (const auto& o : offers) {
        append_json(out, o, {false});
        out += '\n';
    }
    return out;
}

job_offer offer_from_json(std::string_view text, const source_location& where, diagnostics& diags) {
    // The SAX fast path for a canonical offer; the DOM reader for anything else
    // (it gives the exact errors and warnings).
    job_offer fast;
    if (detail::fast_read_offer(text, fast, read_limits{}.max_json_depth)) return fast;
    const auto v = detail::parse_json(text, where.file.empty() ? "<input>" : where.file, where.line ? where.line : 1);
    return detail::offer_from_value(v, where, diags);
}

void append_json_quoted(std::string& out, std::string_view s) { detail::append_json_string(out, s); }

}  // namespace offerkit
