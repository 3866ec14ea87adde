# offerkit_make_corpus: writes the benchmark corpus (bench/corpus.hpp) as JSON
# Lines files, for scripts/bench (the whole-process runs of the CLI and of the
# Python peers in bench/peers/ read the same files).
add_executable(offerkit_make_corpus tools/make_corpus.cpp)
target_link_libraries(offerkit_make_corpus PRIVATE offerkit::core)
target_include_directories(offerkit_make_corpus PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
offerkit_set_warnings(offerkit_make_corpus)
