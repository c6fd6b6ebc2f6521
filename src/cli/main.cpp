#include "cli.h"

#include <iostream>

// gemba-cli never calls setlocale(): it runs in the "C" locale, so every number it prints or
// reads uses a decimal point whatever the user's LANG says. A command that creates a
// QGuiApplication (which calls setlocale(LC_ALL, "")) must set LC_NUMERIC back to "C" after
// it; cli_tests checks the output under a German locale.
int main(int argc, char** argv) {
    std::vector<std::string> arguments(argv + (argc > 0 ? 1 : 0), argv + argc);
    const int code = gemba::cli::run(arguments, std::cout, std::cerr);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "gemba-cli: could not write to standard output\n";
        return 2;
    }
    return code;
}
