// An application-defined exporter registered in-process: a CSV of references
// and deadlines, written safely (temporary file + rename).
//
//     example_custom_exporter offers.jsonl out.csv
#include <offerkit/offerkit.hpp>

#include <iostream>

namespace {

class deadline_csv_exporter final : public offerkit::exporter {
public:
    const offerkit::exporter_info& info() const noexcept override {
        static const offerkit::exporter_info i{"deadlines-csv", "reference;title;deadline", ".csv", "text/csv", {}};
        return i;
    }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::single_file;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target& target,
                                                    const offerkit::option_map& options,
                                                    offerkit::diagnostics&) const override {
        offerkit::check_options(info(), options);
        return std::make_unique<session>(target.path);
    }

private:
    struct session final : offerkit::export_session {
        offerkit::atomic_output file;
        explicit session(const std::filesystem::path& p) : file(p) { file.stream() << "reference;title;deadline\n"; }
        void write(const offerkit::job_offer& o) override {
            file.stream() << o.reference << ';' << o.title << ';' << (o.deadline ? o.deadline->to_iso() : "") << '\n';
        }
        std::vector<std::filesystem::path> finish() override {
            file.commit();
            return {file.final_path()};
        }
    };
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: example_custom_exporter INPUT OUTPUT.csv\n";
        return 2;
    }
    offerkit::registry registry;
    registry.add(std::make_shared<deadline_csv_exporter>());
    try {
        offerkit::diagnostics diags;
        auto session = registry.get("deadlines-csv").begin({argv[2], nullptr}, {}, diags);
        offerkit::offer_reader reader(argv[1]);
        offerkit::job_offer offer;
        while (reader.next(offer, diags)) session->write(offer);
        for (const auto& f : session->finish()) std::cout << "wrote " << f.string() << '\n';
    } catch (const offerkit::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
