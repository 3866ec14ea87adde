offerkit_add_test(rules)
