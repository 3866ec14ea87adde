// Fuzz target: the brand-profile reader of the pdf plugin (a JSON file).
#include <offerkit/error.hpp>
#include <offerkit/plugins/pdf.hpp>

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // load_brand reads a file: give it one (in memory-backed /dev/shm when there).
    static const std::string path = [] {
        const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        return std::string(dir) + "/offerkit-fuzz-brand-" + std::to_string(::getpid()) + ".json";
    }();
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    try {
        const auto b = offerkit::plugins::pdf::load_brand(path);
        (void)b;
    } catch (const offerkit::error&) {
    }
    std::remove(path.c_str());
    return 0;
}
