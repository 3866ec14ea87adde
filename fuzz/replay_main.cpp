// Runs a fuzz target on files (or every file of directories) without libFuzzer:
// the regression tests of the fuzz targets in the ordinary build.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    std::size_t count = 0;
    auto run = [&count](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++count;
    };
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path p = argv[i];
        if (std::filesystem::is_directory(p)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(p))
                if (e.is_regular_file()) run(e.path());
        } else if (std::filesystem::exists(p)) {
            run(p);
        }
    }
    // Each input passes by being run without a crash, a sanitizer report or a
    // hang; none found means nothing was checked: a failure, not a pass.
    if (count == 0) {
        std::cout << "no input found in the given paths: nothing was replayed\n0 passed, 1 failed\n";
        return 1;
    }
    std::cout << count << " inputs replayed without a crash\n" << count << " passed, 0 failed\n";
    return 0;
}
