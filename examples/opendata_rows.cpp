// Offers as the employers' open data: read postings, print their rows in the
// columns of the DRHFPNC AVP dataset (data.gouv.nc), as the `csv` format does.
//
//     example_opendata_rows examples/postings/*.md > avp.csv
#include <offerkit/offerkit.hpp>

#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    const auto names = offerkit::opendata::columns();
    std::string out;
    offerkit::opendata::append_csv_line(out, std::vector<std::string>(names.begin(), names.end()));
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        try {
            offerkit::offer_reader reader(argv[i]);  // the format found from the content
            offerkit::job_offer offer;
            offerkit::diagnostics warnings;
            while (reader.next(offer, warnings))
                offerkit::opendata::append_csv_line(out, offerkit::opendata::row_of(offer));
            for (const auto& w : warnings) std::cerr << w.to_string() << '\n';
        } catch (const offerkit::error& e) {
            std::cerr << e.what() << '\n';
            status = 1;
        }
    }
    std::cout << out;
    return status;
}
