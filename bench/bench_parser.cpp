// Posting parser throughput: MB/s of posting text read by offerkit::parse_posting.
//
// The posting text is generated here, deterministically (same bytes on every
// run and machine): plain-text and Markdown postings in the style of the real
// ones (glued labels, bold markers, wrapped values, bullets, headings,
// letterhead noise, French dates). BM_ParseLargePosting parses one posting of
// 2 MB and one of 20 MB: equal MB/s show the parser is linear.
#include "corpus.hpp"

#include <offerkit/posting_parser.hpp>
#include <offerkit/text.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using offerkit::bench::rng;  // corpus.hpp: the same deterministic generator as the other benchmarks

constexpr std::array<std::string_view, 8> directions = {"DSI", "DT", "DPSP", "DRHFP", "DINUM", "DAF", "DDI", "DSB"};
constexpr std::array<std::string_view, 10> jobs = {
    "Chargé(e) de projet",        "Technicien(ne) réseaux", "Gestionnaire de paie", "Chef(fe) de section",
    "Assistant(e) commercial(e)", "Infirmier(ère)",         "Développeur(se)",      "Chargé(e) d'études",
    "Agent(e) d'accueil",         "Responsable qualité"};
constexpr std::array<std::string_view, 6> employers = {"Office des postes et télécommunications",
                                                       "Nouvelle-Calédonie",
                                                       "Province Sud",
                                                       "Province Nord",
                                                       "Province des îles Loyauté",
                                                       "Centre hospitalier du Nord"};
constexpr std::array<std::string_view, 12> verbs = {"Piloter",     "Assurer", "Contrôler",  "Garantir",
                                                    "Accompagner", "Rédiger", "Analyser",   "Coordonner",
                                                    "Élaborer",    "Suivre",  "Développer", "Participer à"};
constexpr std::array<std::string_view, 12> objects = {
    "les indicateurs de performance du service",    "la qualité de service rendue aux usagers",
    "les projets de modernisation de la direction", "le budget et les dépenses de la section",
    "la relation avec les clients professionnels",  "les procédures internes et leur mise à jour",
    "les équipes placées sous sa responsabilité",   "le reporting d'activité auprès de la hiérarchie",
    "les dossiers administratifs des agents",       "la maintenance des équipements du réseau",
    "les campagnes de communication multicanales",  "la sécurité des systèmes d'information"};
constexpr std::array<std::string_view, 10> qualities = {"Rigueur",
                                                        "Sens de l'organisation",
                                                        "Aisance relationnelle",
                                                        "Esprit d'équipe",
                                                        "Réactivité",
                                                        "Faire preuve de discrétion",
                                                        "Capacité d'adaptation",
                                                        "Être autonome",
                                                        "Sens du service public",
                                                        "Esprit de synthèse"};

std::string date_text(rng& r, int month) {
    return "vendredi " + std::to_string(1 + r.below(28)) + " " + std::string(offerkit::text::month_name(month + 1)) +
           " 2026";
}

std::string item(rng& r) {
    return std::string(r.pick(verbs)) + " " + std::string(r.pick(objects)) + ", en lien avec " +
           std::string(r.pick(objects)) + ".";
}

// Sizes: the real converted postings are 5 to 9 KB (average about 6.5 KB);
// the generated ones average about the same.

/// One posting in the plain-text style of the seeds.
std::string plain_posting(rng& r, std::size_t n, std::size_t activities) {
    std::string s;
    const int m = static_cast<int>(r.below(11));
    s += "# " + std::string(r.pick(directions)) + " – " + std::string(r.pick(jobs)) + " – Service " +
         std::to_string(n % 97) + "\n\nQPT\n\nLE MONDE À PORTÉE DE MAIN\n\nwww.opt.nc\n\n";
    s += "Référence : 9" + std::to_string(100 + n % 900) + "-26-" + std::to_string(1000 + n % 9000) + "/SR du " +
         date_text(r, m).substr(9) + "\n\n";
    s += "Employeur : " + std::string(r.pick(employers)) + "\n\n";
    s += "Corps ou Cadre d’emploi /Domaine : Cadre / Administration générale\n\n";
    s += "Direction : Direction des systèmes d’information\n\n";
    s += "Lieu de travail : Immeuble Exemple - " + std::to_string(1 + r.below(99)) + " rue de la Paix - Nouméa\n\n";
    s += "Durée de résidence exigée pour le recrutement sur titre (1) : /\n\n";
    s += "Date de dépôt de l’offre : " + date_text(r, m) + "\n\n";
    s += "Date limite de candidature : " + date_text(r, m + 1) + "\n\n";
    s +=
        "# Détails de l’offre :\n\nEmploi RESPNC : Chargé d'études\n\n# Missions :\n\n" + item(r) + " " + item(r) +
        "\n\nUnité organisationnelle : Service des moyens\n\nPlace dans l’organigramme : N - 2 (par rapport au "
        "directeur opérationnel)\n\nFonction du supérieur hiérarchique direct : Directeur adjoint\n\n"
        "Nb d’agents encadrés : 0\n\n- directs : /\n\n- indirects : /\n\n# Activités du poste :\n\n# Principales :\n\n";
    for (std::size_t k = 0; k < activities; ++k) {
        if (k % 6 == 0) s += std::to_string(k / 6 + 1) + ". " + std::string(r.pick(objects)) + " :\n";
        s += "- " + item(r) + "\n";
    }
    s += "\n# Profil du candidat\n\nSavoir-faire :\n\n";
    for (int k = 0; k < 5; ++k) s += "• " + std::string(r.pick(verbs)) + " " + std::string(r.pick(objects)) + "\n";
    s += "\nSavoir-être :\n\n";
    for (int k = 0; k < 5; ++k) s += "– " + std::string(r.pick(qualities)) + "\n";
    s += "\n# Contact :\n\nMme Jeanne Exemple, cheffe du bureau - Tél : 27 00 " + std::to_string(10 + r.below(89)) +
         " - jeanne.exemple@example.nc\n\n# Pour postuler :\n\nLes candidatures doivent être adressées à "
         "recrutement@example.nc avant la date limite.\n\n"
         "(1) Vous trouverez la liste des pièces à fournir afin de justifier de la durée de résidence dans la "
         "notice explicative, à télécharger sur la page des avis de vacance de poste du site de l'employeur.\n\n"
         "(2) La fiche de renseignements et la demande de changement de corps ou cadre d'emploi sont à télécharger "
         "sur le même site. Toute candidature incomplète ne pourra être prise en considération.\n\n";
    return s;
}

/// One posting in the style of the converted Markdown files: front matter,
/// glued bold labels, wrapped values, nested bullets.
std::string markdown_posting(rng& r, std::size_t n, std::size_t activities) {
    std::string s;
    const int m = static_cast<int>(r.below(11));
    const std::string job(r.pick(jobs));
    s += "---\ntitle: \"" + job + "\"\nnumero: \"26-" + std::to_string(1000 + n % 9000) +
         "\"\ndate_cloture: \"2026-12-18\"\n---\n\n";
    s += "<div style=\"text-align: right;\"><a href=\"https://data.example.nc/x.pdf\">📄 Télécharger le PDF "
         "original</a></div>\n\n# " +
         job + "\n\n## **" + std::string(r.pick(directions)) + " – " + job +
         " – Service expérience client**\n\n![](_page_0_Picture_1.jpeg)\n\n";
    s += "**Référence : 9" + std::to_string(100 + n % 900) + "-26-" + std::to_string(1000 + n % 9000) + "/SR du " +
         date_text(r, m).substr(9) + "**\n\n";
    s += "**Employeur : " + std::string(r.pick(employers)) + "**\n\n";
    s += "**Corps ou Cadre d'emploi / Domaine** Cadre d'exploitation **Direction** de la poste et des services de "
         "proximité\n\nou Contrôleur\n\n";
    s += "**Durée de résidence exigée pour le recrutement sur titre (1)** /\n\n";
    s += "**Poste à pourvoir** Susceptible d'être à pourvoir dans le cadre de **Date de dépôt de l'offre** " +
         date_text(r, m) + "\n\nla réorganisation **Date limite de candidature** " + date_text(r, m + 1) + "\n\n";
    s += "**Lieu de travail** Nouméa\n\n### **Détails de l\\'offre : Avis de vacances de poste lié à la "
         "réorganisation**\n\n**Emploi RESPNC : Chargé d'affaires**\n\n**Missions** " +
         item(r) +
         "\n\nPlace dans l'organigramme : N - 3 (par rapport au directeur opérationnel)\n\n"
         "Fonction du supérieur hiérarchique directe : Chef de service\n\n## Nombre d'agents encadrés :\n\n"
         "- Directs : 0 - Indirects : 0\n\n- **Activités principales** " +
         item(r) + "\n";
    for (std::size_t k = 0; k < activities; ++k) {
        if (k % 7 == 6) s += "\n#### **" + std::string(r.pick(objects)) + "**\n\n";
        s += "  - " + item(r) + "\n";
    }
    s += "\n## **Caractéristiques particulières de l'emploi**\n\n- Habilitations, permis nécessaires pour l'exercice "
         "des fonctions : Permis B\n- Conditions de travail : /\n\n## **Profil du candidat Savoir / Connaissance / "
         "Diplôme exigé**\n\n";
    for (int k = 0; k < 4; ++k) s += std::string(r.pick(objects)) + "\n\n";
    s += "## **Savoir-faire**\n\n";
    for (int k = 0; k < 5; ++k) s += "- " + std::string(r.pick(verbs)) + " " + std::string(r.pick(objects)) + "\n";
    s += "### **Comportement professionnel**\n\n";
    for (int k = 0; k < 5; ++k) s += std::string(r.pick(qualities)) + " ";
    s += "\n\n**Contact et informations complémentaires** Le chef de projet Tel : 26.79." +
         std::to_string(10 + r.below(89)) +
         "\n\n### **Pour répondre à cette offre**\n\nLes candidatures (CV à "
         "jour, lettre de candidature) précisant la référence de l'offre doivent parvenir à la direction des "
         "ressources humaines par mail : [recrutement@example.nc](mailto:recrutement@example.nc)\n\n"
         "- Dépôt physique : Direction générale 2 rue de l'Exemple 98800 Nouméa\n- Voie postale : même adresse\n\n"
         "*Les candidatures de fonctionnaires doivent être transmises sous couvert de la voie hiérarchique*\n\n"
         "(1) Vous trouverez la liste des pièces à fournir afin de justifier de la durée de résidence dans la "
         "notice explicative, à télécharger sur la page des avis de vacance de poste du site de l'employeur.\n\n"
         "(2) La fiche de renseignements et la demande de changement de corps ou cadre d'emploi sont à télécharger "
         "sur le même site. Toute candidature incomplète ne pourra être prise en considération.\n\n";
    return s;
}

std::vector<std::string> corpus(std::size_t n) {
    rng r(2026);
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        v.push_back(i % 2 ? markdown_posting(r, i, 16 + r.below(16)) : plain_posting(r, i, 14 + r.below(16)));
    return v;
}

void BM_ParsePostings(benchmark::State& state) {
    const auto docs = corpus(400);
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    std::size_t fields = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            offerkit::diagnostics diags;
            const auto offer = offerkit::parse_posting(docs[i], "bench", diags);
            fields += offer.activities.size();
            benchmark::DoNotOptimize(offer.reference.data());
        }
    }
    if (fields == 0) throw std::runtime_error("the generated postings were not read");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
    state.counters["avg_posting_bytes"] = static_cast<double>(bytes) / static_cast<double>(docs.size());
}
BENCHMARK(BM_ParsePostings)->Unit(benchmark::kMillisecond);

/// One posting of about `range(0)` MB (a very long list of activities).
void BM_ParseLargePosting(benchmark::State& state) {
    const std::size_t target = static_cast<std::size_t>(state.range(0)) * 1000 * 1000;
    rng r(7);
    // an item is about 120 bytes
    std::string doc = markdown_posting(r, 1, target / 120);
    std::size_t items = 0;
    for (auto _ : state) {
        offerkit::diagnostics diags;
        const auto offer = offerkit::parse_posting(doc, "bench", diags);
        items = 0;
        for (const auto& a : offer.activities) items += a.items.size();
        benchmark::DoNotOptimize(items);
    }
    if (items < target / 240) throw std::runtime_error("the large posting was not read");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.size()));
    state.counters["input_MB"] = static_cast<double>(doc.size()) / 1e6;
}
BENCHMARK(BM_ParseLargePosting)->Arg(2)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace
