// Fuzz harness: draw.io diagrams (store::importDrawio), as `gemba-cli import-drawio` and
// File > Import draw.io Diagram read them, within small limits so that a run stays fast. Any
// input either becomes maps or is refused with an InputError that leaves the project as it
// was; the figures of imported maps are finite; and what was imported exports and reads back.
#include "gemba/store/drawio.h"
#include "gemba/store/errors.h"
#include "harness_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    model::Project project;
    const model::Project before = project;
    store::DrawioImportOptions options;
    options.demandPerDay = 100;
    options.limits.maxFileBytes = 1 << 20;
    options.limits.maxInflatedBytes = 4 << 20;
    options.limits.maxElements = 20000;
    store::DrawioImportReport report;
    try {
        store::importDrawio(project, fuzz::asText(data, size), "fuzz.drawio", options, report);
    } catch (const store::InputError&) {
        if (!(project == before))
            fuzz::fail("drawio", "a refused import changed the project");
        return 0;
    }
    fuzz::checkMetrics("drawio", project);
    std::vector<const model::Map*> maps;
    for (const model::Map& map : project.maps)
        maps.push_back(&map);
    model::Project back;
    store::DrawioImportReport again;
    try {
        store::importDrawio(back, store::exportDrawio(project, maps), "export.drawio", {}, again);
    } catch (const store::InputError&) {
        fuzz::fail("drawio", "an exported diagram was refused");
    }
    if (back.maps.size() != project.maps.size())
        fuzz::fail("drawio", "an exported diagram read back with another number of maps");
    return 0;
}
