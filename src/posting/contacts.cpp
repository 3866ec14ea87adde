// posting/contacts.cpp — see contacts.hpp.
#include "posting/contacts.hpp"

#include "posting/text.hpp"

#include <cctype>

namespace offerkit::posting {

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

struct marker {
    std::size_t begin, end;  // in the original text
};

/// "Tél", "Tel", "Téléphone", "Tél." followed by an optional colon: where the phone number starts.
std::vector<marker> phone_markers(std::string_view text) {
    folded f;
    fold(text, f);
    const std::string_view s = f.text;
    std::vector<marker> out;
    static constexpr std::string_view words[] = {"telephone", "tel.",          "tel", "phone",    "portable",
                                                 "mobile",    "mob.",          "mob", "standard", "fixe",
                                                 "gsm",       "ligne directe", "cel", "cell",     "cellulaire"};
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) continue;
        for (auto w : words) {
            if (s.compare(i, w.size(), w) != 0) continue;
            std::size_t j = i + w.size();
            if (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) continue;
            while (j < s.size() && (s[j] == ' ' || s[j] == '.' || s[j] == ':')) ++j;
            if (j < s.size() && (is_digit(s[j]) || s[j] == '+' || s[j] == '(')) {
                out.push_back({f.src[i], f.src[j]});
                i = j;
            }
            break;
        }
    }
    return out;
}

/// Where a phone number written without "Tél" starts: six digits or more
/// in groups ("26.82.82", "26 77 98", "(+687) 27 12 34"). npos when none.
std::size_t bare_phone(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!(is_digit(text[i]) || text[i] == '(' || text[i] == '+')) continue;
        if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '@' ||
                      text[i - 1] == '.' || text[i - 1] == '-' || text[i - 1] == '_'))
            continue;
        std::size_t j = i, digits = 0, last = i;
        while (j < text.size() && (is_digit(text[j]) || text[j] == ' ' || text[j] == '.' || text[j] == '(' ||
                                   text[j] == ')' || text[j] == '+')) {
            if (is_digit(text[j])) {
                ++digits;
                last = j + 1;
            }
            ++j;
        }
        if (digits >= 6 && (last >= text.size() || !std::isalpha(static_cast<unsigned char>(text[last])))) return i;
        i = j;
    }
    return std::string_view::npos;
}

/// A digit, or what an international number starts with: "(+687)", "+687".
bool starts_number(char c) noexcept { return is_digit(c) || c == '(' || c == '+'; }

std::string take_phone(std::string_view text, std::size_t at, std::size_t& end) {
    std::size_t j = at;
    std::size_t last_digit = at;
    while (j < text.size()) {
        const char c = text[j];
        if (is_digit(c)) {
            last_digit = j + 1;
        } else if (c == ' ' && last_digit > at && (text.substr(j, 4) == " ou " || text.substr(j, 3) == " / ") &&
                   j + 4 < text.size() && (starts_number(text[j + 4]) || starts_number(text[j + 3]))) {
            j += text.substr(j, 4) == " ou " ? 4 : 3;  // "26.82.82 ou 77.35.00", "… ou (+687) 92 82 02"
            continue;
        } else if (!(c == ' ' || c == '.' || c == '-' || c == '+' || c == '(' || c == ')' || c == '/')) {
            break;
        }
        ++j;
    }
    end = last_digit;
    std::string p(trim(text.substr(at, last_digit - at)));
    return p;
}

std::string clean_piece(std::string_view s) {
    std::string t = text::squeeze_space(s);
    std::string_view v = t;
    // strip separators at both ends
    auto strip = [](std::string_view x) {
        for (;;) {
            x = trim(x);
            if (x.empty()) break;
            if (x.front() == '-' || x.front() == ':' || x.front() == ';' || x.front() == ',' || x.front() == '/') {
                x.remove_prefix(1);
                continue;
            }
            if (starts_with(x, "\u2013") || starts_with(x, "\u2014") || starts_with(x, "\u2022")) {
                x.remove_prefix(3);
                continue;
            }
            if (x.back() == '-' || x.back() == ':' || x.back() == ';' || x.back() == ',' || x.back() == '/' ||
                x.back() == '(') {
                x.remove_suffix(1);
                continue;
            }
            if (ends_with(x, "\u2013") || ends_with(x, "\u2014")) {
                x.remove_suffix(3);
                continue;
            }
            break;
        }
        return x;
    };
    v = strip(v);
    // "e-mail", "courriel", "mail" left dangling at the end
    for (bool again = true; again && !v.empty();) {
        again = false;
        const std::string f = fold(v.size() > 24 ? v.substr(v.size() - 24) : v);  // these words are ASCII
        for (std::string_view tail :
             {"e-mail", "email", "courriel", "mail", "ou", "et", "par", "au", "joignable", "telephone", "joindre"}) {
            if ((ends_with(f, tail) && f.size() > tail.size() && f[f.size() - tail.size() - 1] == ' ') ||
                (f == tail && v.size() == tail.size())) {
                v = strip(v.substr(0, v.size() - tail.size()));
                again = true;
                break;
            }
        }
    }
    return std::string(v);
}

/// Splits "Mme Jeanne Dupont, cheffe de bureau" into name and role.
void split_name_role(std::string_view s, contact& c) {
    std::string t = clean_piece(s);
    if (t.empty()) return;
    std::string_view v = t;
    static constexpr std::string_view civilities[] = {"Monsieur ", "Madame ",  "Mademoiselle ", "Mme. ",
                                                      "Mme ",      "Mlle ",    "M. ",           "Dr. ",
                                                      "Dr ",       "Docteur ", "Mr ",           "Mr. "};
    bool civ = false;
    for (auto cv : civilities)
        if (starts_with(v, cv)) {
            v = trim(v.substr(cv.size()));
            civ = true;
            break;
        }
    // name ends at a comma, a dash separator or an opening parenthesis
    std::size_t cut = std::string_view::npos;
    for (std::string_view sep : {",", " - ", " \u2013 ", " (", " : "}) {
        const std::size_t p = v.find(sep);
        if (p != std::string_view::npos && p < cut) cut = p;
    }
    std::string_view head = v.substr(0, cut);
    std::string_view rest = cut == std::string_view::npos ? std::string_view{} : v.substr(cut);
    bool looks_name = civ;
    if (!civ) {
        // two to four words, each capitalised, none a common noun of roles
        std::size_t words = 0;
        bool all_cap = true;
        std::size_t i = 0;
        while (i < head.size()) {
            while (i < head.size() && head[i] == ' ') ++i;
            if (i >= head.size()) break;
            ++words;
            if (!starts_upper(head.substr(i))) all_cap = false;
            while (i < head.size() && head[i] != ' ') ++i;
        }
        const std::string fh = fold(head);
        static constexpr std::string_view role_words[] = {
            "chef",    "cheffe",  "directeur", "directrice", "responsable", "le ",         "la ", "superviseur",
            "service", "section", "bureau",    "charge",     "adjoint",     "secretariat", "drh"};
        bool role_like = false;
        for (auto w : role_words)
            if (fh.find(w) != std::string::npos) role_like = true;
        looks_name = words >= 2 && words <= 4 && all_cap && !role_like && cut != std::string_view::npos;
    }
    if (looks_name) {
        c.name = std::string(trim(head));
        std::string r = clean_piece(rest);
        if (!r.empty() && r.front() == '(' && r.back() == ')') r = r.substr(1, r.size() - 2);
        if (!r.empty()) c.role = r;
    } else {
        c.role = clean_piece(v);
        if (c.role->empty()) c.role.reset();
    }
}

bool email_char(char c) noexcept {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '+';
}

}  // namespace

std::vector<contact> parse_contacts(std::string_view raw) {
    std::string text = text::squeeze_space(raw);
    // An introduction ("Pour toute information sur le poste la personne à contacter est :") is dropped.
    {
        const std::string f = fold(text);
        for (std::string_view intro : {"a contacter est", "a contacter sont", "vous pouvez contacter",
                                       "veuillez contacter", "s'adresser a", "contacter :"}) {
            const std::size_t p = f.find(intro);
            if (p == std::string::npos) continue;
            folded ff;
            fold(text, ff);
            std::size_t e = ff.src[p + intro.size()];
            std::string_view rest = std::string_view(text).substr(e);
            rest = trim(rest);
            if (starts_with(rest, ":")) rest.remove_prefix(1);
            text = std::string(trim(rest));
            break;
        }
    }
    std::vector<contact> out;
    auto markers = phone_markers(text);
    if (markers.empty()) {
        // numbers written without "Tél": each one closes a contact, as a marker does
        for (std::size_t from = 0; from < text.size();) {
            const std::size_t p = bare_phone(std::string_view(text).substr(from));
            if (p == std::string_view::npos) break;
            std::size_t end = 0;
            (void)take_phone(text, from + p, end);
            markers.push_back({from + p, from + p});
            from = std::max(end, from + p + 1);
        }
    }
    // e-mails: positions
    struct mail {
        std::size_t begin, end;
        std::string value;
    };
    std::vector<mail> mails;
    for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
        std::size_t b = at, e = at + 1;
        while (b > 0 && email_char(text[b - 1])) --b;
        while (e < text.size() && email_char(text[e])) ++e;
        while (e > at + 1 && text[e - 1] == '.') --e;
        if (b < at && e > at + 1) mails.push_back({b, e, text.substr(b, e - b)});
    }
    if (markers.empty() && mails.empty()) {
        std::string t = clean_piece(text);
        if (!t.empty()) {
            contact c;
            split_name_role(t, c);
            out.push_back(std::move(c));
        }
        return out;
    }
    // Each phone marker closes one contact: the text before it (since the
    // previous contact) names the person or role.
    std::size_t cursor = 0;
    std::size_t mi = 0;
    auto cut_mails = [&](std::string_view piece, std::size_t piece_at, contact& c) {
        std::string rest;
        std::size_t last = piece_at;
        while (mi < mails.size() && mails[mi].begin >= piece_at && mails[mi].end <= piece_at + piece.size()) {
            if (!c.email) c.email = mails[mi].value;
            rest += text.substr(last, mails[mi].begin - last);
            rest += ' ';
            last = mails[mi].end;
            ++mi;
        }
        rest += text.substr(last, piece_at + piece.size() - last);
        return rest;
    };
    for (std::size_t k = 0; k < markers.size(); ++k) {
        contact c;
        std::size_t pend = 0;
        const std::string phone = take_phone(text, markers[k].end, pend);
        if (!phone.empty()) c.phone = phone;
        std::string_view piece = std::string_view(text).substr(cursor, markers[k].begin - cursor);
        std::string who = cut_mails(piece, cursor, c);
        split_name_role(who, c);
        if (!c.name && !c.role && !c.email && !out.empty() && c.phone) {
            // "Fixe : … / Mobile : …", "Tél : … ou Mob : …": a second number of the same person,
            // joined by the separator the posting used
            const std::string sep = fold(trim(piece));
            const std::string glue = sep == "ou" || sep == "et" ? " " + sep + " " : " / ";
            out.back().phone = out.back().phone ? *out.back().phone + glue + *c.phone : *c.phone;
            cursor = pend;
            continue;
        }
        cursor = pend;
        // text after the phone up to the next marker that holds only an e-mail belongs here
        const std::size_t next = k + 1 < markers.size() ? markers[k + 1].begin : text.size();
        if (mi < mails.size() && mails[mi].begin >= cursor && mails[mi].end <= next) {
            std::string_view between = std::string_view(text).substr(cursor, mails[mi].begin - cursor);
            if (clean_piece(between).size() < 12) {
                if (!c.email) c.email = mails[mi].value;
                cursor = mails[mi].end;
                ++mi;
            }
        }
        if (c.name || c.role || c.phone || c.email) out.push_back(std::move(c));
    }
    // trailing e-mails without a phone
    while (mi < mails.size()) {
        contact c;
        c.email = mails[mi].value;
        std::string_view piece = std::string_view(text).substr(cursor, mails[mi].begin - cursor);
        split_name_role(piece, c);
        cursor = mails[mi].end;
        ++mi;
        if (!out.empty() && !c.name && !c.role && !out.back().email) {
            out.back().email = c.email;
            continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace offerkit::posting
