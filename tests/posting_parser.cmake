# The posting parser (issue 3): unit tests on fictional inputs and the accuracy
# test against hand-written expected JSON (tests/expected/postings/).
offerkit_add_test(posting_parser INTERNALS LIBRARIES PkgConfig::UTF8PROC)
target_include_directories(test_posting_parser PRIVATE ${PROJECT_SOURCE_DIR}/src)
