// Fuzz harness: draw.io documents (store::importDrawio), as `gemba-cli import-drawio` and the
// editor's File > Import draw.io read them, plain or compressed. Any input adds maps or is
// refused with an InputError that leaves the project as it was; the figures of imported maps
// are never infinite.
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "harness_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    model::Project project;
    const model::Project before = project;
    store::DrawioImportReport report;
    try {
        store::importDrawio(project, fuzz::asText(data, size), "fuzz.drawio", {}, report);
    } catch (const store::InputError&) {
        if (!(project == before))
            fuzz::fail("drawio", "a refused import changed the project");
        return 0;
    }
    (void)report.text();
    (void)report.json();
    fuzz::checkMetrics("drawio", project);
    return 0;
}
