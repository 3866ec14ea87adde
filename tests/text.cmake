offerkit_add_test(text)
