// Tracking files (CSV, JSON Lines) and their merge into the offers; the
// status of an offer on a day (docs/tracking.md).
#include "csv_records.hpp"

#include <offerkit/error.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/text.hpp>
#include <offerkit/tracking.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace offerkit {

namespace {

namespace json = boost::json;

// ---------------------------------------------------------------- words

// `s` folded (case, accents), every run of other characters than letters and
// digits one space, and the small words left out: "Date de prise de poste" → "date prise poste".
std::string plain_words(std::string_view s) {
    const std::string f = text::fold(s);
    static constexpr std::array<std::string_view, 12> small{"de",  "du", "des", "d",   "la", "le",
                                                            "les", "l",  "of",  "the", "en", "a"};
    std::string out, word;
    auto flush = [&] {
        if (!word.empty() && std::find(small.begin(), small.end(), word) == small.end()) {
            if (!out.empty()) out += ' ';
            out += word;
        }
        word.clear();
    };
    for (char c : f) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (alnum)
            word += c;
        else
            flush();
    }
    flush();
    return out;
}

enum class column : std::uint8_t {
    reference,
    event,
    day,
    openings,
    applications,
    posts_filled,
    start_date,
    new_reference,
    republication_of,
    note,
    count
};

// The names a column may have (plain_words of the header cell).
struct column_name {
    column c;
    std::string_view words;
};
constexpr column_name column_names[] = {
    {column::reference, "reference"},
    {column::reference, "ref"},
    {column::reference, "numero"},
    {column::reference, "no"},
    {column::reference, "reference offre"},
    {column::reference, "numero offre"},
    {column::reference, "numero avp"},
    {column::event, "event"},
    {column::event, "evenement"},
    {column::event, "etape"},
    {column::event, "type"},
    {column::event, "action"},
    {column::event, "statut"},
    {column::event, "status"},
    {column::day, "date"},
    {column::day, "date evenement"},
    {column::day, "event date"},
    {column::day, "jour"},
    {column::openings, "posts"},
    {column::openings, "postes"},
    {column::openings, "openings"},
    {column::openings, "nb postes"},
    {column::openings, "nombre postes"},
    {column::openings, "postes offerts"},
    {column::openings, "postes ouverts"},
    {column::applications, "applications"},
    {column::applications, "candidatures"},
    {column::applications, "nb candidatures"},
    {column::applications, "nombre candidatures"},
    {column::applications, "candidatures recues"},
    {column::applications, "candidats"},
    {column::applications, "nb candidats"},
    {column::posts_filled, "posts filled"},
    {column::posts_filled, "postes pourvus"},
    {column::posts_filled, "nb postes pourvus"},
    {column::posts_filled, "nombre postes pourvus"},
    {column::posts_filled, "pourvus"},
    {column::start_date, "start date"},
    {column::start_date, "prise poste"},
    {column::start_date, "date prise poste"},
    {column::start_date, "date embauche"},
    {column::start_date, "date arrivee"},
    {column::start_date, "date debut"},
    {column::new_reference, "new reference"},
    {column::new_reference, "nouvelle reference"},
    {column::new_reference, "republie sous"},
    {column::new_reference, "republiee sous"},
    {column::new_reference, "reference republication"},
    {column::republication_of, "republication of"},
    {column::republication_of, "republication"},
    {column::republication_of, "offre initiale"},
    {column::republication_of, "reference initiale"},
    {column::republication_of, "reference precedente"},
    {column::republication_of, "offre precedente"},
    {column::note, "note"},
    {column::note, "notes"},
    {column::note, "commentaire"},
    {column::note, "commentaires"},
    {column::note, "remarque"},
    {column::note, "observations"},
    {column::reference, "offer reference"},
    {column::reference, "job reference"},
    {column::reference, "reference number"},
    {column::applications, "applications received"},
    {column::applications, "number applications"},
    {column::posts_filled, "filled posts"},
    {column::start_date, "hire date"},
    {column::start_date, "start"},
    {column::new_reference, "republished as"},
    {column::republication_of, "previous reference"},
    {column::republication_of, "republishes"},
    {column::note, "comment"},
    {column::note, "comments"},
    {column::note, "remarks"},
};

constexpr std::array<std::string_view, static_cast<std::size_t>(column::count)> json_keys{
    "reference",        "event", "date", "posts", "applications", "posts_filled", "start_date", "new_reference",
    "republication_of", "note"};

std::optional<column> column_of(std::string_view header) {
    const std::string w = plain_words(header);
    for (const auto& n : column_names)
        if (n.words == w) return n.c;
    // The JSON Lines keys, also accepted as CSV headers ("posts_filled").
    for (std::size_t i = 0; i < json_keys.size(); ++i)
        if (plain_words(json_keys[i]) == w) return static_cast<column>(i);
    return std::nullopt;
}

// "02/03/2026", "2/3/26", "02-03-2026", "02.03.2026", "2026-03-02" (a time after it ignored).
std::optional<date> day_of(std::string_view s) {
    s = s.substr(0, std::min<std::size_t>(s.size(), 10));
    if (auto d = date::parse_iso(s)) return d;
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int n = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (digits[n] == 4) return std::nullopt;
            parts[n] = parts[n] * 10 + (c - '0');
            ++digits[n];
        } else if ((c == '/' || c == '-' || c == '.') && n < 2 && digits[n] > 0) {
            ++n;
        } else {
            return std::nullopt;
        }
    }
    if (n != 2 || digits[0] > 2 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4)) return std::nullopt;
    const int year = digits[2] == 2 ? 2000 + parts[2] : parts[2];
    return date::from_ymd(year, parts[1], parts[0]);
}

// ---------------------------------------------------------------- rows

// Reads the cells of one row (by column) into a tracking_row; the first problem is returned.
class row_reader {
public:
    row_reader(tracking_row& row) : row_(row) {}

    std::optional<std::string> set(column c, std::string_view raw) {
        const std::string v = text::squeeze_space(raw);
        if (v.empty()) return std::nullopt;
        switch (c) {
            case column::reference: row_.reference = v; break;
            case column::event: {
                const std::string w = plain_words(v);
                if (w == "applications" || w == "candidatures" || w == "candidature" || w == "counts" ||
                    w == "comptage" || w == "point" || w == "candidatures recues" || w == "applications received") {
                    counts_only_ = true;
                    break;
                }
                row_.kind = event_kind_from_words(v);
                if (!row_.kind)
                    return "\"" + v +
                           "\" is not an event; use published, republished, closed, filled, cancelled, unsuccessful "
                           "(or publiée, republiée, clôturée, pourvue, annulée, infructueuse), or candidatures for "
                           "counts only";
                break;
            }
            case column::day:
            case column::start_date: {
                const auto d = day_of(v);
                if (!d) return "\"" + v + "\" is not a date (YYYY-MM-DD or DD/MM/YYYY)";
                (c == column::day ? row_.on : row_.start_date) = d;
                break;
            }
            case column::openings:
            case column::applications:
            case column::posts_filled: {
                const bool digits = std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
                if (!digits || v.size() > 6) return "\"" + v + "\" is not a whole number";
                const int n = std::stoi(v);
                (c == column::openings       ? row_.openings
                 : c == column::applications ? row_.applications
                                             : row_.posts_filled) = n;
                break;
            }
            case column::new_reference: row_.new_reference = v; break;
            case column::republication_of: row_.republication_of = v; break;
            case column::note: row_.note = v; break;
            case column::count: break;
        }
        return std::nullopt;
    }

    // What the row lacks, when it cannot be applied.
    std::optional<std::string> finish() const {
        if (row_.reference.empty()) return std::string("the row has no reference");
        if (!row_.kind && !counts_only_) {
            const bool counts =
                row_.openings || row_.applications || row_.posts_filled || row_.start_date || row_.republication_of;
            if (!counts) return std::string("the row has no event");
        }
        if (row_.kind && !row_.on) return "the " + std::string(to_string(*row_.kind)) + " event has no date";
        return std::nullopt;
    }

private:
    tracking_row& row_;
    bool counts_only_ = false;
};

void refuse_row(diagnostics& diags, source_location where, const std::string& why) {
    diags.add({severity::error, std::move(where), why + "; the row is not applied", "tracking-invalid-row"});
}

// The row read, kept when nothing is wrong with it, else refused with its first problem.
void keep_or_refuse(std::vector<tracking_row>& rows, tracking_row& row, const row_reader& reader,
                    std::optional<std::string> problem, diagnostics& diags) {
    if (!problem) problem = reader.finish();
    if (problem)
        refuse_row(diags, row.where, *problem);
    else
        rows.push_back(std::move(row));
}

std::vector<tracking_row> read_csv(std::string_view text, const std::string& name, diagnostics& diags) {
    detail::csv_records records(text, name);
    detail::record header;
    if (!records.next(header)) throw error(errc::syntax_error, name + ": empty tracking file: no header row");
    std::vector<std::optional<column>> columns;
    bool has_reference = false, has_event = false;
    for (const auto& cell : header.fields) {
        columns.push_back(column_of(cell));
        if (columns.back() == column::reference) has_reference = true;
        if (columns.back() == column::event) has_event = true;
        if (!columns.back() && !text::squeeze_space(cell).empty())
            diags.add({severity::warning,
                       {name, header.line, 0, {}},
                       "column \"" + text::squeeze_space(cell) + "\" is not a tracking column; its values are ignored",
                       "tracking-unknown-column"});
    }
    if (!has_reference || !has_event)
        throw error(errc::syntax_error,
                    name + ":" + std::to_string(header.line) +
                        ": not a tracking file: the header needs a reference column (reference, référence, numéro) "
                        "and an event column (event, événement, étape); found \"" +
                        text::squeeze_space(text.substr(0, std::min<std::size_t>(text.find('\n'), 200))) + "\"");
    std::vector<tracking_row> rows;
    detail::record r;
    while (records.next(r)) {
        const bool blank = std::all_of(r.fields.begin(), r.fields.end(),
                                       [](const std::string& f) { return text::squeeze_space(f).empty(); });
        if (blank) continue;
        tracking_row row;
        row.where = {name, r.line, 0, {}};
        if (r.fields.size() > columns.size()) {
            refuse_row(diags, row.where,
                       "the row has " + std::to_string(r.fields.size()) + " fields, the header " +
                           std::to_string(columns.size()));
            continue;
        }
        row_reader reader(row);
        std::optional<std::string> problem;
        for (std::size_t i = 0; i < r.fields.size() && !problem; ++i)
            if (columns[i]) {
                problem = reader.set(*columns[i], r.fields[i]);
                if (problem) row.where.path = std::string(json_keys[static_cast<std::size_t>(*columns[i])]);
            }
        keep_or_refuse(rows, row, reader, std::move(problem), diags);
    }
    return rows;
}

std::vector<tracking_row> read_jsonl(std::string_view text, const std::string& name, diagnostics& diags) {
    std::vector<tracking_row> rows;
    const std::size_t errors_before = diags.count(severity::error);
    std::size_t line = 0, from = 0;
    while (from < text.size()) {
        std::size_t eol = text.find('\n', from);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view raw = text.substr(from, eol - from);
        from = eol + 1;
        ++line;
        if (text::squeeze_space(raw).empty()) continue;
        tracking_row row;
        row.where = {name, line, 0, {}};
        boost::system::error_code ec;
        const json::value v = json::parse(json::string_view(raw.data(), raw.size()), ec);
        if (rows.empty() && (ec || !v.is_object()) && diags.count(severity::error) == errors_before)
            // The first line is no object: a JSON document over several lines, not JSON Lines.
            throw error(errc::syntax_error, name + ":" + std::to_string(line) +
                                                ": not a tracking file: JSON Lines expected, one object a line "
                                                "with the keys reference, event, date…");
        if (ec || !v.is_object()) {
            refuse_row(diags, row.where, ec ? "invalid JSON: " + ec.message() : std::string("not a JSON object"));
            continue;
        }
        row_reader reader(row);
        std::optional<std::string> problem;
        for (const auto& kv : v.get_object()) {
            const std::string_view key(kv.key().data(), kv.key().size());
            const auto c = column_of(key);
            if (!c) {
                diags.add({severity::warning,
                           {name, line, 0, std::string(key)},
                           "not a tracking key; its value is ignored",
                           "tracking-unknown-column"});
                continue;
            }
            std::string cell;
            const json::value& x = kv.value();
            if (x.is_string())
                cell = std::string(x.get_string());
            else if (x.is_int64() || x.is_uint64())
                cell = json::serialize(x);
            else if (!x.is_null())
                problem = "expected a string or a whole number, found " + json::serialize(x);
            if (!problem) problem = reader.set(*c, cell);
            if (problem) {
                row.where.path = std::string(json_keys[static_cast<std::size_t>(*c)]);
                break;
            }
        }
        keep_or_refuse(rows, row, reader, std::move(problem), diags);
    }
    return rows;
}

// ---------------------------------------------------------------- events

// Events of the same day in the order a recruitment goes.
int kind_order(event_kind k) {
    switch (k) {
        case event_kind::published: return 0;
        case event_kind::republished: return 1;
        case event_kind::closed: return 2;
        default: return 3;
    }
}

bool event_before(const offer_event& a, const offer_event& b) {
    if (a.on != b.on) return !a.on || (b.on && *a.on < *b.on);
    return kind_order(a.kind) < kind_order(b.kind);
}

bool is_final(const offer_event& e) {
    return e.kind == event_kind::filled || e.kind == event_kind::cancelled || e.kind == event_kind::unsuccessful ||
           (e.kind == event_kind::republished && e.reference);
}

offer_status status_of_final(const offer_event& e) {
    switch (e.kind) {
        case event_kind::filled: return offer_status::filled;
        case event_kind::cancelled: return offer_status::cancelled;
        default: return offer_status::unsuccessful;
    }
}

// The spelling of a reference compared as written: case and white space aside.
std::string reference_key(std::string_view r) {
    std::string k;
    for (char c : r)
        if (c != ' ' && c != '\t') k += text::ascii_lower(c);
    return k;
}

std::string quoted_date(const date& d) { return d.to_iso(); }

}  // namespace

std::optional<event_kind> event_kind_from_words(std::string_view words) {
    std::string w = plain_words(words);
    // "clôturée", "pourvus", "annulées": a final e or s aside (also "re publiee" → "republie").
    w.erase(std::remove(w.begin(), w.end(), ' '), w.end());
    while (!w.empty() && (w.back() == 's' || w.back() == 'e') && w.size() > 4) w.pop_back();
    struct word {
        std::string_view w;
        event_kind k;
    };
    static constexpr std::array<word, 38> table{{
        {"published", event_kind::published},
        {"publish", event_kind::published},
        {"publi", event_kind::published},
        {"publication", event_kind::published},
        {"miselign", event_kind::published},
        {"lign", event_kind::published},
        {"ouvert", event_kind::published},
        {"open", event_kind::published},
        {"republished", event_kind::republished},
        {"republish", event_kind::republished},
        {"republi", event_kind::republished},
        {"republication", event_kind::republished},
        {"relanc", event_kind::republished},
        {"closed", event_kind::closed},
        {"clos", event_kind::closed},
        {"clotur", event_kind::closed},
        {"ferm", event_kind::closed},
        {"filled", event_kind::filled},
        {"fill", event_kind::filled},
        {"pourvu", event_kind::filled},
        {"recrut", event_kind::filled},
        {"recrutement", event_kind::filled},
        {"hired", event_kind::filled},
        {"nomination", event_kind::filled},
        {"cancelled", event_kind::cancelled},
        {"canceled", event_kind::cancelled},
        {"cancel", event_kind::cancelled},
        {"annul", event_kind::cancelled},
        {"annulation", event_kind::cancelled},
        {"retir", event_kind::cancelled},
        {"withdrawn", event_kind::cancelled},
        {"unsuccessful", event_kind::unsuccessful},
        {"infructueux", event_kind::unsuccessful},
        {"infructueu", event_kind::unsuccessful},
        {"sanssuit", event_kind::unsuccessful},
        {"nonpourvu", event_kind::unsuccessful},
        {"unfilled", event_kind::unsuccessful},
        {"failed", event_kind::unsuccessful},
    }};
    for (const auto& t : table)
        if (t.w == w) return t.k;
    return std::nullopt;
}

std::vector<tracking_row> read_tracking(std::string_view text, const std::string& name, diagnostics& diags) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t invalid = text::find_invalid_utf8(text);
    if (invalid != std::string_view::npos)
        throw error(errc::invalid_utf8,
                    name + ": byte " + std::to_string(invalid) +
                        " is not UTF-8; save the tracking file as UTF-8 (CSV UTF-8 in a spreadsheet)");
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) throw error(errc::syntax_error, name + ": empty tracking file");
    return text[first] == '{' ? read_jsonl(text, name, diags) : read_csv(text, name, diags);
}

std::vector<tracking_row> read_tracking_file(const std::filesystem::path& path, diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io_error, path.string() + ": cannot open the tracking file");
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw error(errc::io_error, path.string() + ": cannot read the tracking file");
    return read_tracking(s.str(), path.string(), diags);
}

// ---------------------------------------------------------------- status

std::optional<date> published_on(const job_offer& offer) noexcept {
    for (const auto& e : offer.events)
        if (e.kind == event_kind::published && e.on) return e.on;
    return offer.posted_on;
}

std::optional<offer_outcome> outcome_of(const job_offer& offer) noexcept {
    for (const auto& e : offer.events)
        if (e.on && is_final(e)) return offer_outcome{status_of_final(e), *e.on};
    return std::nullopt;
}

std::optional<date> closed_on(const job_offer& offer) noexcept {
    for (const auto& e : offer.events)
        if (e.kind == event_kind::closed && e.on) return e.on;
    const auto outcome = outcome_of(offer);
    if (outcome && (!offer.deadline || outcome->on < *offer.deadline)) return outcome->on;
    return offer.deadline;
}

std::optional<offer_status> status_on(const job_offer& offer, const date& day) noexcept {
    const auto published = published_on(offer);
    if (!published) return offer.events.empty() ? offer.status : std::nullopt;
    if (day < *published) return std::nullopt;
    if (const auto outcome = outcome_of(offer); outcome && outcome->on <= day) return outcome->status;
    if (offer.events.empty() && offer.status && *offer.status != offer_status::published &&
        *offer.status != offer_status::closed)
        return offer.status;  // an outcome given without its day
    // Open from publication; closed by a `closed` event, or by the deadline when
    // none is recorded; a re-publication under the same reference opens it again.
    bool any_closed = false;
    for (const auto& e : offer.events) any_closed = any_closed || e.kind == event_kind::closed;
    bool open = true;
    std::optional<date> reopened;
    for (const auto& e : offer.events) {
        if (!e.on || day < *e.on) continue;
        if (e.kind == event_kind::closed) open = false;
        if (e.kind == event_kind::republished && !e.reference) {
            open = true;
            reopened = e.on;
        }
    }
    if (!any_closed && offer.deadline && *offer.deadline < day && (!reopened || *reopened <= *offer.deadline))
        open = false;
    if (!open) return offer_status::closed;
    if (offer.events.empty() && offer.status == offer_status::closed) return offer_status::closed;
    return offer_status::published;
}

// ---------------------------------------------------------------- the log

struct tracking_log::impl {
    date as_of;
    std::vector<tracking_row> rows;
    std::vector<std::string> claimed_by;  // by row: the reference_key of the offer that took it
    std::unordered_map<std::string, std::vector<std::size_t>> by_spelling, by_number, by_new_reference;

    void index(std::size_t i) {
        const auto& r = rows[i];
        by_spelling[reference_key(r.reference)].push_back(i);
        by_number[reference_number_key(r.reference)].push_back(i);
        if (r.new_reference) {
            by_new_reference[reference_key(*r.new_reference)].push_back(i);
            by_new_reference[reference_number_key(*r.new_reference)].push_back(i);
        }
    }
};

tracking_log::tracking_log(date as_of) : impl_(std::make_unique<impl>()) { impl_->as_of = as_of; }
tracking_log::~tracking_log() = default;
tracking_log::tracking_log(tracking_log&&) noexcept = default;
tracking_log& tracking_log::operator=(tracking_log&&) noexcept = default;

void tracking_log::add(std::vector<tracking_row> rows) {
    for (auto& r : rows) {
        impl_->rows.push_back(std::move(r));
        impl_->claimed_by.emplace_back();
        impl_->index(impl_->rows.size() - 1);
    }
}

std::size_t tracking_log::size() const noexcept { return impl_->rows.size(); }
const date& tracking_log::as_of() const noexcept { return impl_->as_of; }

std::size_t tracking_log::apply(job_offer& offer, diagnostics& diags) {
    impl& m = *impl_;
    const std::string spelling = reference_key(offer.reference);
    const std::string number = reference_number_key(offer.reference);
    if (offer.reference.empty()) return 0;

    // The rows of this offer: its spelling, else its number (another spelling of it).
    std::vector<std::size_t> mine;
    if (auto it = m.by_spelling.find(spelling); it != m.by_spelling.end()) mine = it->second;
    if (auto it = m.by_number.find(number); it != m.by_number.end())
        for (std::size_t i : it->second) {
            if (std::find(mine.begin(), mine.end(), i) != mine.end()) continue;
            if (!m.claimed_by[i].empty() && m.claimed_by[i] != spelling) {
                diags.add({severity::warning, m.rows[i].where,
                           "the reference \"" + m.rows[i].reference + "\" is the number of offer " + offer.reference +
                               " and of another offer of the batch; the row is applied to the first only",
                           "tracking-ambiguous-reference"});
                continue;
            }
            mine.push_back(i);
        }
    std::stable_sort(mine.begin(), mine.end(), [&](std::size_t a, std::size_t b) {
        const auto &ra = m.rows[a], &rb = m.rows[b];
        if (ra.on != rb.on) return ra.on && (!rb.on || *ra.on < *rb.on);
        const int ka = ra.kind ? kind_order(*ra.kind) : 4, kb = rb.kind ? kind_order(*rb.kind) : 4;
        return ka < kb;
    });

    std::size_t applied = 0;
    auto say = [&](const tracking_row& r, std::string rule, std::string message) {
        diags.add({severity::warning, r.where, std::move(message), std::move(rule)});
    };
    for (std::size_t i : mine) {
        m.claimed_by[i] = spelling;
        const tracking_row& r = m.rows[i];
        if (r.on && m.as_of < *r.on) {
            say(r, "tracking-future-date",
                "the row is dated " + quoted_date(*r.on) + ", after the as-of day " + quoted_date(m.as_of) +
                    " (--as-of); not applied");
            continue;
        }
        if (r.kind) {
            const auto published = published_on(offer);
            const auto outcome = outcome_of(offer);
            const std::string what = std::string(to_string(*r.kind)) + " on " + quoted_date(*r.on);
            if (*r.kind != event_kind::published && published && *r.on < *published) {
                say(r, "tracking-event-order",
                    what + ", before the offer was published on " + quoted_date(*published) + "; not applied");
                continue;
            }
            offer_event e{*r.kind, r.on, r.new_reference, r.note, r.where.to_string()};
            if (outcome && *r.kind != event_kind::closed && *r.kind != event_kind::published &&
                !(outcome->status == offer_status::unsuccessful && *r.kind == event_kind::republished)) {
                say(r, "tracking-event-order",
                    what + ", after the offer's outcome (" + std::string(to_string(outcome->status)) + " on " +
                        quoted_date(outcome->on) + "); not applied");
                continue;
            }
            const bool again = std::any_of(offer.events.begin(), offer.events.end(), [&](const offer_event& x) {
                return x.kind == e.kind && x.on == e.on && x.reference == e.reference;
            });
            if (!again) {
                offer.events.push_back(std::move(e));
                std::stable_sort(offer.events.begin(), offer.events.end(), event_before);
            }
        }
        if (r.openings) {
            if (offer.openings && *offer.openings > 0 && *offer.openings != *r.openings)
                say(r, "tracking-count-mismatch",
                    "the row says " + std::to_string(*r.openings) + " post(s), the posting " +
                        std::to_string(*offer.openings) + "; the posting's number is kept");
            else
                offer.openings = r.openings;
        }
        if (r.applications) offer.applications = r.applications;
        if (r.posts_filled) {
            if (*r.posts_filled > posts_of(offer))
                say(r, "tracking-count-mismatch",
                    std::to_string(*r.posts_filled) + " posts filled, more than the " +
                        std::to_string(posts_of(offer)) + " offered");
            offer.posts_filled = r.posts_filled;
        }
        if (r.start_date) offer.start_date = r.start_date;
        if (r.republication_of) offer.republication_of = r.republication_of;
        ++applied;
    }
    // A `republished` row of another offer that names this one: this one re-publishes it.
    if (!offer.republication_of) {
        for (const auto& key : {spelling, number}) {
            auto it = m.by_new_reference.find(key);
            if (it == m.by_new_reference.end()) continue;
            for (std::size_t i : it->second)
                if (m.rows[i].kind == event_kind::republished && reference_key(m.rows[i].reference) != spelling) {
                    offer.republication_of = m.rows[i].reference;
                    break;
                }
            if (offer.republication_of) break;
        }
    }
    if (!offer.events.empty()) offer.status = status_on(offer, m.as_of);
    return applied;
}

void tracking_log::report_unclaimed(diagnostics& diags) const {
    for (std::size_t i = 0; i < impl_->rows.size(); ++i)
        if (impl_->claimed_by[i].empty())
            diags.add(
                {severity::warning, impl_->rows[i].where,
                 "no offer of the batch has the reference \"" + impl_->rows[i].reference + "\"; the row is not applied",
                 "tracking-unknown-reference"});
}

}  // namespace offerkit
