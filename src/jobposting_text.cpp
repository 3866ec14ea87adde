// Text helpers of the schema.org JobPosting codec: see jobposting_text.hpp.
#include "jobposting_text.hpp"

#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

#include "json_internal.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace offerkit::detail::jsonld {

namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_bullet_line(std::string_view line, std::size_t& marker_len) {
    // "- ", "* ", "• ", "– ", "· " (a space must follow, so "-5 %" stays text)
    static constexpr std::string_view markers[] = {"-",        "*",           "\xE2\x80\xA2", "\xE2\x80\x93",
                                                   "\xC2\xB7", "\xE2\x80\x94"};
    for (auto m : markers)
        if (line.size() > m.size() && line.substr(0, m.size()) == m && is_space(line[m.size()])) {
            marker_len = m.size();
            return true;
        }
    return false;
}

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

}  // namespace

bool contains_words(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    auto is_word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
        const bool left = pos == 0 || !is_word(hay[pos - 1]);
        const std::size_t end = pos + needle.size();
        const bool right = end == hay.size() || !is_word(hay[end]);
        if (left && right) return true;
    }
    return false;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<html_block> description_blocks(std::string_view text) {
    std::vector<html_block> blocks;
    // HTML when a tag-like "<x" or "</" appears.
    bool html = false;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '<' && (text[i + 1] == '/' || text[i + 1] == '!' || (text[i + 1] >= 'a' && text[i + 1] <= 'z') ||
                               (text[i + 1] >= 'A' && text[i + 1] <= 'Z'))) {
            html = true;
            break;
        }

    if (!html) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string line = text::collapse_ascii_space(text.substr(start, end - start));
            std::size_t marker = 0;
            if (!line.empty()) {
                if (is_bullet_line(line, marker))
                    blocks.push_back({true, text::collapse_ascii_space(std::string_view(line).substr(marker))});
                else
                    blocks.push_back({false, std::move(line)});
            }
            start = end + 1;
        }
        return blocks;
    }

    std::string current;  // raw text of the block being read (entities not yet decoded)
    bool in_item = false;
    int list_depth = 0;
    auto flush = [&] {
        std::string t = text::collapse_ascii_space(text::decode_html_entities(text::collapse_ascii_space(current)));
        current.clear();
        if (t.empty()) return;
        // A "- x" line inside a paragraph is a bullet too.
        std::size_t marker = 0;
        if (!in_item && is_bullet_line(t, marker))
            blocks.push_back({true, text::collapse_ascii_space(std::string_view(t).substr(marker))});
        else
            blocks.push_back({in_item, std::move(t)});
    };

    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '<') {
            current += text[i++];
            continue;
        }
        if (text.compare(i, 4, "<!--") == 0) {
            const std::size_t end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        const std::size_t close = text.find('>', i + 1);
        if (close == std::string_view::npos) {  // a lone '<': text
            current += text[i++];
            continue;
        }
        std::string_view tag = text.substr(i + 1, close - i - 1);
        i = close + 1;
        const bool closing = !tag.empty() && tag[0] == '/';
        if (closing) tag.remove_prefix(1);
        std::size_t name_end = 0;
        while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
        const std::string name = lower_ascii(tag.substr(0, name_end));
        if (name == "script" || name == "style") {
            if (!closing) {
                const std::size_t end = lower_ascii(text.substr(i)).find("</" + name);
                i = end == std::string::npos ? text.size() : i + end;
            }
            continue;
        }
        if (name == "li" || name == "dt" || name == "dd") {
            flush();
            in_item = !closing;
        } else if (name == "ul" || name == "ol") {
            flush();
            list_depth += closing ? -1 : 1;
            if (list_depth < 0) list_depth = 0;
            in_item = false;
        } else if (name == "br") {
            flush();
        } else if (name == "p" || name == "div" || name == "section" || name == "article" || name == "blockquote" ||
                   name == "tr" || name == "td" || name == "th" || name == "table" || name == "hr" ||
                   (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
            flush();
        } else {
            // inline tag (strong, em, span, a…): dropped, a space kept where it separates words
            if (name == "img") current += ' ';
        }
    }
    flush();
    return blocks;
}

void write_json(std::string& out, const boost::json::value& v, bool pretty, int indent) {
    auto newline = [&](int level) {
        if (!pretty) return;
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    switch (v.kind()) {
        case boost::json::kind::null: out += "null"; break;
        case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
        case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
        case boost::json::kind::double_: out += boost::json::serialize(v); break;  // never written by us
        case boost::json::kind::string: append_json_string(out, v.get_string()); break;
        case boost::json::kind::array: {
            const auto& a = v.get_array();
            if (a.empty()) {
                out += "[]";
                break;
            }
            out += '[';
            bool first = true;
            for (const auto& e : a) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                write_json(out, e, pretty, indent + 1);
            }
            newline(indent);
            out += ']';
            break;
        }
        case boost::json::kind::object: {
            const auto& o = v.get_object();
            if (o.empty()) {
                out += "{}";
                break;
            }
            out += '{';
            bool first = true;
            for (const auto& kv : o) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                append_json_string(out, kv.key());
                out += pretty ? ": " : ":";
                write_json(out, kv.value(), pretty, indent + 1);
            }
            newline(indent);
            out += '}';
            break;
        }
    }
}

}  // namespace offerkit::detail::jsonld
