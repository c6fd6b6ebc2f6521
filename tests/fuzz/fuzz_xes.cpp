// Fuzz harness: XES event logs (store::readXes, expat), as `gemba-cli import-events` reads a .xes
// file. Any input is a log or an InputError naming the row and column (or XES line); a log read
// whole or not at all.
#include "gemba/store/errors.h"
#include "gemba/store/events.h"
#include "harness_support.h"

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    std::istringstream in(std::string(fuzz::asText(data, size)));
    try {
        const model::EventLog log = store::readXes(in, "fuzz.log", {});
        fuzz::checkEventLog("xes", log);
    } catch (const store::InputError&) {
    }
    return 0;
}
