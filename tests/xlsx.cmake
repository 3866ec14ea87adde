offerkit_add_test(xlsx LIBRARIES offerkit::xlsx)
