// The csv plugin: offers as rows of the employers' open data, in the DRHFPNC
// AVP dataset's columns and conventions (offerkit/opendata.hpp); RFC 4180.
#include "csv_exporter.hpp"

#include <offerkit/error.hpp>
#include <offerkit/opendata.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/text_safety.hpp>

namespace offerkit::csv_plugin {

namespace {

class csv_session final : public export_session {
public:
    csv_session(const export_target& target, bool bom, char separator, diagnostics& diags)
        : out_(target, "csv"), separator_(separator), diags_(diags) {
        std::string head = bom ? "\xEF\xBB\xBF" : "";
        const auto names = opendata::columns();
        const std::vector<std::string> header(names.begin(), names.end());
        opendata::append_csv_line(head, header, separator_);
        out_.write(head);
    }
    void write(const job_offer& offer) override {
        // XML's repertoire is a spreadsheet's too: no stray control character in a cell.
        job_offer copy;
        const job_offer& o = fitted(offer, copy, text_repertoire::xml, "csv", diags_);
        line_.clear();
        opendata::append_csv_line(line_, opendata::row_of(o), separator_);
        out_.write(line_);
    }
    std::vector<std::filesystem::path> finish() override { return out_.commit(); }

private:
    export_output out_;
    char separator_;
    diagnostics& diags_;
    std::string line_;
};

}  // namespace

const exporter_info& csv_exporter::info() const noexcept {
    static const exporter_info i{
        "csv",
        "the employers' open data: DRHFPNC AVP rows (data.gouv.nc), RFC 4180",
        ".csv",
        "text/csv",
        {{"bom", "start with a UTF-8 byte order mark, for Excel (true/false)", "false", false},
         {"separator", "the field separator: \",\" (RFC 4180) or \";\" (a French spreadsheet's)", ",", false}}};
    return i;
}

std::unique_ptr<export_session> csv_exporter::begin(const export_target& target, const option_map& options,
                                                    diagnostics& diags) const {
    check_options(info(), options);
    const bool bom = option_bool(options, "bom", false);
    const std::string sep = option_or(options, "separator", ",");
    if (sep != "," && sep != ";")
        throw error(errc::invalid_option,
                    "csv: option separator=" + excerpt(sep) + " is not a separator offerkit writes: \",\" or \";\"");
    return std::make_unique<csv_session>(target, bom, sep[0], diags);
}

}  // namespace offerkit::csv_plugin
