// posting/labels.cpp — see labels.hpp. The synonym table is here.
#include "posting/labels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace offerkit::posting {

bool is_section(field f) noexcept { return f >= field::details && f <= field::apply; }

bool is_text_field(field f) noexcept {
    switch (f) {
        case field::employer:
        case field::grade:
        case field::direction:
        case field::unit:
        case field::job_family:
        case field::location:
        case field::residency:
        case field::availability:
        case field::org_position:
        case field::supervisor: return true;
        default: return false;
    }
}

namespace {

struct raw_entry {
    std::string_view text;
    field f;
    std::uint8_t flags;
};

// The synonym table. Written as postings write them; folded at start-up.
constexpr raw_entry raw_table[] = {
    {"Référence", field::reference, lf_none},
    {"Réf.", field::reference, lf_needs_colon},
    {"Réf", field::reference, lf_needs_colon},
    {"Référence de l'offre", field::reference, lf_none},
    {"Référence du poste", field::reference, lf_none},
    {"N° de référence", field::reference, lf_none},
    {"Numéro de l'offre", field::reference, lf_none},
    {"Numéro de poste", field::reference, lf_none},
    {"Référence n°", field::reference, lf_none},
    {"Réf. n°", field::reference, lf_none},
    {"Numéro de référence", field::reference, lf_none},
    {"N° de l'offre", field::reference, lf_none},
    {"Job reference", field::reference, lf_none},
    {"Reference number", field::reference, lf_none},

    {"Employeur", field::employer, lf_none},
    {"Collectivité", field::employer, lf_needs_colon},
    {"Collectivité employeur", field::employer, lf_none},
    {"Organisme employeur", field::employer, lf_none},
    {"Établissement employeur", field::employer, lf_none},
    {"Employer", field::employer, lf_none},

    {"Corps ou Cadre d'emploi/Domaine", field::grade, lf_none},
    {"Corps ou Cadre d'emplois/Domaine", field::grade, lf_none},
    {"Corps ou Cadre d'emploi", field::grade, lf_none},
    {"Corps ou Cadre d'emplois", field::grade, lf_none},
    {"Corps/Cadre/Domaine", field::grade, lf_none},
    {"Corps/Cadre d'emploi/Domaine", field::grade, lf_none},
    {"Corps/Domaine", field::grade, lf_none},
    {"Cadre d'emploi/Domaine", field::grade, lf_none},
    {"Cadre d'emplois/Domaine", field::grade, lf_none},
    {"Cadre d'emploi", field::grade, lf_needs_colon},
    {"Cadre d'emplois", field::grade, lf_needs_colon},
    {"Corps", field::grade, lf_needs_colon},
    {"Grade", field::grade, lf_needs_colon},
    {"Corps/Grade", field::grade, lf_none},
    {"Cadre d'emplois/Grade", field::grade, lf_none},
    {"Cadre d'emploi/Grade", field::grade, lf_none},
    {"Grade/Corps", field::grade, lf_none},
    {"Catégorie/Grade", field::grade, lf_none},
    {"Filière/Cadre d'emploi", field::grade, lf_none},
    {"Grade requis", field::grade, lf_none},

    {"Direction", field::direction, lf_run_value},
    {"Direction/Service", field::direction, lf_none},
    {"Direction d'affectation", field::direction, lf_none},
    {"Direction de rattachement", field::direction, lf_none},
    {"Department", field::direction, lf_none},

    {"Unité organisationnelle", field::unit, lf_none},
    {"Unité", field::unit, lf_needs_colon},
    {"Service", field::unit, lf_needs_colon},
    {"Service d'affectation", field::unit, lf_none},
    {"Service de rattachement", field::unit, lf_none},

    {"Emploi RESPNC", field::job_family, lf_none},
    {"Emploi (RESPNC)", field::job_family, lf_none},
    {"Emploi-type RESPNC", field::job_family, lf_none},
    {"Emploi repère", field::job_family, lf_none},
    {"Emploi de référence", field::job_family, lf_none},

    {"Lieu de travail", field::location, lf_none},
    {"Lieu d'affectation", field::location, lf_none},
    {"Lieu d'exercice", field::location, lf_none},
    {"Localisation", field::location, lf_needs_colon},
    {"Localisation du poste", field::location, lf_none},
    {"Lieu d'exercice des fonctions", field::location, lf_none},
    {"Lieu de travail/Affectation", field::location, lf_none},
    {"Résidence administrative", field::location, lf_none},
    {"Location", field::location, lf_none},
    {"Place of work", field::location, lf_none},

    {"Durée de résidence exigée pour le recrutement sur titre", field::residency, lf_none},
    {"Durée de résidence exigée pour le recrutement sur", field::residency, lf_none},
    {"Durée de résidence exigée pour le recrutement", field::residency, lf_none},
    {"Durée de résidence exigée", field::residency, lf_none},
    {"Durée de résidence requise", field::residency, lf_none},
    {"Condition de résidence", field::residency, lf_none},
    {"pour le recrutement sur titre", field::residency, lf_line_start},
    {"le recrutement sur titre", field::residency, lf_line_start},
    {"recrutement sur titre", field::residency, lf_line_start},
    {"sur titre", field::residency, lf_line_start},
    {"titre", field::residency, lf_line_start | lf_needs_footnote},

    {"Date de dépôt de l'offre", field::posted_on, lf_none},
    {"Date de dépôt", field::posted_on, lf_none},
    {"Date de publication", field::posted_on, lf_none},
    {"Date de parution", field::posted_on, lf_none},
    {"Date de diffusion", field::posted_on, lf_none},
    {"Publié le", field::posted_on, lf_needs_colon},
    {"Date de l'offre", field::posted_on, lf_none},
    {"Date de mise en ligne", field::posted_on, lf_none},
    {"Date d'affichage", field::posted_on, lf_none},
    {"Date de l'avis", field::posted_on, lf_none},
    {"Posted on", field::posted_on, lf_none},
    {"Date posted", field::posted_on, lf_none},
    {"Publication date", field::posted_on, lf_none},

    {"Date limite de candidature", field::deadline, lf_none},
    {"Date limite de candidatures", field::deadline, lf_none},
    {"Date limite de dépôt des candidatures", field::deadline, lf_none},
    {"Date limite de réception des candidatures", field::deadline, lf_none},
    {"Date limite des candidatures", field::deadline, lf_none},
    {"Date limite", field::deadline, lf_none},
    {"Date de clôture", field::deadline, lf_none},
    {"Date de clôture des candidatures", field::deadline, lf_none},
    {"Clôture des candidatures", field::deadline, lf_none},
    {"Date limite d'envoi des candidatures", field::deadline, lf_none},
    {"Date limite de dépôt", field::deadline, lf_none},
    {"Date limite de dépôt de candidature", field::deadline, lf_none},
    {"Date limite de réception", field::deadline, lf_none},
    {"Date limite de réponse", field::deadline, lf_none},
    {"Date limite de retour des candidatures", field::deadline, lf_none},
    {"Date de fin de publication", field::deadline, lf_none},
    {"Candidatures jusqu'au", field::deadline, lf_needs_colon},
    {"Closing date", field::deadline, lf_none},
    {"Application deadline", field::deadline, lf_none},
    {"Deadline", field::deadline, lf_needs_colon},

    {"Poste à pourvoir", field::availability, lf_none},
    {"Postes à pourvoir", field::availability, lf_none},
    {"Poste(s) à pourvoir", field::availability, lf_none},
    {"Disponibilité du poste", field::availability, lf_none},
    {"Disponibilité", field::availability, lf_needs_colon},
    {"Date de prise de poste", field::availability, lf_none},
    {"Prise de poste", field::availability, lf_needs_colon},
    {"Date de prise de fonction", field::availability, lf_none},
    {"Date de prise de fonctions", field::availability, lf_none},
    {"Poste vacant", field::availability, lf_needs_colon},
    {"Vacance du poste", field::availability, lf_none},
    {"Start date", field::availability, lf_none},
    {"Nombre de poste", field::openings, lf_none},
    {"Nombre de poste(s)", field::openings, lf_none},
    {"Nombre de postes ouverts", field::openings, lf_none},
    {"Nombre de poste(s) à pourvoir", field::openings, lf_none},
    {"Nombre d'emplois", field::openings, lf_none},
    {"Number of positions", field::openings, lf_none},
    {"Number of posts", field::openings, lf_none},
    {"Nombre de postes", field::openings, lf_none},
    {"Nombre de postes à pourvoir", field::openings, lf_none},
    {"Nb de postes", field::openings, lf_none},

    {"Place dans l'organigramme", field::org_position, lf_none},
    {"Position dans l'organigramme", field::org_position, lf_none},
    {"Positionnement dans l'organigramme", field::org_position, lf_none},
    {"Position hiérarchique", field::org_position, lf_none},
    {"Niveau dans l'organigramme", field::org_position, lf_none},

    {"Fonction du supérieur hiérarchique direct", field::supervisor, lf_none},
    {"Fonction du supérieur hiérarchique directe", field::supervisor, lf_none},
    {"Fonction du supérieur hiérarchique", field::supervisor, lf_none},
    {"Supérieur hiérarchique direct", field::supervisor, lf_none},
    {"Supérieur hiérarchique", field::supervisor, lf_none},
    {"Rattachement hiérarchique", field::supervisor, lf_none},
    {"Supérieur hiérarchique direct (fonction)", field::supervisor, lf_none},
    {"Responsable hiérarchique", field::supervisor, lf_none},
    {"Reports to", field::supervisor, lf_none},

    {"Nb d'agents encadrés", field::staff_total, lf_none},
    {"Nombre d'agents encadrés", field::staff_total, lf_none},
    {"Nb d'agents permanents encadrés", field::staff_total, lf_none},
    {"Nombre d'agents permanents encadrés", field::staff_total, lf_none},
    {"Nb agents encadrés", field::staff_total, lf_none},
    {"Agents encadrés", field::staff_total, lf_needs_colon},
    {"Directs", field::staff_direct, lf_needs_colon},
    {"Direct", field::staff_direct, lf_needs_colon},
    {"Dont directs", field::staff_direct, lf_needs_colon},
    {"Indirects", field::staff_indirect, lf_needs_colon},
    {"Indirect", field::staff_indirect, lf_needs_colon},
    {"Dont indirects", field::staff_indirect, lf_needs_colon},

    {"Lien", field::url, lf_needs_colon},
    {"URL", field::url, lf_needs_colon},
    {"Lien de l'offre", field::url, lf_none},
    {"Postuler en ligne", field::url, lf_needs_colon},
    {"Candidature en ligne", field::url, lf_needs_colon},
    {"Apply online", field::url, lf_needs_colon},
    {"Lien pour postuler", field::url, lf_none},

    {"Détails de l'offre", field::details, lf_none},
    {"Détail de l'offre", field::details, lf_none},
    {"Description de l'offre", field::details, lf_none},
    {"Contexte du poste", field::context, lf_none},
    {"Contexte", field::context, lf_none},
    {"Présentation du service", field::context, lf_none},
    {"Présentation de la direction", field::context, lf_none},
    {"Environnement du poste", field::context, lf_none},
    {"Présentation de la structure", field::context, lf_none},
    {"Présentation de l'établissement", field::context, lf_none},
    {"Présentation de la collectivité", field::context, lf_none},
    {"Descriptif du service", field::context, lf_none},
    {"About the role", field::context, lf_none},
    {"About us", field::context, lf_none},
    {"Job description", field::missions, lf_none},

    {"Missions", field::missions, lf_none},
    {"Mission", field::missions, lf_none},
    {"Missions du poste", field::missions, lf_none},
    {"Mission principale", field::missions, lf_none},
    {"Missions principales", field::missions, lf_none},
    {"Finalité du poste", field::missions, lf_none},
    {"Missions générales", field::missions, lf_none},
    {"Mission générale", field::missions, lf_none},
    {"Raison d'être du poste", field::missions, lf_none},
    {"Objectifs du poste", field::missions, lf_none},

    {"Activités du poste", field::activities, lf_none},
    {"Activités", field::activities, lf_none},
    {"Activités principales", field::main_activities, lf_none},
    {"Principales activités", field::main_activities, lf_none},
    {"Principales", field::main_activities, lf_none},
    {"Responsabilités principales du poste", field::main_activities, lf_none},
    {"Responsabilités principales", field::main_activities, lf_none},
    {"Activités secondaires", field::secondary_activities, lf_none},
    {"Secondaires", field::secondary_activities, lf_none},
    {"Responsabilités secondaires du poste", field::secondary_activities, lf_none},
    {"Responsabilités secondaires", field::secondary_activities, lf_none},
    {"Activités annexes", field::secondary_activities, lf_none},
    {"Activité secondaire", field::secondary_activities, lf_none},
    {"Activité principale", field::main_activities, lf_none},
    {"Activités principales du poste", field::main_activities, lf_none},
    {"Activités secondaires du poste", field::secondary_activities, lf_none},
    {"Tâches principales", field::main_activities, lf_none},
    {"Tâches secondaires", field::secondary_activities, lf_none},
    {"Fonctions principales", field::main_activities, lf_none},
    {"Key responsibilities", field::main_activities, lf_none},
    {"Responsibilities", field::main_activities, lf_none},
    {"Main duties", field::main_activities, lf_none},
    {"Duties", field::main_activities, lf_none},
    {"Other duties", field::secondary_activities, lf_none},

    {"Caractéristiques particulières de l'emploi", field::conditions, lf_none},
    {"Caractéristiques particulières du poste", field::conditions, lf_none},
    {"Caractéristiques particulières de", field::conditions, lf_none},
    {"Caractéristiques particulières", field::conditions, lf_none},
    {"Conditions particulières", field::conditions, lf_none},
    {"Conditions particulières d'exercice", field::conditions, lf_none},
    {"Contraintes particulières", field::conditions, lf_none},
    {"Contraintes du poste", field::conditions, lf_none},
    {"Contraintes", field::conditions, lf_none},
    {"Avantages", field::conditions, lf_none},
    {"Avantages liés au poste", field::conditions, lf_none},
    {"Rémunération et avantages", field::conditions, lf_none},
    {"Contraintes et avantages", field::conditions, lf_none},
    {"Sujétions particulières", field::conditions, lf_none},
    {"Spécificités du poste", field::conditions, lf_none},
    {"Benefits", field::conditions, lf_none},
    {"What we offer", field::conditions, lf_none},
    {"Conditions de travail", field::conditions, lf_heading_only},
    {"Conditions d'exercice", field::conditions, lf_heading_only},
    {"Habilitations", field::conditions, lf_heading_only},
    {"Régimes indemnitaires", field::conditions, lf_heading_only},

    {"Profil du candidat", field::profile, lf_loose},
    {"Profil recherché", field::profile, lf_loose},
    {"Profil", field::profile, lf_loose},
    {"Compétences requises", field::profile, lf_loose},
    {"Compétences", field::profile, lf_none},
    {"Profil souhaité", field::profile, lf_loose},
    {"Profil requis", field::profile, lf_loose},
    {"Profil du poste", field::profile, lf_loose},
    {"Compétences et qualités requises", field::profile, lf_loose},
    {"Requirements", field::profile, lf_loose},
    {"Candidate profile", field::profile, lf_loose},

    {"Savoir/Connaissance/Diplôme exigé", field::profile_part, lf_none},
    {"Savoir/Connaissances/Diplôme exigé", field::profile_part, lf_none},
    {"Savoir/Connaissance/Diplôme requis", field::profile_part, lf_none},
    {"Savoir/Connaissances/Diplômes requis", field::profile_part, lf_none},
    {"Savoir/Connaissances", field::profile_part, lf_none},
    {"Savoir/Connaissance", field::profile_part, lf_none},
    {"Savoirs", field::profile_part, lf_none},
    {"Savoir", field::profile_part, lf_none},
    {"Connaissances", field::profile_part, lf_none},
    {"Savoir-faire", field::profile_part, lf_none},
    {"Savoir faire", field::profile_part, lf_none},
    {"Savoir-être", field::profile_part, lf_none},
    {"Savoir être", field::profile_part, lf_none},
    {"Savoirs-être", field::profile_part, lf_none},
    {"Comportement professionnel", field::profile_part, lf_none},
    {"Comportements professionnels", field::profile_part, lf_none},
    {"Qualités requises", field::profile_part, lf_none},
    {"Qualités personnelles", field::profile_part, lf_none},
    {"Aptitudes", field::profile_part, lf_none},
    {"Diplôme", field::profile_part, lf_none},
    {"Diplômes", field::profile_part, lf_none},
    {"Diplôme exigé", field::profile_part, lf_none},
    {"Diplôme requis", field::profile_part, lf_none},
    {"Niveau de diplôme", field::profile_part, lf_none},
    {"Formation requise", field::profile_part, lf_none},
    {"Expérience", field::profile_part, lf_none},
    {"Expérience professionnelle", field::profile_part, lf_none},
    {"Expérience requise", field::profile_part, lf_none},
    {"Expérience souhaitée", field::profile_part, lf_none},
    {"Compétences techniques", field::profile_part, lf_none},
    {"Compétences requises/Savoir-faire", field::profile_part, lf_none},
    {"Compétences comportementales", field::profile_part, lf_none},
    {"Diplôme souhaité", field::profile_part, lf_none},
    {"Diplômes requis", field::profile_part, lf_none},
    {"Skills", field::profile_part, lf_none},
    {"Qualifications", field::profile_part, lf_none},
    {"Experience", field::profile_part, lf_none},
    {"Education", field::profile_part, lf_none},
    {"Knowledge", field::profile_part, lf_none},

    {"Contact et informations complémentaires", field::contact, lf_none},
    {"Contact et informations", field::contact, lf_none},
    {"Contacts et informations complémentaires", field::contact, lf_none},
    {"Contact", field::contact, lf_none},
    {"Contacts", field::contact, lf_none},
    {"Renseignements", field::contact, lf_none},
    {"Renseignements complémentaires", field::contact, lf_none},
    {"Pour tout renseignement", field::contact, lf_none},
    {"Pour tout renseignement complémentaire", field::contact, lf_none},
    {"Pour tous renseignements", field::contact, lf_none},
    {"Pour tout complément d'information", field::contact, lf_none},
    {"Informations complémentaires", field::contact, lf_none},
    {"Personne à contacter", field::contact, lf_none},
    {"Personnes à contacter", field::contact, lf_none},
    {"Pour tous renseignements complémentaires", field::contact, lf_none},
    {"Pour toute information", field::contact, lf_none},
    {"Pour toute information complémentaire", field::contact, lf_none},
    {"Renseignements auprès de", field::contact, lf_none},
    {"Interlocuteur", field::contact, lf_needs_colon},
    {"Interlocuteurs", field::contact, lf_needs_colon},
    {"Contact person", field::contact, lf_none},
    {"complémentaires", field::contact_continued, lf_line_start},

    {"Pour répondre à cette offre", field::apply, lf_none},
    {"Pour postuler", field::apply, lf_none},
    {"Comment postuler", field::apply, lf_none},
    {"Modalités de candidature", field::apply, lf_none},
    {"Candidatures", field::apply, lf_none},
    {"Candidature", field::apply, lf_none},
    {"Dépôt des candidatures", field::apply, lf_none},
    {"Modalités de dépôt des candidatures", field::apply, lf_none},
    {"Modalités de recrutement", field::apply, lf_none},
    {"Procédure de candidature", field::apply, lf_none},
    {"Comment candidater", field::apply, lf_none},
    {"Pour candidater", field::apply, lf_none},
    {"Envoi des candidatures", field::apply, lf_none},
    {"How to apply", field::apply, lf_none},
    {"To apply", field::apply, lf_none},
};

std::string_view first_word(std::string_view s) noexcept {
    std::size_t e = 0;
    while (e < s.size() && s[e] != ' ' && s[e] != ':' && s[e] != '/' && s[e] != '(') ++e;
    s = s.substr(0, e);
    while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
    return s;
}

struct table {
    std::vector<label_entry> entries;
    std::vector<std::string> first_words;  // sorted, folded
    // entries by first folded byte, longest first
    std::array<std::vector<const label_entry*>, 256> by_first;
    // entries by their first two folded bytes (hashed), longest first: few candidates per place
    static constexpr std::size_t two_buckets = 1024;
    static std::size_t two_key(unsigned char a, unsigned char b) noexcept { return (a * 37u + b) & (two_buckets - 1); }
    std::array<std::vector<const label_entry*>, two_buckets> by_two;

    table() {
        entries.reserve(std::size(raw_table));
        for (const auto& r : raw_table) {
            label_entry e{fold(r.text), 0, r.f, r.flags};
            if (e.folded.size() >= 4) std::memcpy(&e.prefix, e.folded.data(), 4);
            entries.push_back(std::move(e));
        }
        for (const auto& e : entries) by_first[static_cast<unsigned char>(e.folded[0])].push_back(&e);
        for (const auto& e : entries) first_words.emplace_back(first_word(e.folded));
        std::sort(first_words.begin(), first_words.end());
        first_words.erase(std::unique(first_words.begin(), first_words.end()), first_words.end());
        for (const auto& e : entries)
            by_two[two_key(static_cast<unsigned char>(e.folded[0]),
                           e.folded.size() > 1 ? static_cast<unsigned char>(e.folded[1]) : 0)]
                .push_back(&e);
        auto longest_first = [](const label_entry* a, const label_entry* b) {
            return a->folded.size() > b->folded.size();
        };
        for (auto& v : by_first) std::stable_sort(v.begin(), v.end(), longest_first);
        for (auto& v : by_two) std::stable_sort(v.begin(), v.end(), longest_first);
    }
};

const table& the_table() {
    static const table t;
    return t;
}

bool word_byte(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

}  // namespace

bool may_start_with_label(std::string_view text) {
    const std::string_view w = first_word(text);
    if (w.empty() || w.size() > 40) return !w.empty() ? false : true;
    const std::string f = fold(w);
    const auto& fw = the_table().first_words;
    return std::binary_search(fw.begin(), fw.end(), std::string_view(f),
                              [](std::string_view a, std::string_view b) { return a < b; });
}

const label_entry* lookup_exact(std::string_view f) {
    if (f.empty()) return nullptr;
    for (const auto* e : the_table().by_first[static_cast<unsigned char>(f[0])])
        if (e->folded == f) return e;
    return nullptr;
}

void find_label_candidates(const text_line& line, const folded& f, std::vector<label_hit>& out, bool line_start_only) {
    out.clear();
    const auto& t = the_table();
    const std::string_view s = f.text;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool word_start = (i == 0 || !word_byte(static_cast<unsigned char>(s[i - 1]))) && c != ' ';
        if (!word_start || t.by_first[c].empty()) {
            ++i;
            continue;
        }
        const label_entry* found = nullptr;
        if (line_start_only && i > 0) break;
        const char second = i + 1 < s.size() ? s[i + 1] : '\0';
        std::uint32_t here = 0;
        if (i + 4 <= s.size()) std::memcpy(&here, s.data() + i, 4);
        const auto& bucket = t.by_two[table::two_key(c, static_cast<unsigned char>(second))];
        for (const auto* e : bucket) {
            const std::size_t n = e->folded.size();
            if (n > 1 && e->folded[1] != second) continue;  // cheap filters before the full compare
            if (n >= 4 && e->prefix != here) continue;
            if (i + n > s.size() || s.compare(i, n, e->folded) != 0) continue;
            if (i + n < s.size() && word_byte(static_cast<unsigned char>(s[i + n])) &&
                word_byte(static_cast<unsigned char>(e->folded.back())))
                continue;
            found = e;
            break;
        }
        if (!found) {
            ++i;
            continue;
        }
        label_hit h;
        h.entry = found;
        std::size_t j = i + found->folded.size();
        h.begin = f.src[i];
        h.label_end = f.src[j];
        // optional "(1)" / "(*)" and colon
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k + 2 < s.size() && s[k] == '(' && s[k + 2] == ')' &&
            (std::isdigit(static_cast<unsigned char>(s[k + 1])) || s[k + 1] == '*')) {
            h.footnote = true;
            k += 3;
            while (k < s.size() && s[k] == ' ') ++k;
        }
        if (k < s.size() && s[k] == ':') {
            h.colon = true;
            ++k;
        } else if (!h.footnote) {
            k = j;
        }
        h.value_begin = k < f.src.size() ? f.src[k] : line.text.size();
        out.push_back(h);
        i = j;
    }
}

}  // namespace offerkit::posting
