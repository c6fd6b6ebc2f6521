// Fuzz harness: CSV step tables (store::importCsvSteps), as `gemba-cli import-csv` reads them.
// Any input either becomes a map or is refused with an InputError that leaves the project as
// it was; the figures of an imported map are never infinite.
#include "gemba/store/csv_steps.h"
#include "gemba/store/errors.h"
#include "harness_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    model::Project project;
    model::System crm;
    crm.id = project.allocateId();
    crm.name = "CRM";
    project.systems.emplace(crm.id, crm);
    const model::Project before = project;
    store::CsvImportOptions options;
    options.demandPerDay = 12;
    try {
        store::importCsvSteps(project, fuzz::asText(data, size), "fuzz.csv", options);
    } catch (const store::InputError&) {
        if (!(project == before))
            fuzz::fail("csv_steps", "a refused import changed the project");
        return 0;
    }
    fuzz::checkMetrics("csv_steps", project);
    return 0;
}
