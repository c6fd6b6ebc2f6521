// Fuzz harness: JSON projects (store::readJsonText), as `gemba-cli import-json` and the
// editor's File > Import JSON read them. Any input is a project or an InputError; a project
// read is written back and reads again to the same project.
#include "gemba/store/errors.h"
#include "gemba/store/json_format.h"
#include "harness_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    model::Project project;
    try {
        project = store::readJsonText(fuzz::asText(data, size), "fuzz.json");
    } catch (const store::InputError&) {
        return 0;
    }
    const std::string again = store::toJson(project).dump();
    try {
        if (!(store::readJsonText(again, "again.json") == project))
            fuzz::fail("json_project", "a project written back reads as another project");
    } catch (const store::InputError&) {
        fuzz::fail("json_project", "a project read cannot be read again once written");
    }
    fuzz::checkMetrics("json_project", project);
    return 0;
}
