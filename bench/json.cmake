offerkit_add_bench(json)
if(TARGET bench_json)
  target_link_libraries(bench_json PRIVATE Boost::json)
endif()
