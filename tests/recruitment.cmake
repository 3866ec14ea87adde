offerkit_add_test(recruitment LIBRARIES offerkit::summary Boost::json)
