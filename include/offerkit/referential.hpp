// offerkit/referential.hpp — reference lists: the canonical names of
// employers, their directions, grades, communes and provinces, with the
// variants and acronyms postings write them with.
//
// An offer keeps the posting's words ("Office des Postes et des
// Télécommunications", "cadre d'exploitation"); `canonicalize` matches them
// against the lists and fills `job_offer::canonical` with stable keys
// ("opt-nc", "cadre-d-exploitation") and canonical names. Summaries group by
// the keys, brands are picked by them, feeds use the names. The lists shipped
// with offerkit (New Caledonia's public sector, data/referential/) are built
// in; a user's file extends or replaces them (`offerkit convert
// --referential FILE`). The file format and the matching rules:
// docs/referential.md.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/job_offer.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// The lists of a referential.
enum class referential_list : std::uint8_t { employers, directions, grades, communes, provinces };

/// One canonical name.
struct referential_entry {
    std::string key;                    ///< stable identifier: "opt-nc", "opt-nc/dpsp", "noumea"
    std::string name;                   ///< canonical spelling: "Office des postes et télécommunications"
    std::vector<std::string> acronyms;  ///< matched as whole words, case kept: "OPT-NC", "OPT"
    std::vector<std::string> variants;  ///< other spellings
    /// Spellings that name it only as the whole text ("Nouvelle-Calédonie" as
    /// an employer), never inside a longer name.
    std::vector<std::string> whole_text;
    std::string parent;  ///< a direction's employer, a commune's province; else empty
};

/// How a name was matched.
struct referential_match {
    const referential_entry* entry = nullptr;
    std::size_t position = 0;  ///< byte offset in the text of the words matched
};

/// A set of reference lists. Copyable; matching is const and thread-safe.
class OFFERKIT_API referential {
public:
    /// Empty lists (nothing matches; canonicalize then only derives keys).
    referential();
    ~referential();
    referential(const referential&);
    referential& operator=(const referential&);
    referential(referential&&) noexcept;
    referential& operator=(referential&&) noexcept;

    /// The lists shipped with offerkit (data/referential/nouvelle-caledonie.json, built in).
    static const referential& builtin();

    /// Reads a referential file (JSON, `"format": "offerkit-referential/1"`).
    /// `name` is used in messages. Throws errc::syntax_error (invalid JSON,
    /// with line and column), errc::type_error / errc::invalid_value /
    /// errc::missing_field (naming the JSON path: `employers[3].key`).
    static referential from_json(std::string_view text, const std::string& name);
    /// Reads the file at `path` as above; errc::io_error when it cannot be read.
    static referential from_file(const std::string& path);

    /// Adds the entries of `other`; an entry whose key is already there
    /// replaces it (in its place). When `other` says `"replace": true`, its
    /// lists replace these (each list it gives).
    void merge(const referential& other);
    /// True when the file this came from asked to replace the lists it gives.
    bool replaces() const noexcept;

    /// The entries of a list, in the file's order.
    std::span<const referential_entry> entries(referential_list list) const noexcept;
    /// The entry of `list` with key `key`, or nullptr.
    const referential_entry* find_key(referential_list list, std::string_view key) const noexcept;

    /// The employer, direction (among `employer_key`'s when given) that
    /// `text` names: the whole text equal to a name, variant or acronym (as
    /// compared, docs/referential.md), else an acronym among its words, else
    /// the longest name or variant of two words or more that it contains.
    referential_match match_employer(std::string_view text) const;
    referential_match match_direction(std::string_view text, std::string_view employer_key = {}) const;
    /// The grades `text` names, in the order written ("Cadre d'exploitation
    /// ou Contrôleur": two).
    std::vector<referential_match> match_grades(std::string_view text) const;
    /// The first commune `text` names ("9 rue Galliéni - Nouméa": Nouméa).
    referential_match match_commune(std::string_view text) const;

    /// Fills `offer.canonical` from the offer's own fields (replacing what was
    /// there): matched entries give their key and name; an employer, direction
    /// or grade that matches nothing gets a key made of its words (so that
    /// spellings differing only in case, accents or small words still group)
    /// and its own words as name; the reference key is the employer's key and
    /// the reference's number (reference_number_key).
    void canonicalize(job_offer& offer) const;

private:
    struct impl;
    impl* impl_;
};

/// The parts of a reference such as "3134-26-0686/SR": its groups of digits
/// and its trailing letters.
struct reference_parts {
    std::string prefix;   ///< what comes before the year ("3134", "ALP"); may be empty
    int year = 0;         ///< two digits ("26")
    int year_digits = 2;  ///< as written: 2 ("26") or 4 ("2026")
    std::string number;   ///< the sequence number as written ("0686", "679")
    std::string suffix;   ///< trailing letters ("SR"); may be empty
};

/// The parts of `reference` when it has the shape `[PREFIX-]YY-NUMBER[ /SUFFIX]`
/// (separators '-', '/', ' ', '_'; a four-digit year 20YY is also read);
/// nothing otherwise.
OFFERKIT_API std::optional<reference_parts> parse_reference(std::string_view reference);
/// The usual spelling of `parts`: "3134-26-0686/SR" ('-' between the groups,
/// '/' before the suffix, the year as written), the number padded with zeros
/// to `width` digits (0: as written).
OFFERKIT_API std::string usual_reference_spelling(const reference_parts& parts, std::size_t width = 0);
/// The reference's number, spelling aside: "26-0686" for "3134-26-0686/SR",
/// "3134-26-0686 SR", "3134-26-686/SR" and "26-0686"; for another shape, its
/// letters and digits in upper case ("DRH2025-12" → "DRH202512").
OFFERKIT_API std::string reference_number_key(std::string_view reference);

/// `text`'s words for matching: case and accents folded, punctuation made
/// spaces, the small words (de, des, du, la, le, les, l', d', et, à, au, aux,
/// en) left out, plurals made singular (a final s dropped): "Office des
/// Postes et des Télécommunications" → "office poste telecommunication".
OFFERKIT_API std::string referential_words(std::string_view text);
/// A key made of `text`'s words (as referential_words, plurals kept), joined
/// by '-': "agence-lagons-pacifique" for "Agence des lagons du Pacifique".
OFFERKIT_API std::string referential_slug(std::string_view text);

}  // namespace offerkit
