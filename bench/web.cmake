offerkit_add_bench(web LIBRARIES offerkit::web offerkit::json)
