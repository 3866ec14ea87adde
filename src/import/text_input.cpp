#include "import/text_input.hpp"
#include <offerkit/text.hpp>

#include "encoding.hpp"

namespace offerkit::detail {

text_input::text_input(input_source source, const read_options& options)
    : source_(std::move(source)), options_(options) {
    source_.read(pending_, input_source::head_size);
    exhausted_ = pending_.size() < input_source::head_size;
    convert_encoding();
    refuse_what_is_not_text(pending_);
}

// UTF-16 (by its byte order mark, or asked for) and the 8-bit encodings are
// converted whole, within the size limit.
void text_input::convert_encoding() {
    text_encoding e = options_.encoding;
    if (e == text_encoding::automatic) e = bom_encoding(pending_);
    if (e == text_encoding::automatic || e == text_encoding::utf8) return;
    std::string bytes = std::move(pending_);
    if (!exhausted_) source_.read_all(bytes, options_.limits.max_file_bytes);
    exhausted_ = true;
    pending_ = to_utf8(bytes, e, name());
}

namespace {

// The first chunk may end in the middle of a character.
std::string_view cut_incomplete_tail(std::string_view s) {
    std::size_t n = s.size(), back = 0;
    while (back < 3 && n > back && (static_cast<unsigned char>(s[n - 1 - back]) & 0xC0) == 0x80) ++back;
    if (n > back && static_cast<unsigned char>(s[n - 1 - back]) >= 0xC0) return s.substr(0, n - 1 - back);
    return s;
}

bool utf8_expected(const read_options& o) {
    return o.encoding == text_encoding::automatic || o.encoding == text_encoding::utf8;
}

}  // namespace

// A PDF, a zip (a Word document) or a binary file is not refused with
// "invalid UTF-8 at byte N", but with what it is and what to do.
void text_input::refuse_what_is_not_text(std::string_view head) const {
    const std::string& n = name();
    if (head.substr(0, 5) == "%PDF-")
        throw error(errc::unknown_format, n +
                                              ": this is a PDF document, not text or JSON; extract its text first "
                                              "(pdftotext -layout " +
                                              n + " posting.txt), then read posting.txt");
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        throw error(errc::unknown_format,
                    n + ": this is a zip archive (a Word .docx or another office document?), not text or "
                        "JSON; save the posting as text (.txt) or PDF-extract it, then read that");
    if (const auto nul = head.find('\0'); nul != std::string_view::npos)
        throw error(errc::invalid_utf8, n + ": not UTF-8 text, JSON or a posting: a binary file (NUL byte at offset " +
                                            std::to_string(nul) + ")");
    if (utf8_expected(options_)) {
        // Only the head is checked here (an input is not read twice); the
        // whole of a document is checked once loaded.
        std::string_view checked = head;
        if (!exhausted_ && checked.size() > 3) checked = cut_incomplete_tail(checked);
        refuse_invalid_utf8(checked);
    }
}

void text_input::refuse_invalid_utf8(std::string_view bytes) const {
    const std::size_t bad = text::find_invalid_utf8(bytes);
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
                name() + ":" + std::to_string(at_line) + ":" + std::to_string(col) + ": not valid UTF-8 (byte 0x" +
                    hex + " at offset " + std::to_string(bad) + "); the file looks like " +
                    likely_legacy_encoding(bytes) +
                    ", as Windows office tools write: convert it to UTF-8, or read it with --encoding cp1252 "
                    "(or --encoding latin1)");
}

std::string text_input::read_document() {
    std::string text = std::move(pending_);
    if (pending_at_) text.erase(0, pending_at_);
    pending_.clear();
    pending_at_ = 0;
    const std::size_t limit = options_.limits.max_file_bytes;
    if (text.size() > limit)
        throw error(errc::limit_exceeded, name() + ": input of " + std::to_string(text.size()) +
                                              " bytes exceeds the limit of " + std::to_string(limit));
    if (!exhausted_) source_.read_all(text, limit);
    exhausted_ = true;
    if (utf8_expected(options_)) {
        std::string_view body = text;
        if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
        refuse_invalid_utf8(body);
    }
    return text;
}

bool text_input::next_line(std::string& out, std::size_t line_number) {
    constexpr std::size_t chunk_size = 256 * 1024;
    out.clear();
    std::size_t searched = pending_at_;
    while (true) {
        const std::size_t nl = pending_.find('\n', searched);
        if (nl != std::string::npos) {
            out.assign(pending_, pending_at_, nl - pending_at_);
            pending_at_ = nl + 1;
            return true;
        }
        if (pending_.size() - pending_at_ > options_.limits.max_line_bytes) {
            exhausted_ = true;  // the rest of an endless line would never come
            pending_.clear();
            pending_at_ = 0;
            throw error(errc::limit_exceeded,
                        name() + ":" + std::to_string(line_number) + ": line exceeds the limit of " +
                            std::to_string(options_.limits.max_line_bytes) + " bytes; reading stopped there");
        }
        if (exhausted_) break;
        if (pending_at_ > 0) {  // keep the unread part, then append the next chunk
            pending_.erase(0, pending_at_);
            pending_at_ = 0;
        }
        searched = pending_.size();
        if (source_.read(pending_, chunk_size) == 0) exhausted_ = true;
    }
    if (pending_at_ >= pending_.size()) return false;
    out.assign(pending_, pending_at_, std::string::npos);
    pending_at_ = pending_.size();
    return true;
}

std::string_view sniffing_head(const input_source& source, const read_options& options, std::string& decoded) {
    const std::string_view head = source.head();
    text_encoding e = options.encoding;
    if (e == text_encoding::automatic) e = bom_encoding(head);
    if (e == text_encoding::automatic || e == text_encoding::utf8) return head;
    std::string_view whole = head;
    const bool utf16 = e == text_encoding::utf16le || e == text_encoding::utf16be;
    if (utf16 && whole.size() % 2) whole.remove_suffix(1);
    try {
        return decoded = to_utf8(whole, e, source.name());
    } catch (const error&) {  // a surrogate pair cut at the end of the head
        if (utf16 && whole.size() >= 2) {
            try {
                return decoded = to_utf8(whole.substr(0, whole.size() - 2), e, source.name());
            } catch (const error&) {
            }
        }
    }
    return head;
}

std::size_t end_of_first_value(std::string_view s) noexcept {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"')
            in_string = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

std::string_view skip_bom_and_space(std::string_view s) noexcept {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) s.remove_prefix(1);
    return s;
}

}  // namespace offerkit::detail
