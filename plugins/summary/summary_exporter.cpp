// The summary plugin: the recruitment figures (offerkit/recruitment.hpp) as
// one JSON document, keys documented in docs/summary.md.
#include "summary_exporter.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/output_file.hpp>

#include <charconv>

namespace offerkit::summary_plugin {

namespace {

// A small indenting writer: keys in the order written, two spaces a level.
class writer {
public:
    std::string text;

    void open(char c) {
        text += c;
        ++depth_;
        first_ = true;
    }
    void close(char c) {
        --depth_;
        newline();
        text += c;
        first_ = false;
    }
    void key(std::string_view k) {
        if (!first_) text += ',';
        first_ = false;
        newline();
        append_json_quoted(text, k);
        text += ": ";
    }
    void element() {
        if (!first_) text += ',';
        first_ = false;
        newline();
    }
    void number(std::uint64_t n) { text += std::to_string(n); }
    void number(const std::optional<double>& d) {
        if (!d) {
            text += "null";
            return;
        }
        char buffer[64];
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, *d);
        text.append(buffer, r.ptr);
    }
    void string(const std::optional<std::string>& s) {
        if (s)
            append_json_quoted(text, *s);
        else
            text += "null";
    }

private:
    void newline() {
        text += '\n';
        text.append(2 * depth_, ' ');
    }
    std::size_t depth_ = 0;
    bool first_ = true;
};

void put(writer& w, const distribution& d) {
    w.open('{');
    w.key("count");
    w.number(d.count);
    w.key("median");
    w.number(d.median);
    w.key("p90");
    w.number(d.p90);
    w.close('}');
}

void put(writer& w, const recruitment_figures& f) {
    w.open('{');
    const std::pair<const char*, std::uint64_t> counts[] = {
        {"published", f.published},
        {"posts_published", f.posts_published},
        {"open_at_end", f.open_at_end},
        {"closed", f.closed},
        {"filled", f.filled},
        {"posts_filled", f.posts_filled},
        {"unsuccessful", f.unsuccessful},
        {"cancelled", f.cancelled},
        {"re_published", f.re_published},
        {"published_posts_filled", f.published_posts_filled},
    };
    for (const auto& [k, v] : counts) {
        w.key(k);
        w.number(v);
    }
    w.key("fill_rate");
    w.number(f.fill_rate);
    w.key("days_to_fill");
    put(w, f.days_to_fill);
    w.key("applications");
    put(w, f.applications);
    w.close('}');
}

void put(writer& w, const std::vector<recruitment_group>& groups) {
    w.open('[');
    for (const auto& g : groups) {
        w.element();
        w.open('{');
        w.key("key");
        w.string(g.key);
        w.key("name");
        w.string(g.name);
        w.key("figures");
        put(w, g.figures);
        w.close('}');
    }
    w.close(']');
}

std::string month_text(int year, int month) {
    std::string s = std::to_string(year) + "-";
    if (month < 10) s += '0';
    return s + std::to_string(month);
}

class summary_session final : public export_session {
public:
    summary_session(const export_target& target, report_period period) : out_(target, "summary"), counter_(period) {}

    void write(const job_offer& offer) override { counter_.add(offer); }

    std::vector<std::filesystem::path> finish() override {
        out_.write(summary_json(counter_.result()));
        return out_.commit();
    }

private:
    export_output out_;
    recruitment_counter counter_;
};

}  // namespace

std::string summary_json(const recruitment_report& r) {
    writer w;
    w.open('{');
    w.key("format");
    w.string(std::string("offerkit-summary/1"));
    w.key("period");
    w.open('{');
    w.key("kind");
    w.string(std::string(r.period.yearly ? "year" : "month"));
    w.key("start");
    w.string(r.period.start.to_iso());
    w.key("end");
    w.string(r.period.end.to_iso());
    w.key("as_of");
    w.string(r.period.as_of.to_iso());
    w.close('}');
    w.key("offers");
    w.number(r.offers);
    w.key("tracked");
    w.number(r.tracked);
    w.key("tracking");
    w.text += r.has_tracking() ? "true" : "false";
    w.key("figures");
    put(w, r.figures);
    w.key("months");
    w.open('[');
    for (const auto& m : r.months) {
        w.element();
        w.open('{');
        w.key("month");
        w.string(month_text(m.year, m.month));
        w.key("figures");
        put(w, m.figures);
        w.close('}');
    }
    w.close(']');
    w.key("by_direction");
    put(w, r.by_direction);
    w.key("by_grade");
    put(w, r.by_grade);
    w.key("by_commune");
    put(w, r.by_commune);
    w.close('}');
    w.text += '\n';
    return std::move(w.text);
}

const exporter_info& summary_exporter::info() const noexcept {
    static const exporter_info i{
        "summary",
        "recruitment figures as JSON: published, open, closed, filled, unsuccessful, cancelled, re-published, fill "
        "rate, time to fill, applications; by month, direction, grade and commune (docs/summary.md)",
        ".json",
        "application/json",
        {{"month", "the month reported, YYYY-MM (default: the month before as-of)", "", true},
         {"year", "a yearly report, month by month: YYYY", "", true},
         {"as-of", "the day the figures are counted on, YYYY-MM-DD (default: today in Nouméa, UTC+11)", "", true}},
        true};
    return i;
}

std::unique_ptr<export_session> summary_exporter::begin(const export_target& target, const option_map& options,
                                                        diagnostics&) const {
    check_options(info(), options);
    return std::make_unique<summary_session>(target, report_period_from_options(options, "summary"));
}

}  // namespace offerkit::summary_plugin
