// The main of the test executables that need no Qt.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
