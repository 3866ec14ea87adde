#include "support/test_support.hpp"

#include <offerkit/referential.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace offerkit::testing {

namespace fs = std::filesystem;

fs::path source_dir() { return OFFERKIT_SOURCE_DIR; }
fs::path tests_dir() { return OFFERKIT_TESTS_DIR; }
fs::path binary_dir() { return OFFERKIT_BINARY_DIR; }
fs::path cli_path() { return OFFERKIT_CLI; }
std::string python() { return OFFERKIT_PYTHON; }

namespace {
bool skip_noted = false;
}  // namespace

void note_skip() { skip_noted = true; }
bool skipped() { return skip_noted; }
bool in_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string_view(ci) == "true";
}

std::optional<fs::path> shared_dir() {
    if (const char* env = std::getenv("OFFERKIT_SHARED_DIR"); env && *env && fs::is_directory(env))
        return fs::path(env);
    fs::path p = source_dir().parent_path() / "shared";
    if (fs::is_directory(p / "spec")) return p;
    return std::nullopt;
}

temp_dir::temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "offerkit-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}
temp_dir::~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, std::string_view content) {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string shell_quote(std::string_view s) {
    std::string r = "'";
    for (char c : s) {
        if (c == '\'')
            r += "'\\''";
        else
            r += c;
    }
    return r + "'";
}

std::string cli_command() { return "env -u OFFERKIT_PLUGIN_PATH " + shell_quote(cli_path().string()); }

command_result run(const std::string& command) {
    command_result r;
    std::string full = "( " + command + " ) 2>&1";
    FILE* pipe = popen(full.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed for: " + command);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
    int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

job_offer full_offer() {
    job_offer o;
    o.reference = "9001-25-0042/SR";
    o.reference_date = date::from_ymd(2025, 5, 16);
    o.title = "DSI – Chargé(e) d’études « systèmes » et réseaux";
    o.employer = "Office des postes et télécommunications";
    o.direction = "Direction des systèmes d’information";
    o.unit = "Service Études & Développements";
    o.grade = "Cadre d’emploi / Domaine : Technique";
    o.job_family = "Ingénieur système";
    o.location = "Immeuble Île-de-Pins – 12 rue de l’Alma, Nouméa";
    o.residency_requirement = "3 ans";
    o.posted_on = date::from_ymd(2025, 5, 16);
    o.deadline = date::from_ymd(2025, 6, 6);
    o.availability = "vacant à partir du 01/07/2025";
    o.available_from = date::from_ymd(2025, 7, 1);
    o.openings = 2;
    o.org_position = "N - 2 (par rapport au directeur opérationnel)";
    o.supervisor = "Chef du service Études";
    o.managed_staff = {"3 à 4", "3", "0"};
    o.description = {"Au sein de la DSI, l’équipe conçoit les applications métiers.",
                     "Poste ouvert aux agents titulaires et contractuels."};
    o.missions = {"Concevoir, développer et maintenir les applications de l’Office."};
    o.activities = {
        {activity_kind::main, "Management", {"Encadrer l’équipe de 3 agents", "Piloter les projets « cœur »"}},
        {activity_kind::main, std::nullopt, {"Rédiger les spécifications"}},
        {activity_kind::secondary, std::nullopt, {"Assurer la veille technologique", "Former les utilisateurs"}},
    };
    o.profile = {
        {"Savoir / Connaissance / Diplôme exigé", {"Bac + 5 en informatique", "Réseaux IP"}},
        {"Savoir-faire", {"Conduire un projet"}},
        {"Savoir-être", {"Rigueur", "Esprit d’équipe"}},
    };
    o.conditions = {"Habilitations, permis nécessaires pour l’exercice des fonctions : Permis B",
                    "Astreintes possibles le week-end"};
    o.how_to_apply = {"Les candidatures (lettre de motivation et CV) doivent être adressées à recrutement@example.nc.",
                      "(1) Sous réserve des dispositions de la loi du pays."};
    o.contacts = {{"Marie Dupont-Wéa", "Cheffe du service Études", "marie.dupont@example.nc", "26 12 34"},
                  {std::nullopt, "Secrétariat DSI", std::nullopt, "+687 26 00 00"}};
    o.url = "https://emploi.example.nc/offres/9001-25-0042";
    o.document_url = "https://emploi.example.nc/offres/9001-25-0042.pdf";
    o.links.push_back({"how_to_apply", "télécharger", "https://emploi.example.nc/formulaire.pdf"});
    o.status = offer_status::filled;
    o.events = {
        {event_kind::published, date::from_ymd(2025, 5, 16), std::nullopt, std::nullopt, "suivi.csv:2"},
        {event_kind::republished, date::from_ymd(2025, 6, 9), "9001-25-0042/SR bis", "Deuxième appel", "suivi.csv:3"},
        {event_kind::filled, date::from_ymd(2025, 7, 4), std::nullopt, "Commission du 3 juillet", "suivi.csv:5"}};
    o.applications = 14;
    o.posts_filled = 1;
    o.start_date = date::from_ymd(2025, 8, 1);
    o.republication_of = "9001-25-0017/SR";
    o.extra.set("Relations fonctionnelles", "Direction financière, prestataires");
    o.extra.set("Régime indemnitaire", "Prime de technicité — 15 %");
    o.repairs.push_back({"deadline", "weekday-mismatch", "2028-06-16", "2025-06-16", "lundi 16 juin 2028",
                         "16 June 2028 is a Friday; 16 June 2025 is a Monday", "9001.md:12"});
    referential::builtin().canonicalize(o);  // the keys offerkit gives it: every one set
    return o;
}

job_offer with_keys(job_offer o) {
    if (o.canonical.empty()) referential::builtin().canonicalize(o);
    return o;
}

std::vector<job_offer> with_keys(std::vector<job_offer> offers) {
    for (auto& o : offers) o = with_keys(std::move(o));
    return offers;
}

job_offer minimal_offer() {
    job_offer o;
    o.reference = "9001-25-0001/SR";
    o.title = "Agent d’accueil";
    o.employer = "Gouvernement de la Nouvelle-Calédonie";
    return o;
}

}  // namespace offerkit::testing
