// A deterministic generator of realistic job offers for benchmarks: French
// text with accents, every field filled, about 6 KB of canonical JSON each.
// The same (n, seed) always gives the same offers, on every machine.
#pragma once

#include <offerkit/job_offer.hpp>
#include <offerkit/referential.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace offerkit::bench {

/// xorshift64*: tiny, fast, identical everywhere (unlike std distributions).
class rng {
public:
    explicit rng(std::uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next() {
        s_ ^= s_ >> 12;
        s_ ^= s_ << 25;
        s_ ^= s_ >> 27;
        return s_ * 0x2545F4914F6CDD1Dull;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) {
        return a[below(N)];
    }

private:
    std::uint64_t s_;
};

inline const std::array<const char*, 6> employers{"Office des postes et télécommunications",
                                                  "Gouvernement de la Nouvelle-Calédonie",
                                                  "Province Sud",
                                                  "Province des Îles Loyauté",
                                                  "Centre hospitalier territorial",
                                                  "Ville de Nouméa"};
inline const std::array<const char*, 8> directions{"Direction des systèmes d’information",
                                                   "Direction des ressources humaines",
                                                   "Direction financière",
                                                   "Direction du postal",
                                                   "Direction des télécommunications",
                                                   "Direction de l’enseignement",
                                                   "Direction des affaires sanitaires et sociales",
                                                   "Direction de l’équipement"};
inline const std::array<const char*, 5> grades{"Cadre", "Cadre d’exploitation", "Maîtrise", "Exécution",
                                               "Cadre technique"};
inline const std::array<const char*, 8> jobs{"Chargé(e) d’études",   "Technicien(ne) réseaux",    "Gestionnaire RH",
                                             "Chef(fe) de service",  "Conseiller(ère) clientèle", "Comptable",
                                             "Ingénieur(e) système", "Assistant(e) de direction"};
inline const std::array<const char*, 6> places{"Nouméa", "Koné", "Lifou", "Bourail", "Mont-Dore", "Païta"};
inline const std::array<const char*, 12> verbs{"Piloter",      "Coordonner",      "Élaborer", "Assurer",
                                               "Contribuer à", "Mettre en œuvre", "Analyser", "Accompagner",
                                               "Garantir",     "Rédiger",         "Suivre",   "Développer"};
inline const std::array<const char*, 12> objects{"les projets de modernisation du réseau",
                                                 "la qualité de service auprès des usagers",
                                                 "les procédures internes et leur mise à jour",
                                                 "le budget prévisionnel de l’unité",
                                                 "les équipes de terrain dans leurs missions",
                                                 "la sécurité des systèmes d’information",
                                                 "les indicateurs de performance (KPI)",
                                                 "les relations avec les partenaires institutionnels",
                                                 "la formation des nouveaux agents",
                                                 "les dossiers de recrutement et de mobilité",
                                                 "le déploiement de la fibre optique en brousse",
                                                 "les marchés publics et leur exécution"};

inline std::string sentence(rng& r) {
    std::string s = r.pick(verbs);
    s += ' ';
    s += r.pick(objects);
    s += ", en lien avec ";
    s += r.pick(objects);
    s += '.';
    return s;
}

/// Offer number `i` of a corpus made with `seed`.
inline job_offer make_offer(std::size_t i, std::uint64_t seed = 42) {
    rng r(seed * 1000003 + i);
    job_offer o;
    const int year = 2026;
    const int month = static_cast<int>(1 + r.below(12));
    const int day = static_cast<int>(1 + r.below(28));
    o.reference = "9" + std::to_string(100 + r.below(900)) + "-26-" + std::to_string(1000 + i % 9000) + "/SR";
    o.reference_date = date::from_ymd(year, month, day);
    o.title = std::string(r.pick(jobs)) + " – " + r.pick(directions);
    o.employer = r.pick(employers);
    o.direction = r.pick(directions);
    o.unit = "Service " + std::string(r.pick(objects)).substr(4, 20);
    o.grade = r.pick(grades);
    o.job_family = r.pick(jobs);
    o.location = std::to_string(1 + r.below(120)) + " rue de la République – " + r.pick(places);
    o.residency_requirement = r.below(2) ? std::optional<std::string>("3 ans") : std::nullopt;
    o.posted_on = o.reference_date;
    o.deadline = o.posted_on->plus_days(static_cast<std::int64_t>(14 + r.below(30)));
    o.availability = "dès que possible";
    o.org_position = "N - " + std::to_string(1 + r.below(3)) + " (par rapport au directeur opérationnel)";
    o.supervisor = "Chef(fe) de service";
    o.managed_staff = {std::to_string(r.below(12)), std::to_string(r.below(6)), "0"};
    o.description = {sentence(r) + " " + sentence(r), sentence(r)};
    o.missions = {sentence(r) + " " + sentence(r) + " " + sentence(r)};
    activity_section main_s{activity_kind::main, "Pilotage et coordination", {}};
    for (int k = 0; k < 10; ++k) main_s.items.push_back(sentence(r));
    activity_section main_t{activity_kind::main, "Gestion administrative et budgétaire", {}};
    for (int k = 0; k < 6; ++k) main_t.items.push_back(sentence(r));
    activity_section sec{activity_kind::secondary, std::nullopt, {sentence(r), sentence(r), sentence(r)}};
    o.activities = {main_s, main_t, sec};
    o.profile = {{"Savoir / Connaissance / Diplôme exigé", {"Bac + 3 minimum", sentence(r), sentence(r)}},
                 {"Savoir-faire", {sentence(r), sentence(r), sentence(r), sentence(r)}},
                 {"Savoir-être", {"Rigueur", "Sens du service public", "Esprit d’équipe", "Discrétion"}}};
    o.conditions = {"Habilitations, permis nécessaires pour l’exercice des fonctions : Permis B",
                    "Déplacements fréquents en brousse et dans les îles"};
    o.how_to_apply = {
        "Les candidatures (lettre de motivation, CV, dernier arrêté) doivent être adressées à "
        "recrutement@example.nc avant la date limite."};
    o.contacts = {
        {"Jean-Pierre Wéa", "Chef de service", "jp.wea@example.nc", "26 " + std::to_string(10 + r.below(89)) + " 00"}};
    o.url = "https://emploi.example.nc/offres/" + std::to_string(i);
    o.extra.set("Relations fonctionnelles", "Directions opérationnelles, prestataires");
    // As offerkit writes offers: with their canonical keys (a reader then keeps them).
    referential::builtin().canonicalize(o);
    return o;
}

/// `n` offers of the corpus `seed`.
inline std::vector<job_offer> make_offers(std::size_t n, std::uint64_t seed = 42) {
    std::vector<job_offer> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(make_offer(i, seed));
    return out;
}

}  // namespace offerkit::bench
