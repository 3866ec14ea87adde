// A third-party offerkit plugin: one Markdown file per offer.
#include <offerkit/output_file.hpp>
#include <offerkit/plugin.hpp>

namespace {

class markdown_exporter final : public offerkit::exporter {
public:
    const offerkit::exporter_info& info() const noexcept override {
        static const offerkit::exporter_info i{"markdown",
                                               "one Markdown file per offer",
                                               ".md",
                                               "text/markdown",
                                               {{"heading-level", "level of the title heading, 1 to 6", "1"}}};
        return i;
    }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::file_per_offer;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target& target,
                                                    const offerkit::option_map& options,
                                                    offerkit::diagnostics& diags) const override {
        offerkit::check_options(info(), options);
        const std::string level = offerkit::option_or(options, "heading-level", "1");
        if (level.size() != 1 || level[0] < '1' || level[0] > '6')
            throw offerkit::error(offerkit::errc::invalid_option,
                                  "markdown: heading-level=" + level + ": expected 1 to 6");
        return std::make_unique<session>(target.path, std::string(static_cast<std::size_t>(level[0] - '0'), '#'),
                                         diags);
    }

private:
    // file_per_offer_session names the files (one owner of output names),
    // stages each one closed, and commits them all in finish().
    class session final : public offerkit::file_per_offer_session {
    public:
        session(std::filesystem::path dir, std::string hashes, offerkit::diagnostics& diags)
            : file_per_offer_session(std::move(dir), "markdown", ".md", diags), hashes_(std::move(hashes)) {}

    protected:
        void render(const offerkit::job_offer& o, offerkit::atomic_output& out) override {
            std::ostream& md = out.stream();
            md << hashes_ << ' ' << o.title << "\n\n";
            md << "- **Référence** : " << o.reference << '\n';
            md << "- **Employeur** : " << o.employer << '\n';
            if (o.deadline) md << "- **Date limite** : " << o.deadline->to_iso() << '\n';
            for (const auto& s : o.activities) {
                md << '\n'
                   << hashes_ << "# " << (s.title ? *s.title : std::string(offerkit::to_string(s.kind))) << "\n\n";
                for (const auto& item : s.items) md << "- " << item << '\n';
            }
        }

    private:
        std::string hashes_;
    };
};

}  // namespace

OFFERKIT_PLUGIN("markdown", "1.0.0", "Markdown export (example third-party plugin)", markdown_exporter)
