offerkit_add_test(batch)
