// An embedding application: creates an offer in code, registers its own
// in-process exporter next to the built-in json plugin and the installed plugin
// modules, and writes every requested format.
//
//     consumer OUTPUT_DIR FORMAT...     (e.g. consumer out pdf xlsx json titles)
#include <offerkit/offerkit.hpp>
#include <offerkit/plugins/json.hpp>

#include <iostream>

namespace {

// The application's own exporter: one line per offer.
class titles_exporter final : public offerkit::exporter {
public:
    const offerkit::exporter_info& info() const noexcept override {
        static const offerkit::exporter_info i{
            "titles", "reference and title, one line per offer", ".txt", "text/plain", {}};
        return i;
    }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::single_file;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target& target, const offerkit::option_map&,
                                                    offerkit::diagnostics&) const override {
        struct session final : offerkit::export_session {
            offerkit::atomic_output out;
            explicit session(const std::filesystem::path& p) : out(p) {}
            void write(const offerkit::job_offer& o) override {
                out.stream() << o.reference << '\t' << o.title << '\n';
            }
            std::vector<std::filesystem::path> finish() override {
                out.commit();
                return {out.final_path()};
            }
        };
        return std::make_unique<session>(target.path);
    }
};

offerkit::job_offer make_offer() {
    offerkit::job_offer o;
    o.reference = "9001-26-0900/SR";
    o.title = "DAF – Contrôleur(euse) de gestion";
    o.employer = "Province des Îles Loyauté";
    o.direction = "Direction des affaires financières";
    o.location = "Wé, Lifou";
    o.posted_on = offerkit::date::parse_iso("2026-10-12");
    o.deadline = offerkit::date::parse_iso("2026-11-06");
    o.missions = {"Fiabiliser le pilotage budgétaire de la province."};
    o.activities = {{offerkit::activity_kind::main,
                     "Contrôle de gestion",
                     {"Construire les tableaux de bord", "Analyser les écarts budgétaires"}}};
    o.contacts = {{"Paul Wahetra", "Directeur financier", "paul.wahetra@example.nc", "45 00 00"}};
    o.url = "https://emploi.example.nc/offres/9001-26-0900";
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: consumer OUTPUT_DIR FORMAT...\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    try {
        offerkit::registry registry;
        offerkit::plugins::register_json(registry);         // statically linked plugin
        registry.add(std::make_shared<titles_exporter>());  // the application's own exporter
        for (const auto& f : registry.load_search_path(offerkit::registry::default_search_path()))
            std::cerr << "warning: " << f.message << '\n';  // installed plugin modules

        const offerkit::job_offer offer = make_offer();
        for (int i = 2; i < argc; ++i) {
            const offerkit::exporter& e = registry.get(argv[i]);
            offerkit::diagnostics diags;
            offerkit::option_map options;
            if (e.info().name == "xlsx") options = {{"month", "2026-10"}, {"as-of", "2026-11-02"}};
            offerkit::export_target target;
            if (e.layout(options) == offerkit::output_layout::file_per_offer) {
                target.path = out / e.info().name;
                offerkit::ensure_directory(target.path);
            } else {
                target.path = out / ("offer" + e.info().extension);
            }
            auto session = e.begin(target, options, diags);
            session->write(offer);
            for (const auto& file : session->finish()) std::cout << file.string() << '\n';
            for (const auto& d : diags) std::cerr << d.to_string() << '\n';
        }
    } catch (const offerkit::error& e) {
        std::cerr << "consumer: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
