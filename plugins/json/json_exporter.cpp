#include "json_exporter.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/output_file.hpp>

namespace offerkit::json_plugin {

namespace {

// One object for one offer, an array for several: the first offer is held
// back until we know whether a second one follows.
class json_session final : public export_session {
public:
    json_session(const export_target& target, bool pretty) : out_(target, "json"), pretty_(pretty) {}

    void write(const job_offer& offer) override {
        buffer_.clear();
        if (count_ == 1) {
            buffer_ = pretty_ ? "[\n" : "[";
            buffer_ += held_;
            held_.clear();
        }
        if (count_ >= 1) buffer_ += pretty_ ? ",\n" : ",";
        std::string& target = count_ == 0 ? held_ : buffer_;
        append_json(target, offer, {pretty_});
        if (count_ >= 1) out_.write(buffer_);
        ++count_;
    }
    std::vector<std::filesystem::path> finish() override {
        if (count_ == 0)
            out_.write("[]\n");
        else if (count_ == 1)
            out_.write(held_ + "\n");
        else
            out_.write(pretty_ ? "\n]\n" : "]\n");
        return out_.commit();
    }

private:
    export_output out_;
    bool pretty_;
    std::size_t count_ = 0;
    std::string held_, buffer_;
};

class jsonl_session final : public export_session {
public:
    explicit jsonl_session(const export_target& target) : out_(target, "jsonl") {}
    void write(const job_offer& offer) override {
        buffer_.clear();
        append_json(buffer_, offer, {false});
        buffer_ += '\n';
        out_.write(buffer_);
    }
    std::vector<std::filesystem::path> finish() override { return out_.commit(); }

private:
    export_output out_;
    std::string buffer_;
};

}  // namespace

const exporter_info& json_exporter::info() const noexcept {
    static const exporter_info i{"json",
                                 "canonical JSON (job-offer/1): an object, or an array for several offers",
                                 ".json",
                                 "application/json",
                                 {{"pretty", "indent the output (true) or write it on one line (false)", "true"}}};
    return i;
}

std::unique_ptr<export_session> json_exporter::begin(const export_target& target, const option_map& options,
                                                     diagnostics&) const {
    check_options(info(), options);
    return std::make_unique<json_session>(target, option_bool(options, "pretty", true));
}

const exporter_info& jsonl_exporter::info() const noexcept {
    static const exporter_info i{
        "jsonl", "canonical JSON Lines (job-offer/1): one offer per line", ".jsonl", "application/jsonl", {}};
    return i;
}

std::unique_ptr<export_session> jsonl_exporter::begin(const export_target& target, const option_map& options,
                                                      diagnostics&) const {
    check_options(info(), options);
    return std::make_unique<jsonl_session>(target);
}

}  // namespace offerkit::json_plugin
