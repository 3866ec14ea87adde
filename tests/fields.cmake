offerkit_add_test(fields LIBRARIES Boost::json)
