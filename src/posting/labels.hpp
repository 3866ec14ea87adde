// posting/labels.hpp — the label synonym table and the label finder.
//
// Labels are matched on folded text (lower case, no accents, one kind of
// apostrophe, no spaces around '/'), so "Corps ou Cadre d’emploi /Domaine",
// "CORPS OU CADRE D'EMPLOI / DOMAINE" and "corps ou cadre d'emploi/domaine"
// are one label. Several labels may be glued on one line.
#pragma once

#include "posting/lines.hpp"
#include "posting/text.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::posting {

enum class field : std::uint8_t {
    reference,
    employer,
    grade,
    direction,
    unit,
    job_family,
    location,
    residency,
    posted_on,
    deadline,
    availability,
    openings,
    org_position,
    supervisor,
    staff_total,
    staff_direct,
    staff_indirect,
    url,
    // sections
    details,
    context,
    missions,
    activities,
    main_activities,
    secondary_activities,
    conditions,
    profile,
    profile_part,
    contact,
    contact_continued,
    apply,
    unknown,  ///< "Label : value" not in the table (goes to `extra`)
};

enum label_flag : std::uint8_t {
    lf_none = 0,
    lf_line_start = 1,       ///< only at the start of a line (a label continued from the line above)
    lf_needs_colon = 2,      ///< only when a colon follows (short, common words)
    lf_run_value = 4,        ///< "**Direction des télécommunications**": the whole bold run is the value
    lf_loose = 8,            ///< a container: accepted at the start of a line even with text glued after it
    lf_needs_footnote = 16,  ///< only when "(1)" follows
    lf_heading_only = 32     ///< only as a heading ("# Conditions de travail :")
};

bool is_section(field f) noexcept;
/// Scalar fields whose value is free text (continued on the next line when wrapped).
bool is_text_field(field f) noexcept;

struct label_entry {
    std::string folded;
    std::uint32_t prefix = 0;  ///< the first four folded bytes (when there are four), for a quick test
    field f;
    std::uint8_t flags;
};

/// One label found on a line. Offsets are in the line's cleaned text.
struct label_hit {
    const label_entry* entry = nullptr;
    std::size_t begin = 0;        ///< where the label starts
    std::size_t label_end = 0;    ///< where the label's words end
    std::size_t value_begin = 0;  ///< after the label, "(1)" and the colon
    bool colon = false;           ///< a colon followed the label
    bool footnote = false;        ///< "(1)" followed the label
};

/// All table labels occurring at word starts of `line` (folded as `f`),
/// longest first at each place, not overlapping. Acceptance rules are the caller's.
void find_label_candidates(const text_line& line, const folded& f, std::vector<label_hit>& out,
                           bool line_start_only = false);

/// Whether a line whose first word is `text`'s first word (not folded) can
/// start with a label of the table. Cheap: lets the parser skip folding
/// most list items.
bool may_start_with_label(std::string_view text);

/// The table entry for a folded section/profile title, exactly (whole text), or nullptr.
const label_entry* lookup_exact(std::string_view folded_text);

}  // namespace offerkit::posting
