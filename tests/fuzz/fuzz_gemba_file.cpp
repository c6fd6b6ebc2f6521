// Fuzz harness: .gemba project files (store::openProject), as the editor and every gemba-cli
// command open them. Any file is a project or an InputError, and opening leaves the file as
// it was.
#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"
#include "harness_support.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace {

/// One file per process, in a folder of its own (openProject reads a path), removed at exit.
struct InputFolder {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("gemba-fuzz-" + std::to_string(::getpid()));
    std::filesystem::path file = dir / "input.gemba";
    InputFolder() { std::filesystem::create_directories(dir); }
    ~InputFolder() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

const std::filesystem::path& inputFile() {
    static const InputFolder folder;
    return folder.file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gemba;
    const std::filesystem::path& file = inputFile();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    model::Project project;
    bool opened = true;
    try {
        project = store::openProject(file);
    } catch (const store::InputError&) {
        opened = false;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (after != fuzz::asText(data, size))
        fuzz::fail("gemba_file", "opening changed the file");
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path()))
        if (entry.path() != file)
            fuzz::fail("gemba_file", "opening left a file beside the project");
    if (opened)
        fuzz::checkMetrics("gemba_file", project);
    return 0;
}
