// An embedding application that links every installed target statically:
// offerkit::core_static and each plugin's static library, registered with one
// call each (no plugin module is loaded). Writes one offer in every format.
//
//     consumer_static OUTPUT_DIR
#include <offerkit/offerkit.hpp>
#include <offerkit/plugins/json.hpp>
#ifdef CONSUMER_HAS_PDF
#include <offerkit/plugins/pdf.hpp>
#endif
#ifdef CONSUMER_HAS_XLSX
#include <offerkit/plugins/xlsx.hpp>
#endif
#ifdef CONSUMER_HAS_JSONLD
#include <offerkit/plugins/jsonld.hpp>
#endif

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer_static OUTPUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    try {
        offerkit::registry registry;
        offerkit::plugins::register_json(registry);
#ifdef CONSUMER_HAS_PDF
        offerkit::plugins::register_pdf(registry);
#endif
#ifdef CONSUMER_HAS_XLSX
        offerkit::plugins::register_xlsx(registry);
#endif
#ifdef CONSUMER_HAS_JSONLD
        offerkit::plugins::register_jsonld(registry);
#endif
        offerkit::job_offer o;
        o.reference = "9001-26-0901/SR";
        o.title = "Agent(e) d’accueil";
        o.employer = "Commune de Bourail";
        o.posted_on = offerkit::date::parse_iso("2026-10-05");
        o.deadline = offerkit::date::parse_iso("2026-10-30");
        o.url = "https://emploi.example.nc/offres/9001-26-0901";
        for (const auto& e : registry.list()) {
            const auto& info = e.object->info();
            offerkit::option_map options;
            if (info.name == "xlsx") options = {{"month", "2026-10"}, {"as-of", "2026-11-02"}};
            offerkit::export_target target;
            target.path = e.object->layout(options) == offerkit::output_layout::file_per_offer
                              ? out / info.name
                              : out / ("static-" + info.name + info.extension);
            offerkit::diagnostics diags;
            auto session = e.object->begin(target, options, diags);
            session->write(o);
            for (const auto& f : session->finish()) std::cout << info.name << ' ' << f.string() << '\n';
        }
    } catch (const offerkit::error& e) {
        std::cerr << "consumer_static: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
