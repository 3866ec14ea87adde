// The JSON importers: "json" (canonical job-offer/1, one object or an array,
// and JobPosting documents, told apart by their shape), "jobposting"
// (schema.org JobPosting only) and "jsonl" (one offer per line, streamed).
#include "import/core_importers.hpp"
#include "import/text_input.hpp"
#include "json_fast_reader.hpp"
#include "json_internal.hpp"

#include <deque>
#include <optional>

namespace offerkit::detail {

namespace json = boost::json;

namespace {

// A whole JSON document: one offer, an array of offers, or JobPosting data.
class json_document_session final : public import_session {
public:
    json_document_session(input_source source, const read_options& options, bool jobposting)
        : input_(std::move(source), options), jobposting_(jobposting) {}

    bool next(job_offer& out, diagnostics& diags) override {
        try {
            return next_entry(out, diags);
        } catch (const error& e) {
            // A document that does not parse has no further entries.
            if (e.code() == errc::syntax_error || e.code() == errc::limit_exceeded || e.code() == errc::invalid_utf8 ||
                !document_.is_array())
                document_ = nullptr;
            throw;
        }
    }
    const source_location& location() const noexcept override { return location_; }
    std::string_view format() const noexcept override { return jobposting_ ? "jobposting" : "json"; }
    // JobPosting's importer reports its own checks with JSON-LD paths.
    bool validates() const noexcept override { return jobposting_; }

private:
    bool next_entry(job_offer& out, diagnostics& diags) {
        if (!queued_.empty()) {
            out = std::move(queued_.front());
            queued_.pop_front();
            return true;
        }
        if (!loaded_) {
            loaded_ = true;
            location_ = {input_.name(), 0, 0, {}};
            const std::string text = input_.read_document();
            std::string_view body = text;
            if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
            document_ = parse_json(body, input_.name(), 1, input_.options().limits);
            if (jobposting_ || looks_like_jobposting(document_)) {
                jobposting_ = true;
                for (auto& o : offers_from_jobposting_value(document_, location_, diags))
                    queued_.push_back(std::move(o));
                document_ = nullptr;
                return next_entry(out, diags);
            }
            if (document_.is_object()) {
                const json::value v = std::move(document_);
                document_ = nullptr;
                out = offer_from_value(v, location_, diags);
                return true;
            }
            if (!document_.is_array())
                throw error(errc::type_error, input_.name() + ": expected an offer object or an array of offers, got " +
                                                  json_kind(document_));
        }
        if (!document_.is_array()) return false;
        auto& entries = document_.get_array();
        if (next_index_ >= entries.size()) {
            document_ = nullptr;
            return false;
        }
        const std::size_t i = next_index_++;
        std::string path = "[";  // appended, not "[" + …: GCC 12 -O3 warns falsely (-Wrestrict)
        path += std::to_string(i);
        path += ']';
        location_ = {input_.name(), 0, 0, std::move(path)};
        out = offer_from_value(entries[i], location_, diags);
        entries[i] = nullptr;  // release memory as we go
        return true;
    }

    text_input input_;
    bool jobposting_;
    source_location location_;
    bool loaded_ = false;
    json::value document_;
    std::size_t next_index_ = 0;
    std::deque<job_offer> queued_;
};

// JSON Lines: one entry per line, canonical or JobPosting, read as it comes.
class json_lines_session final : public import_session {
public:
    json_lines_session(input_source source, const read_options& options)
        : input_(std::move(source), options), location_{input_.name(), 0, 0, {}}, parser_({}, [&] {
              json::parse_options p;
              p.max_depth = options.limits.max_json_depth;
              return p;
          }()) {}

    bool next(job_offer& out, diagnostics& diags) override {
        const read_limits& limits = input_.options().limits;
        while (true) {
            if (!queued_.empty()) {
                out = std::move(queued_.front());
                queued_.pop_front();
                from_jobposting_ = true;
                return true;
            }
            from_jobposting_ = false;
            if (!input_.next_line(line_, line_number_ + 1)) return false;
            ++line_number_;
            std::string_view l = line_;
            if (line_number_ == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            if (skip_bom_and_space(l).empty()) continue;
            location_ = {input_.name(), line_number_, 0, {}};
            if (l.size() > limits.max_line_bytes)
                throw error(errc::limit_exceeded, location_.to_string() + ": line of " + std::to_string(l.size()) +
                                                      " bytes exceeds the limit of " +
                                                      std::to_string(limits.max_line_bytes));
            // The common case, a canonical offer, straight into `out`; anything
            // else (errors, warnings, JobPosting) goes through the DOM below.
            if (fast_read_offer(l, out, limits.max_json_depth)) return true;
            arena_.reset();
            arena_.emplace(arena_buffer_.get(), arena_size);
            parser_.reset(json::storage_ptr(&*arena_));
            const json::value v = parse_json_with(parser_, l, input_.name(), line_number_, limits, false);
            if (looks_like_jobposting(v)) {
                for (auto& o : offers_from_jobposting_value(v, location_, diags)) queued_.push_back(std::move(o));
                continue;
            }
            out = offer_from_value(v, location_, diags);
            return true;
        }
    }
    const source_location& location() const noexcept override { return location_; }
    std::string_view format() const noexcept override { return "jsonl"; }
    // A JobPosting line was checked by the JobPosting importer, with its paths.
    bool validates() const noexcept override { return from_jobposting_; }

private:
    static constexpr std::size_t arena_size = 64 * 1024;

    text_input input_;
    source_location location_;
    std::size_t line_number_ = 0;
    std::string line_;
    json::stream_parser parser_;
    // An arena for the DOM of each line over a reused buffer: far fewer
    // allocations than the default heap storage. (A new resource per line:
    // monotonic_resource::release() then reuse throws bad_alloc in Boost 1.81.)
    std::unique_ptr<unsigned char[]> arena_buffer_ = std::make_unique<unsigned char[]>(arena_size);
    std::optional<json::monotonic_resource> arena_;
    std::deque<job_offer> queued_;
    bool from_jobposting_ = false;  // the offer last returned came from a JobPosting line
};

// Several JSON values one after another: JSON Lines, whatever the name says.
bool several_values(std::string_view head) {
    const std::string_view body = skip_bom_and_space(head);
    if (body.empty() || body[0] != '{') return false;
    const std::size_t end = end_of_first_value(body);
    return end != std::string_view::npos && !skip_bom_and_space(body.substr(end)).empty();
}

bool json_shaped(std::string_view head) {
    const std::string_view body = skip_bom_and_space(head);
    return !body.empty() && (body[0] == '{' || body[0] == '[');
}

class json_importer final : public importer {
public:
    const importer_info& info() const noexcept override {
        static const importer_info i{"json",
                                     "canonical JSON job-offer/1 (an object or an array of offers), or schema.org "
                                     "JobPosting JSON-LD, told apart by their shape",
                                     {".json", ".jsonld"},
                                     "application/json",
                                     {}};
        return i;
    }
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        if (several_values(head)) return input_match::none;  // jsonl's
        for (const auto& e : info().extensions)
            if (has_extension(file_name, e)) return input_match::extension;
        return json_shaped(head) ? input_match::content : input_match::none;
    }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        check_options(info(), options.options);
        return std::make_unique<json_document_session>(std::move(input), options, false);
    }
};

class jobposting_importer final : public importer {
public:
    const importer_info& info() const noexcept override {
        static const importer_info i{"jobposting",
                                     "schema.org JobPosting JSON / JSON-LD (an object, an array or an @graph); "
                                     "the json and jsonl readers also read it when the data has its shape",
                                     {},
                                     "application/ld+json",
                                     {}};
        return i;
    }
    // Found by name only: the json and jsonl importers recognise JobPosting
    // data once parsed, which a look at the first bytes cannot do as well.
    input_match sniff(std::string_view, std::string_view) const noexcept override { return input_match::none; }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        check_options(info(), options.options);
        return std::make_unique<json_document_session>(std::move(input), options, true);
    }
};

class jsonl_importer final : public importer {
public:
    const importer_info& info() const noexcept override {
        static const importer_info i{"jsonl",
                                     "JSON Lines: one canonical offer (or JobPosting) per line, read as it comes",
                                     {".jsonl", ".ndjson"},
                                     "application/jsonl",
                                     {}};
        return i;
    }
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        for (const auto& e : info().extensions)
            if (has_extension(file_name, e)) return input_match::extension;
        return several_values(head) ? input_match::content : input_match::none;
    }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        check_options(info(), options.options);
        return std::make_unique<json_lines_session>(std::move(input), options);
    }
};

}  // namespace

std::shared_ptr<const importer> make_json_importer() { return std::make_shared<json_importer>(); }
std::shared_ptr<const importer> make_jsonl_importer() { return std::make_shared<jsonl_importer>(); }
std::shared_ptr<const importer> make_jobposting_importer() { return std::make_shared<jobposting_importer>(); }

std::vector<std::shared_ptr<const importer>> make_core_importers() {
    return {make_posting_importer(), make_json_importer(), make_jsonl_importer(), make_jobposting_importer(),
            make_csv_importer()};
}

}  // namespace offerkit::detail
