offerkit_add_test(date)
