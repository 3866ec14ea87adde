// offer_reader: an input, the importer that reads it, and the names of encodings.
#include "import/text_input.hpp"

#include <offerkit/json.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/text.hpp>

namespace offerkit {

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
    const std::string n = text::ascii_lower(name);
    if (n == "utf8") return text_encoding::utf8;
    if (n == "windows-1252") return text_encoding::cp1252;
    if (n == "iso-8859-1" || n == "latin-1") return text_encoding::latin1;
    for (auto e : {text_encoding::automatic, text_encoding::utf8, text_encoding::utf16le, text_encoding::utf16be,
                   text_encoding::cp1252, text_encoding::latin1})
        if (to_string(e) == n) return e;
    throw error(errc::unknown_format, "unknown encoding \"" + std::string(name) +
                                          "\" (known: auto, utf-8, utf-16le, utf-16be, cp1252, latin1)");
}

std::string_view to_string(input_match m) noexcept {
    switch (m) {
        case input_match::none: return "none";
        case input_match::fallback: return "fallback";
        case input_match::content: return "content";
        case input_match::extension: return "extension";
        case input_match::signature: return "signature";
    }
    return "?";
}

bool has_extension(std::string_view file_name, std::string_view extension) noexcept {
    return text::iends_with_ascii(file_name, extension);
}

namespace {

// The registry of the core's importers only, for readers made without one.
const registry& core_formats() {
    static const registry formats;
    return formats;
}

bool automatic(const read_options& o) { return o.format.empty() || o.format == "auto"; }

}  // namespace

std::string_view detect_input_format(std::string_view file_name, std::string_view content) {
    return core_formats().detect(file_name, content).info().name;
}

struct offer_reader::impl {
    std::string name;
    std::unique_ptr<import_session> session;
};

namespace {

std::unique_ptr<import_session> open_with(input_source source, const read_options& options, const registry& formats) {
    const importer* chosen = nullptr;
    if (automatic(options)) {
        std::string decoded;
        chosen = &formats.detect(source.name(), detail::sniffing_head(source, options, decoded));
    } else {
        try {
            chosen = &formats.get_importer(options.format);
        } catch (const error& e) {  // the message names the input
            throw error(e.code(), source.name() + ": " + e.what());
        }
    }
    return chosen->open(std::move(source), options);
}

}  // namespace

offer_reader::offer_reader(const std::filesystem::path& file, const read_options& options)
    : offer_reader(file, options, core_formats()) {}

offer_reader::offer_reader(std::string text, std::string name, const read_options& options)
    : offer_reader(std::move(text), std::move(name), options, core_formats()) {}

offer_reader::offer_reader(const std::filesystem::path& file, const read_options& options, const registry& formats)
    : impl_(std::make_unique<impl>()) {
    input_source source(file);
    impl_->name = source.name();
    impl_->session = open_with(std::move(source), options, formats);
}

offer_reader::offer_reader(std::string text, std::string name, const read_options& options, const registry& formats)
    : impl_(std::make_unique<impl>()) {
    impl_->name = name;
    impl_->session = open_with(input_source(std::move(text), std::move(name)), options, formats);
}

offer_reader::~offer_reader() = default;
offer_reader::offer_reader(offer_reader&&) noexcept = default;
offer_reader& offer_reader::operator=(offer_reader&&) noexcept = default;

bool offer_reader::next(job_offer& out, diagnostics& diags) { return impl_->session->next(out, diags); }
std::string_view offer_reader::format() const noexcept { return impl_->session->format(); }
bool offer_reader::validates() const noexcept { return impl_->session->validates(); }
const std::string& offer_reader::name() const noexcept { return impl_->name; }
const source_location& offer_reader::location() const noexcept { return impl_->session->location(); }

std::vector<job_offer> offers_from_json(std::string_view text, const std::string& source_name, diagnostics& diags) {
    read_options options;
    options.format = detect_input_format(source_name, text);
    if (options.format == "text") options.format = "json";
    offer_reader reader(std::string(text), source_name, options);
    std::vector<job_offer> out;
    job_offer o;
    while (reader.next(o, diags)) out.push_back(std::move(o));
    return out;
}

}  // namespace offerkit
