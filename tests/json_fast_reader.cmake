# The SAX fast path of the canonical JSON reader (an internal of the core):
# the test includes src/ headers and the bench corpus generator.
offerkit_add_test(json_fast_reader INTERNALS LIBRARIES Boost::json)
if(TARGET test_json_fast_reader)
  target_include_directories(test_json_fast_reader PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/bench)
endif()
