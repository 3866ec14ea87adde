offerkit_add_test(pdf LIBRARIES offerkit::pdf)
