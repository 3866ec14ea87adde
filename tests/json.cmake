offerkit_add_test(json LIBRARIES offerkit::json)
