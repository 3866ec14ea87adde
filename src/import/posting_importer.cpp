// The "text" importer: a posting as text or Markdown (posting_parser.hpp).
#include "import/core_importers.hpp"
#include "import/text_input.hpp"

#include <offerkit/posting_parser.hpp>

namespace offerkit::detail {

namespace {

class posting_session final : public import_session {
public:
    posting_session(input_source source, const read_options& options)
        : input_(std::move(source), options), location_{input_.name(), 0, 0, {}}, facts_(options.facts) {}

    bool next(job_offer& out, diagnostics& diags) override {
        if (done_) return false;
        done_ = true;  // one posting per input, whether it reads or not
        out = parse_posting(input_.read_document(), input_.name(), diags, facts_);
        return true;
    }
    const source_location& location() const noexcept override { return location_; }
    std::string_view format() const noexcept override { return "text"; }
    bool validates() const noexcept override { return true; }  // the parser reports with line numbers

private:
    text_input input_;
    source_location location_;
    fact_policy facts_;
    bool done_ = false;
};

class posting_importer final : public importer {
public:
    const importer_info& info() const noexcept override {
        static const importer_info i{"text",
                                     "a posting as text or Markdown (extracted from its PDF or Word document)",
                                     {".txt", ".md", ".markdown"},
                                     "text/plain",
                                     {}};
        return i;
    }
    input_match sniff(std::string_view file_name, std::string_view) const noexcept override {
        for (const auto& e : info().extensions)
            if (has_extension(file_name, e)) return input_match::extension;
        return input_match::fallback;
    }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        check_options(info(), options.options);
        return std::make_unique<posting_session>(std::move(input), options);
    }
};

}  // namespace

std::shared_ptr<const importer> make_posting_importer() { return std::make_shared<posting_importer>(); }

}  // namespace offerkit::detail
