// Reference lists: reading them, matching names, canonical keys (offerkit/referential.hpp).
#include <offerkit/error.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/text.hpp>

#include "json_internal.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace offerkit {

namespace detail {
extern const char builtin_referential_json[];  // generated from data/referential/ (src/CMakeLists.txt)
}

namespace {

namespace json = boost::json;

constexpr std::string_view referential_format = "offerkit-referential/1";
constexpr std::size_t list_count = 5;

bool is_small_word(std::string_view w) noexcept {
    static constexpr std::string_view small[] = {"de", "des", "du", "la", "le",  "les", "l",
                                                 "d",  "et",  "a",  "au", "aux", "en"};
    return std::find(std::begin(small), std::end(small), w) != std::end(small);
}

// The words of `text` (referential_words) split, and each word's byte offset in `text`.
struct word_list {
    std::vector<std::string> words;
    std::vector<std::size_t> offsets;
};

word_list split_words(std::string_view text, bool singular = true) {
    word_list out;
    text::folded f;
    text::fold(text, f);
    std::string word;
    std::size_t start = 0;
    auto flush = [&] {
        if (!word.empty() && !is_small_word(word)) {
            // French plurals compare as their singular: "cadre d'emploi des techniciens" names "technicien".
            if (singular && word.size() > 3 && word.back() == 's') word.pop_back();
            out.words.push_back(word);
            out.offsets.push_back(f.src[start]);
        }
        word.clear();
    };
    for (std::size_t i = 0; i < f.text.size(); ++i) {
        const char c = f.text[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (alnum) {
            if (word.empty()) start = i;
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::string join(const std::vector<std::string>& words, char sep, std::size_t from = 0, std::size_t count = ~0u) {
    std::string s;
    for (std::size_t i = from; i < words.size() && i - from < count; ++i) {
        if (!s.empty()) s += sep;
        s += words[i];
    }
    return s;
}

// An acronym compared as written, accents aside: "OPT-NC" → "OPT-NC".
std::string acronym_form(std::string_view s) {
    std::string out;
    for (char c : text::fold(s)) out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

// The acronym-like tokens of `text` as written (letters, digits and inner '-'), in upper case
// only when written in upper case: "Agence OPT KONE" → {"Agence", "OPT", "KONE"}.
std::vector<std::pair<std::string, std::size_t>> raw_tokens(std::string_view text) {
    std::vector<std::pair<std::string, std::size_t>> out;
    constexpr std::string_view separators = " ()\t,;:/.\"";
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && separators.find(text[i]) != std::string_view::npos) ++i;
        const std::size_t b = i;
        while (i < text.size() && separators.find(text[i]) == std::string_view::npos) ++i;
        if (i > b) {
            std::string_view t = text.substr(b, i - b);
            while (!t.empty() && t.back() == '-') t.remove_suffix(1);
            if (!t.empty()) out.emplace_back(std::string(t), b);
        }
    }
    return out;
}

bool all_upper(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

}  // namespace

struct referential::impl {
    std::array<std::vector<referential_entry>, list_count> lists;
    std::array<bool, list_count> given{};  // the file had this list
    bool replace = false;

    // Per list: whole-text words → entry index; acronym → entry index; the
    // names and variants of each entry as word lists (for containment).
    struct index {
        std::unordered_map<std::string, std::size_t> exact;
        std::unordered_map<std::string, std::size_t> acronyms;
        std::vector<std::pair<std::vector<std::string>, std::size_t>> phrases;  // longest first
    };
    std::array<index, list_count> indexes;

    static std::vector<std::string> words_for(referential_list list, std::string_view text) {
        auto w = split_words(text).words;
        // "Direction de la poste…" and "de la poste…" (the label read apart) name the same direction.
        if (list == referential_list::directions && w.size() > 1 && w.front() == "direction") w.erase(w.begin());
        return w;
    }

    void build() {
        for (std::size_t l = 0; l < list_count; ++l) {
            index& ix = indexes[l];
            ix = {};
            const auto list = static_cast<referential_list>(l);
            for (std::size_t i = 0; i < lists[l].size(); ++i) {
                const auto& e = lists[l][i];
                auto add_phrase = [&](std::string_view s) {
                    auto w = words_for(list, s);
                    if (w.empty()) return;
                    ix.exact.emplace(join(w, ' '), i);
                    ix.phrases.emplace_back(std::move(w), i);
                };
                add_phrase(e.name);
                for (const auto& v : e.variants) add_phrase(v);
                for (const auto& v : e.whole_text) {  // matched only as the whole text
                    auto w = words_for(list, v);
                    if (!w.empty()) ix.exact.emplace(join(w, ' '), i);
                }
                for (const auto& a : e.acronyms) ix.acronyms.emplace(acronym_form(a), i);
            }
            std::stable_sort(ix.phrases.begin(), ix.phrases.end(),
                             [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        }
    }

    // Where `phrase` occurs in `words` (whole words), from `from`; npos if not.
    static std::size_t find_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase,
                                   std::size_t from = 0) {
        if (phrase.empty() || phrase.size() > words.size()) return std::string::npos;
        for (std::size_t i = from; i + phrase.size() <= words.size(); ++i)
            if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return i;
        return std::string::npos;
    }

    bool in_scope(const referential_entry& e, std::string_view parent) const {
        return parent.empty() || e.parent == parent;
    }

    referential_match match_name(referential_list list, std::string_view text, std::string_view parent) const {
        const auto l = static_cast<std::size_t>(list);
        const index& ix = indexes[l];
        const auto& entries = lists[l];
        auto words = split_words(text);
        if (list == referential_list::directions && words.words.size() > 1 && words.words.front() == "direction") {
            words.words.erase(words.words.begin());
            words.offsets.erase(words.offsets.begin());
        }
        if (words.words.empty()) return {};
        if (auto it = ix.exact.find(join(words.words, ' '));
            it != ix.exact.end() && in_scope(entries[it->second], parent))
            return {&entries[it->second], words.offsets.front()};
        // Acronyms: written in capitals as a word of the text.
        for (const auto& [token, at] : raw_tokens(text)) {
            if (!all_upper(token)) continue;
            if (auto it = ix.acronyms.find(acronym_form(token));
                it != ix.acronyms.end() && in_scope(entries[it->second], parent))
                return {&entries[it->second], at};
        }
        for (const auto& [phrase, i] : ix.phrases) {
            if (phrase.size() < 2 || !in_scope(entries[i], parent)) continue;
            const std::size_t at = find_phrase(words.words, phrase);
            if (at != std::string::npos) return {&entries[i], words.offsets[at]};
        }
        return {};
    }
};

referential::referential() : impl_(new impl) {}
referential::~referential() { delete impl_; }
referential::referential(const referential& other) : impl_(new impl(*other.impl_)) {}
referential& referential::operator=(const referential& other) {
    if (this != &other) *impl_ = *other.impl_;
    return *this;
}
referential::referential(referential&& other) noexcept : impl_(other.impl_) { other.impl_ = new impl; }
referential& referential::operator=(referential&& other) noexcept {
    std::swap(impl_, other.impl_);
    return *this;
}

namespace {

[[noreturn]] void fail_at(errc code, const std::string& name, const std::string& path, const std::string& message) {
    throw error(code, name + ": " + path + ": " + message);
}

std::string read_text(const json::object& o, std::string_view key, const std::string& name, const std::string& path,
                      bool required) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) {
        if (required) fail_at(errc::missing_field, name, path + "." + std::string(key), "required field is missing");
        return {};
    }
    if (!v->is_string())
        fail_at(errc::type_error, name, path + "." + std::string(key),
                "expected a string, got " + detail::json_excerpt(*v));
    std::string s(v->get_string());
    if (required && text::squeeze_space(s).empty())
        fail_at(errc::invalid_value, name, path + "." + std::string(key), "must not be empty");
    return s;
}

std::vector<std::string> read_texts(const json::object& o, std::string_view key, const std::string& name,
                                    const std::string& path) {
    std::vector<std::string> out;
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return out;
    const std::string p = path + "." + std::string(key);
    if (!v->is_array())
        fail_at(errc::type_error, name, p, "expected an array of strings, got " + detail::json_excerpt(*v));
    const auto& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_string())
            fail_at(errc::type_error, name, p + "[" + std::to_string(i) + "]",
                    "expected a string, got " + detail::json_excerpt(a[i]));
        out.emplace_back(a[i].get_string());
    }
    return out;
}

const json::array* read_list(const json::object& root, std::string_view key, const std::string& name) {
    const json::value* v = root.if_contains(key);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_array())
        fail_at(errc::type_error, name, std::string(key), "expected an array, got " + detail::json_excerpt(*v));
    return &v->get_array();
}

const json::object& as_object(const json::value& v, const std::string& name, const std::string& path) {
    if (!v.is_object()) fail_at(errc::type_error, name, path, "expected an object, got " + detail::json_excerpt(v));
    return v.get_object();
}

}  // namespace

referential referential::from_json(std::string_view text, const std::string& name) {
    const json::value doc = detail::parse_json(text, name);
    const json::object& root = as_object(doc, name, "(top level)");
    if (const auto* f = root.if_contains("format")) {
        if (!f->is_string() || f->get_string() != referential_format)
            fail_at(errc::invalid_value, name, "format",
                    "expected \"" + std::string(referential_format) + "\", got " + detail::json_excerpt(*f));
    } else {
        fail_at(errc::missing_field, name, "format",
                "required field is missing (\"format\": \"" + std::string(referential_format) + "\")");
    }
    for (const auto& kv : root) {
        static constexpr std::string_view known[] = {"format",   "description", "replace", "provinces",
                                                     "communes", "employers",   "grades"};
        if (std::find(std::begin(known), std::end(known), kv.key()) == std::end(known))
            fail_at(errc::invalid_value, name, std::string(kv.key()),
                    "unknown key (known: replace, provinces, communes, employers, grades)");
    }
    referential r;
    impl& d = *r.impl_;
    if (const auto* v = root.if_contains("replace")) {
        if (!v->is_bool())
            fail_at(errc::type_error, name, "replace", "expected true or false, got " + detail::json_excerpt(*v));
        d.replace = v->get_bool();
    }
    auto entry_of = [&](const json::value& v, const std::string& path, bool with_parent, std::string_view parent_key) {
        const json::object& o = as_object(v, name, path);
        referential_entry e;
        e.key = read_text(o, "key", name, path, true);
        e.name = read_text(o, "name", name, path, true);
        e.acronyms = read_texts(o, "acronyms", name, path);
        e.variants = read_texts(o, "variants", name, path);
        e.whole_text = read_texts(o, "whole_text", name, path);
        if (with_parent) e.parent = read_text(o, parent_key, name, path, false);
        return e;
    };
    auto& provinces = d.lists[static_cast<std::size_t>(referential_list::provinces)];
    auto& communes = d.lists[static_cast<std::size_t>(referential_list::communes)];
    auto& employers = d.lists[static_cast<std::size_t>(referential_list::employers)];
    auto& directions = d.lists[static_cast<std::size_t>(referential_list::directions)];
    auto& grades = d.lists[static_cast<std::size_t>(referential_list::grades)];
    if (const auto* a = read_list(root, "provinces", name)) {
        d.given[static_cast<std::size_t>(referential_list::provinces)] = true;
        for (std::size_t i = 0; i < a->size(); ++i)
            provinces.push_back(entry_of((*a)[i], "provinces[" + std::to_string(i) + "]", false, {}));
    }
    if (const auto* a = read_list(root, "communes", name)) {
        d.given[static_cast<std::size_t>(referential_list::communes)] = true;
        d.given[static_cast<std::size_t>(referential_list::employers)] = true;
        for (std::size_t i = 0; i < a->size(); ++i)
            communes.push_back(entry_of((*a)[i], "communes[" + std::to_string(i) + "]", true, "province"));
    }
    if (const auto* a = read_list(root, "employers", name)) {
        d.given[static_cast<std::size_t>(referential_list::employers)] = true;
        d.given[static_cast<std::size_t>(referential_list::directions)] = true;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string path = "employers[" + std::to_string(i) + "]";
            employers.push_back(entry_of((*a)[i], path, false, {}));
            const json::object& o = (*a)[i].get_object();
            if (const auto* ds = o.if_contains("directions"); ds && !ds->is_null()) {
                if (!ds->is_array())
                    fail_at(errc::type_error, name, path + ".directions",
                            "expected an array, got " + detail::json_excerpt(*ds));
                for (std::size_t j = 0; j < ds->get_array().size(); ++j) {
                    auto e = entry_of(ds->get_array()[j], path + ".directions[" + std::to_string(j) + "]", false, {});
                    e.parent = employers.back().key;
                    e.key = e.parent + "/" + e.key;
                    directions.push_back(std::move(e));
                }
            }
        }
    }
    // Each commune is also an employer: "Commune de X", "Mairie de X", "Ville de X".
    for (const auto& c : communes) {
        referential_entry e;
        e.key = "commune-" + c.key;
        e.name = "Commune de " + c.name;
        e.variants = {"Mairie de " + c.name, "Ville de " + c.name};
        employers.push_back(std::move(e));
    }
    if (const auto* a = read_list(root, "grades", name)) {
        d.given[static_cast<std::size_t>(referential_list::grades)] = true;
        for (std::size_t i = 0; i < a->size(); ++i)
            grades.push_back(entry_of((*a)[i], "grades[" + std::to_string(i) + "]", false, {}));
    }
    d.build();
    return r;
}

referential referential::from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io_error, path + ": cannot open the referential file");
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw error(errc::io_error, path + ": cannot read the referential file");
    return from_json(s.str(), path);
}

const referential& referential::builtin() {
    static const referential r = from_json(detail::builtin_referential_json, "nouvelle-caledonie.json (built in)");
    return r;
}

void referential::merge(const referential& other) {
    for (std::size_t l = 0; l < list_count; ++l) {
        auto& mine = impl_->lists[l];
        if (other.impl_->replace && other.impl_->given[l]) mine.clear();
        for (const auto& e : other.impl_->lists[l]) {
            auto it =
                std::find_if(mine.begin(), mine.end(), [&](const referential_entry& m) { return m.key == e.key; });
            if (it != mine.end())
                *it = e;
            else
                mine.push_back(e);
        }
    }
    impl_->build();
}

bool referential::replaces() const noexcept { return impl_->replace; }

std::span<const referential_entry> referential::entries(referential_list list) const noexcept {
    return impl_->lists[static_cast<std::size_t>(list)];
}

const referential_entry* referential::find_key(referential_list list, std::string_view key) const noexcept {
    for (const auto& e : impl_->lists[static_cast<std::size_t>(list)])
        if (e.key == key) return &e;
    return nullptr;
}

referential_match referential::match_employer(std::string_view text) const {
    return impl_->match_name(referential_list::employers, text, {});
}

referential_match referential::match_direction(std::string_view text, std::string_view employer_key) const {
    auto m = impl_->match_name(referential_list::directions, text, employer_key);
    if (!m.entry && !employer_key.empty() && find_key(referential_list::employers, employer_key) == nullptr)
        m = impl_->match_name(referential_list::directions, text, {});
    return m;
}

std::vector<referential_match> referential::match_grades(std::string_view text) const {
    const auto& ix = impl_->indexes[static_cast<std::size_t>(referential_list::grades)];
    const auto& entries = impl_->lists[static_cast<std::size_t>(referential_list::grades)];
    const auto words = split_words(text);
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // [begin, end) in words
    std::vector<std::pair<std::size_t, referential_match>> found;
    for (const auto& [phrase, i] : ix.phrases) {  // longest first: "cadre spécialiste d'exploitation" before "cadre"
        for (std::size_t at = impl::find_phrase(words.words, phrase); at != std::string::npos;
             at = impl::find_phrase(words.words, phrase, at + 1)) {
            const std::size_t end = at + phrase.size();
            const bool overlaps =
                std::any_of(taken.begin(), taken.end(), [&](const auto& t) { return at < t.second && t.first < end; });
            if (overlaps) continue;
            const referential_entry* entry = &entries[i];  // not the binding: Clang 14 lambdas cannot capture those
            const bool again =
                std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.second.entry == entry; });
            taken.emplace_back(at, end);
            if (!again) found.push_back({at, {&entries[i], words.offsets[at]}});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<referential_match> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
}

referential_match referential::match_commune(std::string_view text) const {
    const auto& ix = impl_->indexes[static_cast<std::size_t>(referential_list::communes)];
    const auto& entries = impl_->lists[static_cast<std::size_t>(referential_list::communes)];
    const auto words = split_words(text);
    std::size_t best_at = std::string::npos;
    const referential_entry* best = nullptr;
    // "Immeuble Île-de-Pins, 12 rue de l'Alma, Nouméa": a commune's name after one of these
    // words names a building or a street, not the place of work.
    static constexpr std::string_view address_words[] = {
        "immeuble", "residence", "rue",     "avenue", "boulevard", "route",       "batiment", "centre",
        "place",    "allee",     "impasse", "chemin", "promenade", "lotissement", "quai",     "esplanade"};
    auto in_address = [&](std::size_t at) {
        return at > 0 && std::find(std::begin(address_words), std::end(address_words), words.words[at - 1]) !=
                             std::end(address_words);
    };
    for (const auto& [phrase, i] : ix.phrases) {  // longest first: ties at a position go to the longer
        for (std::size_t at = impl::find_phrase(words.words, phrase); at != std::string::npos;
             at = impl::find_phrase(words.words, phrase, at + 1)) {
            if (in_address(at)) continue;
            if (best_at == std::string::npos || at < best_at) {
                best_at = at;
                best = &entries[i];
            }
            break;
        }
    }
    if (!best) return {};
    return {best, words.offsets[best_at]};
}

std::string referential_words(std::string_view text) { return join(split_words(text).words, ' '); }

std::string referential_slug(std::string_view text) { return join(split_words(text, false).words, '-'); }

namespace {

// "de la poste et des services de proximité" (a direction whose label was read apart) → "Direction de la poste…".
std::string direction_name_as_written(const std::string& d) {
    const std::string f = text::fold(d);
    for (std::string_view start : {"de ", "des ", "du ", "d'"})
        if (f.rfind(start, 0) == 0) return "Direction " + d;
    return d;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace

void referential::canonicalize(job_offer& offer) const {
    canonical_keys c;
    if (!offer.employer.empty()) {
        if (auto m = match_employer(offer.employer); m.entry) {
            c.employer = m.entry->key;
            c.employer_name = m.entry->name;
        } else if (auto slug = referential_slug(offer.employer); !slug.empty()) {
            c.employer = slug;
            c.employer_name = text::squeeze_space(offer.employer);
        }
    }
    if (offer.direction && !text::squeeze_space(*offer.direction).empty()) {
        const std::string employer_key = c.employer.value_or("");
        if (auto m = match_direction(*offer.direction, employer_key); m.entry) {
            c.direction = m.entry->key;
            c.direction_name = m.entry->name;
        } else {
            std::string slug = referential_slug(*offer.direction);
            if (slug.rfind("direction-", 0) == 0) slug.erase(0, 10);
            if (!slug.empty()) {
                c.direction = employer_key.empty() ? slug : employer_key + "/" + slug;
                c.direction_name = direction_name_as_written(text::squeeze_space(*offer.direction));
            }
        }
    }
    // No direction given: a title that starts with a direction's acronym says it ("DT - Chargé d'affaires…").
    if (!c.direction && c.employer) {
        const std::string_view t = offer.title;
        const std::size_t sp = t.find(' ');
        const std::string_view head = t.substr(0, sp), rest = sp == std::string_view::npos ? "" : t.substr(sp + 1);
        const bool dash = rest.rfind("- ", 0) == 0 || rest.rfind("\u2013", 0) == 0 || rest.rfind("\u2014", 0) == 0;
        if (dash && all_upper(head))
            if (auto m = impl_->match_name(referential_list::directions, head, *c.employer); m.entry) {
                c.direction = m.entry->key;
                c.direction_name = m.entry->name;
            }
    }
    if (offer.grade && !text::squeeze_space(*offer.grade).empty()) {
        const auto grades = match_grades(*offer.grade);
        if (!grades.empty()) {
            std::string key, name;
            for (const auto& g : grades) {
                key += (key.empty() ? "" : "+") + g.entry->key;
                name += (name.empty() ? "" : " ou ") + g.entry->name;
            }
            c.grade = key;
            c.grade_name = name;
        } else if (auto slug = referential_slug(*offer.grade); !slug.empty()) {
            c.grade = slug;
            c.grade_name = capitalised(text::squeeze_space(*offer.grade));
        }
    }
    if (offer.location) {
        if (auto m = match_commune(*offer.location); m.entry) {
            c.commune = m.entry->key;
            c.commune_name = m.entry->name;
            if (!m.entry->parent.empty()) c.province = m.entry->parent;
        }
    }
    if (!offer.reference.empty()) {
        const std::string number = reference_number_key(offer.reference);
        if (!number.empty()) c.reference = c.employer ? *c.employer + ":" + number : number;
    }
    offer.canonical = std::move(c);
}

// ---------------------------------------------------------------- references

std::optional<reference_parts> parse_reference(std::string_view reference) {
    // Groups of digits and of letters, in order, separators aside.
    std::vector<std::pair<std::string, bool>> groups;  // text, is_digits
    for (std::size_t i = 0; i < reference.size();) {
        const char c = reference[i];
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!digit && !letter) {
            if (c != '-' && c != '/' && c != ' ' && c != '_' && c != '.') return std::nullopt;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < reference.size() && (((reference[j] >= '0' && reference[j] <= '9') == digit) &&
                                        (digit || (reference[j] >= 'a' && reference[j] <= 'z') ||
                                         (reference[j] >= 'A' && reference[j] <= 'Z'))))
            ++j;
        groups.emplace_back(std::string(reference.substr(i, j - i)), digit);
        i = j;
    }
    // [prefix] year number [suffix]
    std::size_t n = groups.size();
    reference_parts p;
    if (n > 0 && !groups[n - 1].second) {
        p.suffix = groups[n - 1].first;
        for (auto& ch : p.suffix)
            if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        --n;
    }
    if (n < 2 || n > 3) return std::nullopt;
    p.year_digits = static_cast<int>(groups[n - 2].first.size());
    for (std::size_t i = n == 3 ? 1 : 0; i < n; ++i)  // a prefix may be letters ("ALP-26-0702/RH")
        if (!groups[i].second) return std::nullopt;
    const std::string& year = groups[n - 2].first;
    const std::string& number = groups[n - 1].first;
    if (number.empty() || number.size() > 6) return std::nullopt;
    if (year.size() == 2)
        p.year = std::stoi(year);
    else if (year.size() == 4 && year[0] == '2' && year[1] == '0')
        p.year = std::stoi(year.substr(2));
    else
        return std::nullopt;
    p.number = number;
    if (n == 3) p.prefix = groups[0].first;
    return p;
}

namespace {
std::string padded_number(const std::string& number, std::size_t width = 4) {
    std::string n = number;
    while (n.size() < width) n.insert(n.begin(), '0');
    return n;
}
std::string two_digits(int year) {
    std::string y = std::to_string(year);
    return y.size() < 2 ? "0" + y : y;
}
}  // namespace

std::string usual_reference_spelling(const reference_parts& parts, std::size_t width) {
    std::string s = parts.prefix;
    if (!s.empty()) s += '-';
    s += (parts.year_digits == 4 ? "20" : "") + two_digits(parts.year) + "-" + padded_number(parts.number, width);
    if (!parts.suffix.empty()) s += "/" + parts.suffix;
    return s;
}

std::string reference_number_key(std::string_view reference) {
    if (auto p = parse_reference(reference)) return two_digits(p->year) + "-" + padded_number(p->number);
    std::string out;
    for (char c : reference) {
        if (c >= 'a' && c <= 'z')
            out += static_cast<char>(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

}  // namespace offerkit
