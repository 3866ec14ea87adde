offerkit_add_test(csv LIBRARIES offerkit::csv)
