offerkit_add_test(web LIBRARIES offerkit::web)
