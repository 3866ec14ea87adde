// The SAX fast path for one canonical offer (see json_fast_reader.hpp).
//
// A boost::json::basic_parser drives a handler that writes each value straight
// into the caller's job_offer: strings are assigned into the strings already
// there and vector elements are reused, so that reading offer after offer into
// the same object allocates almost nothing. The handler follows the fixed shape
// of job-offer/1 with a small stack of frames; any event that does not fit
// that shape makes it give up, and the caller falls back to the DOM reader.
#include "json_fast_reader.hpp"

#include <offerkit/fields.hpp>
#include <offerkit/text.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

namespace offerkit::detail {

namespace {

namespace json = boost::json;

// ---------------------------------------------------------------- keys

// Keys of each kind of object, from the model's description (offerkit/fields.hpp),
// in the order the writer puts them: the index is the key's id, and the key
// after the previous one is tried first. The offer's keys start with "format".
template <class T, std::size_t Offset = 0>
constexpr auto keys_of(std::string_view first = {}) {
    std::array<std::string_view, Offset + field_count_v<T>> keys{};
    if constexpr (Offset > 0) keys[0] = first;
    std::size_t i = Offset;
    for_each_field_of<T>([&](const auto& d) { keys[i++] = d.key; });
    return keys;
}

// The members of type M of T by key id (null where the key has another type).
template <class T, class M, std::size_t Offset = 0>
constexpr auto members_of() {
    std::array<M T::*, Offset + field_count_v<T>> members{};
    std::size_t i = Offset;
    for_each_field_of<T>([&](const auto& d) {
        if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(d)>::member_type, M>) members[i] = d.member;
        ++i;
    });
    return members;
}

template <std::size_t N>
constexpr int id_of(const std::array<std::string_view, N>& keys, std::string_view key) {
    for (std::size_t i = 0; i < N; ++i)
        if (keys[i] == key) return static_cast<int>(i);
    throw "no such key";  // at compile time: the description has no field of that name
}

constexpr auto top_keys = keys_of<job_offer, 1>("format");
constexpr int top_key_count = static_cast<int>(top_keys.size());
static_assert(top_key_count <= 64, "seen keys are a 64-bit mask");
constexpr int k_format = 0;
// The keys the handler treats apart; the others are read by their type.
constexpr int k_managed_staff = id_of(top_keys, "managed_staff"), k_activities = id_of(top_keys, "activities"),
              k_profile = id_of(top_keys, "profile"), k_contacts = id_of(top_keys, "contacts"),
              k_extra = id_of(top_keys, "extra"), k_links = id_of(top_keys, "links"),
              k_repairs = id_of(top_keys, "repairs"), k_canonical = id_of(top_keys, "canonical"),
              k_status = id_of(top_keys, "status"), k_events = id_of(top_keys, "events");
constexpr auto top_required_strings = members_of<job_offer, std::string, 1>();  // reference, title, employer
constexpr auto top_texts = members_of<job_offer, std::optional<std::string>, 1>();
constexpr auto top_dates = members_of<job_offer, std::optional<date>, 1>();
constexpr auto top_lists = members_of<job_offer, std::vector<std::string>, 1>();
constexpr auto top_ints = members_of<job_offer, std::optional<int>, 1>();  // openings, applications, posts_filled

constexpr auto activity_keys = keys_of<activity_section>();
constexpr int activity_key_count = static_cast<int>(activity_keys.size());
constexpr int a_kind = id_of(activity_keys, "kind"), a_title = id_of(activity_keys, "title"),
              a_items = id_of(activity_keys, "items");

constexpr auto profile_keys = keys_of<profile_section>();
constexpr int profile_key_count = static_cast<int>(profile_keys.size());
constexpr int p_title = id_of(profile_keys, "title"), p_items = id_of(profile_keys, "items");

// Records: the model's objects of texts, dates and kinds (managed_staff, a
// contact, a link, a repair, an event, the canonical keys), read by one kind of frame.
struct record_type {
    const std::string_view* keys;
    int key_count;
    std::optional<std::string>* (*text)(void* object, int key);  // nullptr: no such key
    void* (*element)(void* list, std::size_t i);                 // a list of them: element i, reused
    void (*truncate)(void* list, std::size_t n);
    std::uint32_t scalars;   // keys whose value is a date or a kind, read from a string
    std::uint32_t required;  // keys that must be present
    // Sets scalar key `key` from `s` (nullptr: null); false when the value is refused.
    bool (*scalar)(void* object, int key, const std::string* s);
};

// A member read from a string other than a text: a date (null allowed) or a kind.
template <class M>
inline constexpr bool is_scalar_member_v = std::is_same_v<M, std::optional<date>> || is_model_enum_v<M>;

template <class T>
constexpr std::uint32_t key_mask(bool (*pick)(bool scalar, bool required)) {
    std::uint32_t mask = 0;
    int i = 0;
    for_each_field_of<T>([&](const auto& d) {
        using M = typename std::remove_cvref_t<decltype(d)>::member_type;
        if (pick(is_scalar_member_v<M>, d.required)) mask |= std::uint32_t{1} << i;
        ++i;
    });
    return mask;
}

template <class T>
bool set_scalar(void* object, int key, const std::string* s) {
    bool ok = false;
    int i = 0;
    for_each_field(*static_cast<T*>(object), [&](const auto&, auto& member) {
        if (i++ != key) return;
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (std::is_same_v<M, std::optional<date>>) {
            if (!s) {
                member.reset();
                ok = true;
            } else if (const auto d = date::parse_iso(*s)) {
                member = *d;
                ok = true;
            }
        } else if constexpr (is_model_enum_v<M>) {
            if (s)
                if (const auto e = enum_from_string<M>(*s)) {
                    member = *e;
                    ok = true;
                }
        }
    });
    return ok;
}

template <class T>
inline constexpr auto record_keys = keys_of<T>();
template <class T>
inline constexpr auto record_texts = members_of<T, std::optional<std::string>>();

template <class T>
constexpr record_type record_of() {
    static_assert(field_count_v<T> <= 32, "seen keys of a record are a 32-bit mask");
    return {record_keys<T>.data(),
            static_cast<int>(record_keys<T>.size()),
            [](void* object, int k) -> std::optional<std::string>* {
                const auto i = static_cast<std::size_t>(k);
                const auto& members = record_texts<T>;
                return i < members.size() && members[i] ? &(static_cast<T*>(object)->*members[i]) : nullptr;
            },
            [](void* list, std::size_t i) -> void* {
                auto& v = *static_cast<std::vector<T>*>(list);
                return i < v.size() ? &v[i] : &v.emplace_back();
            },
            [](void* list, std::size_t n) {
                auto& v = *static_cast<std::vector<T>*>(list);
                if (n < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
            },
            key_mask<T>([](bool scalar, bool) { return scalar; }),
            key_mask<T>([](bool, bool required) { return required; }),
            &set_scalar<T>};
}

constexpr record_type staff_record = record_of<managed_staff_counts>();
constexpr record_type contact_record = record_of<contact>();
constexpr record_type link_record = record_of<hyperlink>();
constexpr record_type repair_record = record_of<repair>();
constexpr record_type canonical_record = record_of<canonical_keys>();
constexpr record_type event_record = record_of<offer_event>();

int find_key(const std::string_view* table, int n, std::string_view key, int hint) noexcept {
    if (hint >= 0 && hint < n && table[hint] == key) return hint;
    for (int i = 0; i < n; ++i)
        if (table[i] == key) return i;
    return -1;
}
template <std::size_t N>
int find_key(const std::array<std::string_view, N>& table, std::string_view key, int hint) noexcept {
    return find_key(table.data(), static_cast<int>(N), key, hint);
}

constexpr std::uint64_t all_keys(int count) noexcept {
    return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

// ---------------------------------------------------------------- handler

// What the container being read is.
enum class frame_kind : unsigned char {
    none,        // outside the document (the bottom of the stack)
    top,         // the offer object
    record,      // an object of texts (target: the object; type: record_type)
    records,     // an array of them (target: the std::vector)
    extra,       // extra: free keys, string values
    strings,     // an array of strings (target: std::vector<std::string>)
    activities,  // the activities array
    activity,    // one section (target: activity_section)
    profiles,    // the profile array
    profile      // one section (target: profile_section)
};

struct frame {
    frame_kind kind = frame_kind::none;
    int slot = -1;           // objects: id of the key whose value comes next
    std::uint64_t seen = 0;  // objects: ids of the keys met
    std::size_t count = 0;   // arrays: elements read; extra: entries read
    void* target = nullptr;
    const record_type* type = nullptr;  // record, records
};

// The element `i` of `v`, reusing the one already there (and its capacity).
template <class T>
T& element(std::vector<T>& v, std::size_t i) {
    if (i < v.size()) return v[i];
    return v.emplace_back();
}

template <class T>
void truncate(std::vector<T>& v, std::size_t n) {
    if (n < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
}

std::string* emplace(std::optional<std::string>& o) {
    if (!o) o.emplace();
    return &*o;
}

class offer_handler {
public:
    static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
    static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
    static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
    static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();

    explicit offer_handler(job_offer& out) noexcept : out_(out) {}

    /// True once the offer object has ended with every required key.
    bool complete() const noexcept { return complete_; }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }

    bool on_object_begin(json::error_code& ec) {
        frame& f = stack_[depth_];
        switch (f.kind) {
            case frame_kind::none:
                if (complete_) return fail(ec);
                return push(frame_kind::top, nullptr, ec);
            case frame_kind::top:
                if (f.slot == k_managed_staff) return push(frame_kind::record, &out_.managed_staff, ec, &staff_record);
                if (f.slot == k_canonical) return push(frame_kind::record, &out_.canonical, ec, &canonical_record);
                if (f.slot == k_extra) return push(frame_kind::extra, nullptr, ec);
                return fail(ec);
            case frame_kind::activities: return push(frame_kind::activity, &element(out_.activities, f.count++), ec);
            case frame_kind::profiles: return push(frame_kind::profile, &element(out_.profile, f.count++), ec);
            case frame_kind::records: return push(frame_kind::record, f.type->element(f.target, f.count++), ec, f.type);
            default: return fail(ec);
        }
    }

    bool on_object_end(std::size_t, json::error_code& ec) {
        frame& f = stack_[depth_];
        switch (f.kind) {
            case frame_kind::top: {
                // Absent keys: as null (format excepted: absent is fine, null is not).
                std::uint64_t missing = ~f.seen & all_keys(top_key_count) & ~(std::uint64_t{1} << k_format);
                while (missing) {
                    const int k = std::countr_zero(missing);
                    missing &= missing - 1;
                    if (!null_top(k)) return fail(ec);
                }
                complete_ = true;
                break;
            }
            case frame_kind::extra: truncate(out_.extra.entries, f.count); break;
            case frame_kind::record:
            case frame_kind::activity:
            case frame_kind::profile: {
                int n = f.kind == frame_kind::record ? f.type->key_count : activity_key_count;
                if (f.kind == frame_kind::profile) n = profile_key_count;
                std::uint64_t missing = ~f.seen & all_keys(n);
                if (f.kind == frame_kind::record && (missing & f.type->required))
                    return fail(ec);  // the DOM reader says which
                while (missing) {
                    f.slot = std::countr_zero(missing);
                    missing &= missing - 1;
                    if (!null_value(f)) return fail(ec);
                }
                break;
            }
            default: return fail(ec);
        }
        --depth_;
        return true;
    }

    bool on_array_begin(json::error_code& ec) {
        frame& f = stack_[depth_];
        if (f.kind == frame_kind::top) {
            if (auto* list = top_strings(f.slot)) return push(frame_kind::strings, list, ec);
            switch (f.slot) {
                case k_activities: return push(frame_kind::activities, nullptr, ec);
                case k_profile: return push(frame_kind::profiles, nullptr, ec);
                case k_contacts: return push(frame_kind::records, &out_.contacts, ec, &contact_record);
                case k_links: return push(frame_kind::records, &out_.links, ec, &link_record);
                case k_repairs: return push(frame_kind::records, &out_.repairs, ec, &repair_record);
                case k_events: return push(frame_kind::records, &out_.events, ec, &event_record);
                default: return fail(ec);
            }
        }
        if (f.kind == frame_kind::activity && f.slot == a_items)
            return push(frame_kind::strings, &static_cast<activity_section*>(f.target)->items, ec);
        if (f.kind == frame_kind::profile && f.slot == p_items)
            return push(frame_kind::strings, &static_cast<profile_section*>(f.target)->items, ec);
        return fail(ec);
    }

    bool on_array_end(std::size_t, json::error_code& ec) {
        frame& f = stack_[depth_];
        switch (f.kind) {
            case frame_kind::strings: truncate(*static_cast<std::vector<std::string>*>(f.target), f.count); break;
            case frame_kind::activities: truncate(out_.activities, f.count); break;
            case frame_kind::profiles: truncate(out_.profile, f.count); break;
            case frame_kind::records: f.type->truncate(f.target, f.count); break;
            default: return fail(ec);
        }
        --depth_;
        return true;
    }

    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        if (!in_key_) {
            key_.assign(s.data(), s.size());
            in_key_ = true;
        } else {
            key_.append(s.data(), s.size());
        }
        return true;
    }

    bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
        std::string_view key(s.data(), s.size());
        if (in_key_) {
            key_.append(s.data(), s.size());
            key = key_;
            in_key_ = false;
        }
        frame& f = stack_[depth_];
        int id = -1;
        switch (f.kind) {
            case frame_kind::top: id = find_key(top_keys, key, f.slot + 1); break;
            case frame_kind::record: id = find_key(f.type->keys, f.type->key_count, key, f.slot + 1); break;
            case frame_kind::activity: id = find_key(activity_keys, key, f.slot + 1); break;
            case frame_kind::profile: id = find_key(profile_keys, key, f.slot + 1); break;
            case frame_kind::extra: {
                auto& entries = out_.extra.entries;
                for (std::size_t i = 0; i < f.count; ++i)
                    if (entries[i].first == key) return fail(ec);  // duplicate
                element(entries, f.count++).first.assign(key);
                return true;
            }
            default: return fail(ec);
        }
        if (id < 0) return fail(ec);  // unknown key: the DOM reader keeps it in extra, with a warning
        const std::uint64_t bit = std::uint64_t{1} << id;
        if (f.seen & bit) return fail(ec);  // duplicate
        f.seen |= bit;
        f.slot = id;
        return true;
    }

    bool on_string_part(json::string_view s, std::size_t, json::error_code& ec) {
        if (!string_) {
            string_ = begin_string();
            if (!string_) return fail(ec);
            string_->assign(s.data(), s.size());
        } else {
            string_->append(s.data(), s.size());
        }
        return true;
    }

    bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
        std::string* t = string_;
        if (!t) {
            t = begin_string();
            if (!t) return fail(ec);
            t->assign(s.data(), s.size());
        } else {
            t->append(s.data(), s.size());
            string_ = nullptr;
        }
        return end_string(*t) || fail(ec);
    }

    bool on_number_part(json::string_view, json::error_code&) { return true; }

    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
        auto* n = top_int_here();
        if (!n || i < 0 || i > std::numeric_limits<int>::max()) return fail(ec);
        *n = static_cast<int>(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec) {
        auto* n = top_int_here();
        if (!n || u > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return fail(ec);
        *n = static_cast<int>(u);
        return true;
    }
    bool on_double(double, json::string_view, json::error_code& ec) { return fail(ec); }
    bool on_bool(bool, json::error_code& ec) { return fail(ec); }
    bool on_null(json::error_code& ec) { return null_value(stack_[depth_]) || fail(ec); }
    bool on_comment_part(json::string_view, json::error_code& ec) { return fail(ec); }
    bool on_comment(json::string_view, json::error_code& ec) { return fail(ec); }

private:
    static bool fail(json::error_code& ec) {
        ec = json::make_error_code(json::error::syntax);
        return false;
    }

    bool push(frame_kind kind, void* target, json::error_code& ec, const record_type* type = nullptr) {
        if (depth_ + 1 >= max_frames) return fail(ec);
        stack_[++depth_] = frame{kind, -1, 0, 0, target, type};
        return true;
    }

    // The whole-number member whose value comes next (openings, applications, posts_filled), or nullptr.
    std::optional<int>* top_int_here() noexcept {
        const frame& f = stack_[depth_];
        return f.kind == frame_kind::top ? top_member(top_ints, f.slot) : nullptr;
    }

    // The member of key `k` of the offer if it has type M (members_of), else nullptr.
    template <class M, std::size_t N>
    M* top_member(const std::array<M job_offer::*, N>& members, int k) noexcept {
        const auto i = static_cast<std::size_t>(k);
        return i < N && members[i] ? &(out_.*members[i]) : nullptr;
    }
    std::optional<std::string>* top_string(int k) noexcept { return top_member(top_texts, k); }
    std::optional<date>* top_date(int k) noexcept { return top_member(top_dates, k); }
    std::vector<std::string>* top_strings(int k) noexcept { return top_member(top_lists, k); }

    // Where the string value about to be read goes (nullptr: not a string here).
    std::string* begin_string() {
        frame& f = stack_[depth_];
        switch (f.kind) {
            case frame_kind::top: {
                if (auto* required = top_member(top_required_strings, f.slot)) return required;
                if (f.slot == k_format || f.slot == k_status || top_date(f.slot)) return &scratch_;
                auto* o = top_string(f.slot);
                return o ? emplace(*o) : nullptr;
            }
            case frame_kind::record: {
                if (f.slot >= 0 && (f.type->scalars >> f.slot & 1u)) return &scratch_;
                auto* o = f.type->text(f.target, f.slot);
                return o ? emplace(*o) : nullptr;
            }
            case frame_kind::extra: return f.count ? &out_.extra.entries[f.count - 1].second : nullptr;
            case frame_kind::strings: return &element(*static_cast<std::vector<std::string>*>(f.target), f.count++);
            case frame_kind::activity: {
                auto& s = *static_cast<activity_section*>(f.target);
                if (f.slot == a_kind) return &scratch_;
                if (f.slot == a_title) return emplace(s.title);
                return nullptr;
            }
            case frame_kind::profile: {
                auto& s = *static_cast<profile_section*>(f.target);
                return f.slot == p_title ? emplace(s.title) : nullptr;
            }
            default: return nullptr;
        }
    }

    // Checks and converts a string just read (format, dates, kind).
    bool end_string(const std::string& s) {
        const frame& f = stack_[depth_];
        if (f.kind == frame_kind::top) {
            if (f.slot == k_format) return s == job_offer_format;
            if (f.slot == k_status) {
                out_.status = enum_from_string<offer_status>(s);
                return out_.status.has_value();
            }
            if (auto* d = top_date(f.slot)) {
                const auto parsed = date::parse_iso(s);
                if (!parsed) return false;
                *d = *parsed;
            }
            return true;
        }
        if (f.kind == frame_kind::record && f.slot >= 0 && (f.type->scalars >> f.slot & 1u))
            return f.type->scalar(f.target, f.slot, &s);
        if (f.kind == frame_kind::activity && f.slot == a_kind) {
            auto& section = *static_cast<activity_section*>(f.target);
            const auto kind = activity_kind_from_string(s);
            if (!kind) return false;
            section.kind = *kind;
        }
        return true;
    }

    // A top-level key whose value is null, or absent: false where the DOM
    // reader would refuse null (format and the required strings).
    bool null_top(int k) {
        if (auto* o = top_string(k)) {
            o->reset();
            return true;
        }
        if (auto* d = top_date(k)) {
            d->reset();
            return true;
        }
        if (auto* v = top_strings(k)) {
            v->clear();
            return true;
        }
        if (auto* n = top_member(top_ints, k)) {
            n->reset();
            return true;
        }
        switch (k) {
            case k_status: out_.status.reset(); return true;
            case k_events: out_.events.clear(); return true;
            case k_managed_staff: out_.managed_staff = {}; return true;
            case k_activities: out_.activities.clear(); return true;
            case k_profile: out_.profile.clear(); return true;
            case k_contacts: out_.contacts.clear(); return true;
            case k_links: out_.links.clear(); return true;
            case k_repairs: out_.repairs.clear(); return true;
            case k_canonical: out_.canonical = {}; return true;
            case k_extra: out_.extra.entries.clear(); return true;
            default: return false;  // format, reference, title, employer, and a type the fast path does not read
        }
    }

    // The value for the key f.slot of object f is null (or absent).
    bool null_value(frame& f) {
        switch (f.kind) {
            case frame_kind::top: return null_top(f.slot);
            case frame_kind::record: {
                if (f.slot >= 0 && (f.type->scalars >> f.slot & 1u)) return f.type->scalar(f.target, f.slot, nullptr);
                auto* o = f.type->text(f.target, f.slot);
                if (o) o->reset();
                return o != nullptr;
            }
            case frame_kind::activity: {
                auto& s = *static_cast<activity_section*>(f.target);
                if (f.slot == a_title)
                    s.title.reset();
                else if (f.slot == a_items)
                    s.items.clear();
                else
                    return false;  // kind is required, and a string
                return true;
            }
            case frame_kind::profile: {
                auto& s = *static_cast<profile_section*>(f.target);
                if (f.slot == p_title)
                    s.title.reset();
                else if (f.slot == p_items)
                    s.items.clear();
                else
                    return false;
                return true;
            }
            default: return false;  // array elements and extra values are never null
        }
    }

    // none + offer + activities + section + items, and one spare.
    static constexpr std::size_t max_frames = 6;

    job_offer& out_;
    frame stack_[max_frames];
    std::size_t depth_ = 0;
    std::string* string_ = nullptr;  // the string being read in parts
    bool in_key_ = false;            // a key is being read in parts, into key_
    bool complete_ = false;
    std::string key_;
    std::string scratch_;  // format, dates, kind
};

}  // namespace

bool fast_read_offer(std::string_view text, job_offer& out, std::size_t max_depth) {
    // Checked here over the whole text (text::is_valid_utf8, eight ASCII bytes at
    // a time), because Boost.JSON's own check goes byte by byte after the first
    // non-ASCII byte of each string, which took half of the reading time.
    if (!text::is_valid_utf8(text)) return false;
    json::parse_options options;
    options.max_depth = max_depth;
    options.allow_invalid_utf8 = true;  // checked above, faster
    json::basic_parser<offer_handler> parser(options, out);
    json::error_code ec;
    const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    return !ec && consumed == text.size() && parser.done() && parser.handler().complete();
}

}  // namespace offerkit::detail
