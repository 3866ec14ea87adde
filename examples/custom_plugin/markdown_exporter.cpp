// A third-party offerkit plugin: one Markdown file per offer.
#include <offerkit/output_file.hpp>
#include <offerkit/plugin.hpp>

#include <sstream>

namespace {

class markdown_exporter final : public offerkit::exporter {
public:
    const offerkit::exporter_info& info() const noexcept override {
        static const offerkit::exporter_info i{
            "markdown", "one Markdown file per offer", ".md", "text/markdown",
            {{"heading-level", "level of the title heading, 1 to 6", "1"}}};
        return i;
    }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::file_per_offer;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target& target,
                                                    const offerkit::option_map& options,
                                                    offerkit::diagnostics&) const override {
        offerkit::check_options(info(), options);
        const std::string level = offerkit::option_or(options, "heading-level", "1");
        if (level.size() != 1 || level[0] < '1' || level[0] > '6')
            throw offerkit::error(offerkit::errc::invalid_option, "markdown: heading-level=" + level + ": expected 1 to 6");
        return std::make_unique<session>(target.path, std::string(static_cast<std::size_t>(level[0] - '0'), '#'));
    }

private:
    class session final : public offerkit::export_session {
    public:
        session(std::filesystem::path dir, std::string hashes) : dir_(std::move(dir)), hashes_(std::move(hashes)) {}

        void write(const offerkit::job_offer& o) override {
            std::ostringstream md;
            md << hashes_ << ' ' << o.title << "\n\n";
            md << "- **Référence** : " << o.reference << '\n';
            md << "- **Employeur** : " << o.employer << '\n';
            if (o.deadline) md << "- **Date limite** : " << o.deadline->to_iso() << '\n';
            for (const auto& s : o.activities) {
                md << '\n' << hashes_ << "# " << (s.title ? *s.title : std::string(offerkit::to_string(s.kind))) << "\n\n";
                for (const auto& item : s.items) md << "- " << item << '\n';
            }
            // Files are written to a temporary name and renamed in finish().
            auto file = std::make_unique<offerkit::atomic_output>(dir_ / (offerkit::sanitize_file_stem(o.reference) + ".md"));
            file->stream() << md.str();
            files_.push_back(std::move(file));
        }
        std::vector<std::filesystem::path> finish() override {
            std::vector<std::filesystem::path> done;
            for (auto& f : files_) {
                f->commit();
                done.push_back(f->final_path());
            }
            return done;
        }

    private:
        std::filesystem::path dir_;
        std::string hashes_;
        std::vector<std::unique_ptr<offerkit::atomic_output>> files_;
    };
};

}  // namespace

OFFERKIT_PLUGIN("markdown", "1.0.0", "Markdown export (example third-party plugin)", markdown_exporter)
