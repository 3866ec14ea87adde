// offer_reader: format detection and streaming over every supported input kind.
#include "encoding.hpp"
#include "json_fast_reader.hpp"
#include "json_internal.hpp"
#include "posting/text.hpp"

#include <offerkit/json.hpp>
#include <offerkit/posting_parser.hpp>
#include <offerkit/reader.hpp>

#include <cstring>
#include <deque>
#include <fstream>
#include <optional>
#include <iostream>
#include <cerrno>

namespace offerkit {

namespace json = boost::json;

std::string_view to_string(input_format f) noexcept {
    switch (f) {
        case input_format::automatic: return "auto";
        case input_format::canonical_json: return "json";
        case input_format::json_lines: return "jsonl";
        case input_format::jobposting: return "jobposting";
        case input_format::posting_text: return "text";
    }
    return "?";
}

input_format input_format_from_string(std::string_view name) {
    for (auto f : {input_format::automatic, input_format::canonical_json, input_format::json_lines,
                   input_format::jobposting, input_format::posting_text})
        if (to_string(f) == name) return f;
    throw error(errc::unknown_format, "unknown input format \"" + std::string(name) +
                                          "\" (known: auto, json, jsonl, jobposting, text)");
}

std::string_view to_string(text_encoding e) noexcept {
    switch (e) {
        case text_encoding::automatic: return "auto";
        case text_encoding::utf8: return "utf-8";
        case text_encoding::utf16le: return "utf-16le";
        case text_encoding::utf16be: return "utf-16be";
        case text_encoding::cp1252: return "cp1252";
        case text_encoding::latin1: return "latin1";
    }
    return "?";
}

text_encoding text_encoding_from_string(std::string_view name) {
    std::string n(name);
    for (char& c : n)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (n == "utf8") return text_encoding::utf8;
    if (n == "windows-1252") return text_encoding::cp1252;
    if (n == "iso-8859-1" || n == "latin-1") return text_encoding::latin1;
    for (auto e : {text_encoding::automatic, text_encoding::utf8, text_encoding::utf16le, text_encoding::utf16be,
                   text_encoding::cp1252, text_encoding::latin1})
        if (to_string(e) == n) return e;
    throw error(errc::unknown_format, "unknown encoding \"" + std::string(name) +
                                          "\" (known: auto, utf-8, utf-16le, utf-16be, cp1252, latin1)");
}

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char a = s[s.size() - suffix.size() + i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != suffix[i]) return false;
    }
    return true;
}

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) s.remove_prefix(1);
    return s;
}

// Where the first top-level JSON value of `s` ends (npos when it does not end
// within `s`), by bracket counting that respects strings.
std::size_t end_of_first_value(std::string_view s) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

input_format detect_input_format(std::string_view file_name, std::string_view content) {
    if (ends_with_ci(file_name, ".jsonl") || ends_with_ci(file_name, ".ndjson")) return input_format::json_lines;
    if (ends_with_ci(file_name, ".txt") || ends_with_ci(file_name, ".md") || ends_with_ci(file_name, ".markdown"))
        return input_format::posting_text;
    const std::string_view body = skip_bom_and_space(content);
    if (body.empty() || (body[0] != '{' && body[0] != '['))
        return ends_with_ci(file_name, ".json") || ends_with_ci(file_name, ".jsonld") ? input_format::canonical_json
                                                                                     : input_format::posting_text;
    if (body[0] == '{') {
        // Several objects one after another: JSON Lines.
        const std::size_t end = end_of_first_value(body);
        if (end != std::string_view::npos && !skip_bom_and_space(body.substr(end)).empty())
            return input_format::json_lines;
    }
    return input_format::canonical_json;
}

struct offer_reader::impl {
    read_options options;
    std::string name;
    input_format format = input_format::automatic;
    source_location location;

    // Streaming (JSON Lines): the stream and the line number reached.
    std::unique_ptr<std::istream> owned_stream;
    std::istream* stream = nullptr;
    std::string pending;      // text read for detection, not yet consumed as lines
    std::size_t pending_at = 0;
    std::size_t line_number = 0;
    std::string line;
    json::stream_parser line_parser;
    // An arena for the DOM of each line over a reused buffer: far fewer
    // allocations than the default heap storage. (A new resource per line:
    // monotonic_resource::release() then reuse throws bad_alloc in Boost 1.81.)
    std::unique_ptr<unsigned char[]> arena_buffer = std::make_unique<unsigned char[]>(arena_size);
    std::optional<json::monotonic_resource> line_arena;
    static constexpr std::size_t arena_size = 64 * 1024;

    // Whole documents: the text, and the parsed entries still to return.
    std::string text;
    bool document_done = false;
    json::value document;
    std::size_t next_index = 0;
    std::deque<job_offer> queued;

    explicit impl(const read_options& o) : options(o), line_parser({}, [&] {
        json::parse_options p;
        p.max_depth = o.limits.max_json_depth;
        return p;
    }()) {}

    void start(std::string_view first_chunk) {
        location = {name, 0, 0, {}};
        first_chunk = convert_encoding(first_chunk);
        refuse_what_is_not_text(first_chunk);
        format = options.format == input_format::automatic ? detect_input_format(name, first_chunk) : options.format;
    }

    // UTF-16 (by its byte order mark, or asked for) and the 8-bit encodings
    // are converted whole, within the size limit; the converted text is then
    // read as if it had been given in memory.
    std::string_view convert_encoding(std::string_view first_chunk) {
        text_encoding e = options.encoding;
        if (e == text_encoding::automatic) e = detail::bom_encoding(first_chunk);
        if (e == text_encoding::automatic || e == text_encoding::utf8) return first_chunk;
        std::string bytes = std::move(pending);
        if (stream) append_bounded(bytes, *stream, options.limits.max_file_bytes, "input");
        stream = nullptr;
        owned_stream.reset();
        pending = detail::to_utf8(bytes, e, name);
        pending_at = 0;
        return pending;
    }

    // A PDF, a zip (a Word document) or a binary file is not refused with
    // "invalid UTF-8 at byte N", but with what it is and what to do.
    void refuse_what_is_not_text(std::string_view head) const {
        if (head.substr(0, 5) == "%PDF-")
            throw error(errc::unknown_format,
                        name + ": this is a PDF document, not text or JSON; extract its text first "
                               "(pdftotext -layout " + name + " posting.txt), then read posting.txt");
        if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4))
            throw error(errc::unknown_format,
                        name + ": this is a zip archive (a Word .docx or another office document?), not text or "
                               "JSON; save the posting as text (.txt) or PDF-extract it, then read that");
        if (const auto nul = head.find('\0'); nul != std::string_view::npos)
            throw error(errc::invalid_utf8, name + ": not UTF-8 text, JSON or a posting: a binary file (NUL byte at offset " +
                                                std::to_string(nul) + ")");
        if (options.encoding == text_encoding::automatic || options.encoding == text_encoding::utf8) {
            // Only the head is checked here (a stream is not read twice); the
            // whole of a document is checked once loaded.
            std::string_view checked = head;
            if (stream && checked.size() > 3) checked = cut_incomplete_tail(checked);
            refuse_invalid_utf8(checked);
        }
    }

    // The first chunk may end in the middle of a character.
    static std::string_view cut_incomplete_tail(std::string_view s) {
        std::size_t n = s.size(), back = 0;
        while (back < 3 && n > back && (static_cast<unsigned char>(s[n - 1 - back]) & 0xC0) == 0x80) ++back;
        if (n > back && static_cast<unsigned char>(s[n - 1 - back]) >= 0xC0) return s.substr(0, n - 1 - back);
        return s;
    }

    void refuse_invalid_utf8(std::string_view bytes) const {
        const std::size_t bad = posting::find_invalid_utf8(bytes);
        if (bad == std::string_view::npos) return;
        std::size_t at_line = 1, col = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            if (bytes[i] == '\n') {
                ++at_line;
                col = 1;
            } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        const auto b = static_cast<unsigned char>(bytes[bad]);
        const char hex[] = {"0123456789ABCDEF"[b >> 4], "0123456789ABCDEF"[b & 15], 0};
        throw error(errc::invalid_utf8,
                    name + ":" + std::to_string(at_line) + ":" + std::to_string(col) + ": not valid UTF-8 (byte 0x" + hex +
                        " at offset " + std::to_string(bad) + "); the file looks like " +
                        detail::likely_legacy_encoding(bytes) +
                        ", as Windows office tools write: convert it to UTF-8, or read it with --encoding cp1252 "
                        "(or --encoding latin1)");
    }

    // Appends what `in` holds, stopping with errc::limit_exceeded as soon as
    // `out` would exceed `limit`: an endless pipe is never held whole.
    void append_bounded(std::string& out, std::istream& in, std::size_t limit, const char* what) const {
        char buf[64 * 1024];
        while (in) {
            in.read(buf, sizeof buf);
            const auto n = static_cast<std::size_t>(in.gcount());
            if (out.size() + n > limit)
                throw error(errc::limit_exceeded, name + ": " + what + " exceeds the limit of " + std::to_string(limit) +
                                                      " bytes; reading stopped there");
            out.append(buf, n);
        }
        if (in.bad()) throw error(errc::io_error, name + ": read error: " + std::strerror(errno));
    }

    // The next line of a JSON Lines input, read in large chunks into
    // `pending`; a line longer than max_line_bytes stops the reading (the rest
    // of an endless line would never come).
    bool next_line(std::string& out) {
        out.clear();
        std::size_t searched = pending_at;
        while (true) {
            const std::size_t nl = pending.find('\n', searched);
            if (nl != std::string::npos) {
                out.assign(pending, pending_at, nl - pending_at);
                pending_at = nl + 1;
                return true;
            }
            if (pending.size() - pending_at > options.limits.max_line_bytes) {
                stream = nullptr;  // nothing more is read from this input
                pending.clear();
                pending_at = 0;
                throw error(errc::limit_exceeded, name + ":" + std::to_string(line_number + 1) +
                                                      ": line exceeds the limit of " +
                                                      std::to_string(options.limits.max_line_bytes) +
                                                      " bytes; reading stopped there");
            }
            if (!stream || !*stream) break;
            // Keep the unread part, then append the next chunk.
            if (pending_at > 0) {
                pending.erase(0, pending_at);
                pending_at = 0;
            }
            searched = pending.size();
            const std::size_t old = pending.size();
            pending.resize(old + chunk_size);
            stream->read(pending.data() + old, static_cast<std::streamsize>(chunk_size));
            pending.resize(old + static_cast<std::size_t>(stream->gcount()));
            if (stream->bad()) throw error(errc::io_error, name + ": read error: " + std::strerror(errno));
        }
        if (pending_at >= pending.size()) return false;
        out.assign(pending, pending_at, std::string::npos);
        pending_at = pending.size();
        return true;
    }
    static constexpr std::size_t chunk_size = 256 * 1024;

    bool next_json_line(job_offer& out, diagnostics& diags) {
        while (true) {
            if (!queued.empty()) {
                out = std::move(queued.front());
                queued.pop_front();
                return true;
            }
            if (!next_line(line)) return false;
            ++line_number;
            std::string_view l = line;
            if (line_number == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            if (skip_bom_and_space(l).empty()) continue;
            location = {name, line_number, 0, {}};
            if (l.size() > options.limits.max_line_bytes)
                throw error(errc::limit_exceeded, location.to_string() + ": line of " + std::to_string(l.size()) +
                                                      " bytes exceeds the limit of " +
                                                      std::to_string(options.limits.max_line_bytes));
            // The common case, a canonical offer, straight into `out`; anything
            // else (errors, warnings, JobPosting) goes through the DOM below.
            if (detail::fast_read_offer(l, out, options.limits.max_json_depth)) return true;
            line_arena.reset();
            line_arena.emplace(arena_buffer.get(), arena_size);
            line_parser.reset(json::storage_ptr(&*line_arena));
            const json::value v = detail::parse_json_with(line_parser, l, name, line_number, options.limits, false);
            if (detail::looks_like_jobposting(v)) {
                for (auto& o : detail::offers_from_jobposting_value(v, location, diags)) queued.push_back(std::move(o));
                continue;
            }
            out = detail::offer_from_value(v, location, diags);
            return true;
        }
    }

    void load_document() {
        text = std::move(pending);
        pending.clear();
        if (text.size() > options.limits.max_file_bytes)
            throw error(errc::limit_exceeded, name + ": input of " + std::to_string(text.size()) +
                                                  " bytes exceeds the limit of " +
                                                  std::to_string(options.limits.max_file_bytes));
        if (stream) append_bounded(text, *stream, options.limits.max_file_bytes, "input");
        if (options.encoding == text_encoding::automatic || options.encoding == text_encoding::utf8) {
            std::string_view body = text;
            if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
            refuse_invalid_utf8(body);
        }
    }

    bool next_document_entry(job_offer& out, diagnostics& diags) {
        if (!queued.empty()) {
            out = std::move(queued.front());
            queued.pop_front();
            return true;
        }
        if (!document_done) {
            document_done = true;
            load_document();
            location = {name, 0, 0, {}};
            if (format == input_format::posting_text) {
                out = parse_posting(text, name, diags);
                return true;
            }
            std::string_view body = text;
            if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
            document = detail::parse_json(body, name, 1, options.limits);
            text.clear();
            text.shrink_to_fit();
            if (format == input_format::jobposting || detail::looks_like_jobposting(document)) {
                format = input_format::jobposting;
                for (auto& o : detail::offers_from_jobposting_value(document, location, diags))
                    queued.push_back(std::move(o));
                document = nullptr;
                return next_document_entry(out, diags);
            }
            if (document.is_object()) {
                const json::value v = std::move(document);
                document = nullptr;
                out = detail::offer_from_value(v, location, diags);
                return true;
            }
            if (!document.is_array())
                throw error(errc::type_error, name + ": expected an offer object or an array of offers, got " +
                                                  detail::json_kind(document));
        }
        if (!document.is_array()) return false;
        auto& entries = document.get_array();
        if (next_index >= entries.size()) {
            document = nullptr;
            return false;
        }
        const std::size_t i = next_index++;
        std::string path = "[";  // appended, not "[" + …: GCC 12 -O3 warns falsely (-Wrestrict)
        path += std::to_string(i);
        path += ']';
        location = {name, 0, 0, std::move(path)};
        out = detail::offer_from_value(entries[i], location, diags);
        entries[i] = nullptr;  // release memory as we go
        return true;
    }
};

offer_reader::offer_reader(const std::filesystem::path& file, const read_options& options)
    : impl_(std::make_unique<impl>(options)) {
    auto& d = *impl_;
    if (file == "-") {
        d.name = "<stdin>";
        d.stream = &std::cin;
    } else {
        d.name = file.string();
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec))
            throw error(errc::io_error, d.name + ": is a directory, expected a file of offers");
        auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
        if (!*in) throw error(errc::io_error, d.name + ": cannot open: " + std::strerror(errno));
        d.owned_stream = std::move(in);
        d.stream = d.owned_stream.get();
    }
    // Read a first chunk to detect the format.
    d.pending.resize(64 * 1024);
    d.stream->read(d.pending.data(), static_cast<std::streamsize>(d.pending.size()));
    d.pending.resize(static_cast<std::size_t>(d.stream->gcount()));
    if (d.stream->bad()) throw error(errc::io_error, d.name + ": read error");
    d.start(d.pending);
}

offer_reader::offer_reader(std::string text, std::string name, const read_options& options)
    : impl_(std::make_unique<impl>(options)) {
    impl_->name = std::move(name);
    impl_->pending = std::move(text);
    impl_->start(impl_->pending);
}

offer_reader::~offer_reader() = default;
offer_reader::offer_reader(offer_reader&&) noexcept = default;
offer_reader& offer_reader::operator=(offer_reader&&) noexcept = default;

bool offer_reader::next(job_offer& out, diagnostics& diags) {
    if (impl_->format == input_format::json_lines) return impl_->next_json_line(out, diags);
    try {
        return impl_->next_document_entry(out, diags);
    } catch (const error& e) {
        // A document that does not parse has no further entries.
        if (e.code() == errc::syntax_error || e.code() == errc::limit_exceeded || e.code() == errc::invalid_utf8 ||
            impl_->format == input_format::posting_text || !impl_->document.is_array())
            impl_->document = nullptr;
        throw;
    }
}

input_format offer_reader::format() const noexcept { return impl_->format; }
const std::string& offer_reader::name() const noexcept { return impl_->name; }
const source_location& offer_reader::location() const noexcept { return impl_->location; }

std::vector<job_offer> offers_from_json(std::string_view text, const std::string& source_name, diagnostics& diags) {
    read_options options;
    options.format = detect_input_format(source_name, text);
    if (options.format == input_format::posting_text) options.format = input_format::canonical_json;
    offer_reader reader(std::string(text), source_name, options);
    std::vector<job_offer> out;
    job_offer o;
    while (reader.next(o, diags)) out.push_back(std::move(o));
    return out;
}

}  // namespace offerkit
