// The Catch2 main for every offerkit test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
