// Internal: the posting parser (parse_posting), shared between its files:
// value_text.cpp (what a value looks like), parser.cpp (lines, labels, values),
// parser_content.cpp (the lines of each section), parser_finish.cpp (the offer
// completed: title, front matter, derived fields, the rules of the catalogue).
//
//
// The text is cut into cleaned lines (lines.hpp); on each line the labels of
// the synonym table (labels.hpp) are found over folded text, several per line
// when the PDF converter glued them. A small state machine then places every
// line: a labelled value, the continuation of a wrapped value, or the content
// of the current section (description, missions, activities, conditions,
// profile, contacts, how to apply). The YAML front matter only fills gaps.
#pragma once

#include <offerkit/error.hpp>
#include <offerkit/posting_parser.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text_safety.hpp>

#include "posting/contacts.hpp"
#include "posting/document_lines.hpp"
#include "posting/french_date.hpp"
#include "posting/front_matter.hpp"
#include "posting/labels.hpp"
#include "posting/lines.hpp"
#include "posting/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace offerkit::posting {

constexpr std::size_t field_count = static_cast<std::size_t>(field::unknown) + 1;

// value_text.cpp
bool ends_terminal(std::string_view s) noexcept;
std::string_view utf8_prefix(std::string_view s, std::size_t n) noexcept;
std::string_view tail(std::string_view s, std::size_t n = 24) noexcept;
std::size_t folded_prefix_len(std::string_view s, std::size_t n);
bool ends_connector(std::string_view s);
bool ends_connector_word(std::string_view s);
bool is_intro_sentence(std::string_view t);
bool plain_label_value(field f, std::string_view value);
bool is_count(std::string_view v) noexcept;
bool is_empty_value(std::string_view v) noexcept;
bool address_tail(std::string_view t, bool loose);
std::string clean_value(std::string_view v);
std::string clean_title(std::string_view t);

struct scalar_slot {
    std::string value;
    std::size_t line = 0;
    bool set = false;
};

enum class zone { title, header, body };

class parser {
public:
    parser(const std::string& source, diagnostics& diags, fact_policy facts = fact_policy::repair)
        : source_(source), diags_(diags), facts_(facts) {}

    job_offer run(std::string_view text);
    job_offer run(const posting_document& document);

private:
    // --- input
    const std::string& source_;
    diagnostics& diags_;
    fact_policy facts_;
    std::vector<text_line> lines_;
    folded fold_buf_;  // the current line, folded (reused: no allocation per line)

    /// The folded text of line idx. With `prefix_only`, only the start of a long
    /// line is folded (enough for labels at the line start).
    const folded& fold_line(std::size_t idx, bool prefix_only) {
        const std::size_t limit = 72;  // longer than any label, its "(1)" and colon
        const std::string& t = lines_[idx].text;
        fold(prefix_only ? utf8_prefix(t, limit) : std::string_view(t), fold_buf_);
        return fold_buf_;
    }
    std::vector<label_hit> cands_, hits_;  // reused from line to line
    std::string apply_probe_;
    // --- state
    zone zone_ = zone::title;
    field section_ = field::unknown;  // current section (field::unknown: none)
    std::string extra_label_;         // current extra section's label
    std::vector<std::string> extra_values_;
    std::size_t extra_line_ = 0;
    std::array<scalar_slot, field_count> slots_{};
    std::optional<field> open_;  // the labelled value that the next line may continue
    std::size_t open_line_ = 0;
    std::optional<field> hanging_;  // an earlier value that ended on a connector or a dash
    bool last_on_line_ = true;
    bool open_awaiting_ = false;
    field last_label_ = field::unknown;
    std::vector<std::string> title_parts_;
    std::vector<bool> title_heading_;
    std::string banner_employer_;  // an employer's name in the letterhead, used when no "Employeur" label
    std::size_t title_line_ = 0;
    activity_kind kind_ = activity_kind::main;
    bool activity_open_ = false;  // items go to offer_.activities.back()
    bool profile_open_ = false;   // items go to offer_.profile.back()
    bool cond_collect_ = false;
    bool label_tail_pending_ = false;  // a labelled condition line gathers the bullets under it
    bool location_tail_taken_ = false;
    field last_text_field_ = field::unknown;  // the last free-text value set by a label, and its line
    std::size_t last_text_line_ = 0;          // an address tail moved by the converter was given back to the location
    std::string contact_text_;
    std::vector<std::string> urls_;
    std::vector<std::string> document_urls_;
    std::string reference_date_words_;  // "8 mai 2026" of "3134-26-0686/SR du 8 mai 2026"
    std::size_t fm_line_ =
        1;  // the front matter's first line  // links to the posting's own document (a converter's "PDF original")
    void keep_links(const text_line& l);
    job_offer offer_;

    // --- helpers
    void process(std::size_t idx);
    void accept_hits(std::size_t idx, const std::vector<label_hit>& cands, std::vector<label_hit>& out) const;
    void on_label(std::size_t idx, const label_hit& h, std::string_view value, bool whole_run);
    void on_text(std::size_t idx, std::string_view text, bool whole_line, bool from_label);
    bool try_continue_scalar(const text_line& l, std::string_view text, bool whole_line);
    bool try_location_tail(std::size_t idx, std::string_view text);
    void set_scalar(field f, std::string_view value, std::size_t line);
    bool open_closed() const;
    void enter_section(field f, std::size_t line);
    void flush_extra();
    void content(std::size_t idx, const text_line& l, std::string_view text, bool from_label);
    void paragraph(std::vector<std::string>& list, const text_line& l, std::string_view text);
    void activity_line(std::size_t idx, const text_line& l, std::string_view text, bool from_label);
    void profile_line(std::size_t idx, const text_line& l, std::string_view text);
    void condition_line(const text_line& l, std::string_view text);
    void apply_line(const text_line& l, std::string_view text);
    bool next_is_bullet(std::size_t idx) const;
    /// "**Date limite de**" / "**candidature :** 4 décembre 2026": a label the converter
    /// split over two lines is put back on the first line, so that its second half
    /// ("Candidature") is not read as a label of its own.
    void merge_split_labels();
    /// The letterhead's address or phone line repeated on every page ("… 98841 NOUMÉA CEDEX –
    /// Tél. …"): dropped before reading, so that it never lands in a list or a value.
    void drop_repeated_footers();
    std::vector<std::string> letterhead_;  // folded lines before the first label: repeated later, page furniture
    bool starts_apply(std::string_view folded_text) const;
    bool preceded_by_article(std::size_t idx, const label_hit& h) const;
    bool try_unknown_label(std::size_t idx, std::string_view text);
    bool looks_like_unknown_label(const text_line& l, std::string_view text) const;
    void finish(const front_matter& fm);
    void warn(std::size_t line, std::string msg) { diags_.warn({source_, line, 0, {}}, std::move(msg)); }
};

}  // namespace offerkit::posting
