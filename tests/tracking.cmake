offerkit_add_test(tracking)
