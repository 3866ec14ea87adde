// Writes the benchmark corpus as canonical JSON Lines: offers 0..N-1 of
// offerkit::bench::make_offers(N, SEED) (bench/corpus.hpp), one per line.
// Deterministic: the same N and SEED give the same bytes on every machine.
//
//   offerkit_make_corpus N [SEED] OUT.jsonl      (SEED defaults to 42)
#include "corpus.hpp"

#include <offerkit/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: offerkit_make_corpus N [SEED] OUT.jsonl\n";
        return 2;
    }
    try {
        const auto n = static_cast<std::size_t>(std::stoull(argv[1]));
        const std::uint64_t seed = argc == 4 ? std::stoull(argv[2]) : 42;
        const std::string path = argv[argc - 1];
        const std::string tmp = path + ".tmp";
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            std::cerr << "offerkit_make_corpus: cannot write " << tmp << '\n';
            return 1;
        }
        std::string buffer;
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < n; ++i) {
            offerkit::append_json(buffer, offerkit::bench::make_offer(i, seed), {false});
            buffer += '\n';
            if (buffer.size() > (1u << 20)) {
                out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                bytes += buffer.size();
                buffer.clear();
            }
        }
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        bytes += buffer.size();
        out.close();
        if (!out) {
            std::cerr << "offerkit_make_corpus: writing " << tmp << " failed\n";
            return 1;
        }
        if (std::rename(tmp.c_str(), path.c_str()) != 0) {
            std::cerr << "offerkit_make_corpus: cannot rename " << tmp << " to " << path << '\n';
            return 1;
        }
        std::cout << n << " offers, " << bytes << " bytes (" << (n ? bytes / n : 0) << " per offer) -> " << path
                  << '\n';
    } catch (const std::exception& e) {
        std::cerr << "offerkit_make_corpus: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
