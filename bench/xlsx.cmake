offerkit_add_bench(xlsx LIBRARIES offerkit::xlsx)
