offerkit_add_test(brand)
