# Facts cross-checked and repaired (offerkit/facts.hpp), and the batch review on the real data (the CLI).
offerkit_add_test(facts LIBRARIES Boost::json)
if(TARGET offerkit_pdf_module)
  add_dependencies(test_facts offerkit_pdf_module)
  target_compile_definitions(test_facts PRIVATE OFFERKIT_TEST_WITH_PDF=1)
endif()
