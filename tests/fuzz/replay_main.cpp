// Runs a fuzz harness over saved inputs, without libFuzzer: every file of the folders given
// (the seed corpus and the crashing inputs saved by `make fuzz`), then a few fixed inputs. Any
// finding aborts, so ctest reports the harness's input as a failed test; a fixed bug stays
// fixed. Usage: fuzz_replay_<harness> FOLDER...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::string& input) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!std::filesystem::is_directory(argv[i], ec))
            continue; // a harness may have no saved crashers yet
        for (const auto& entry : std::filesystem::directory_iterator(argv[i]))
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.' &&
                entry.path().extension() != ".md")
                files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::fprintf(stderr, "%s\n", file.string().c_str());
        std::ifstream in(file, std::ios::binary);
        run(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    }
    // Inputs every reader must refuse or read without harm, and seeded noise.
    int fixed = 0;
    for (const std::string& input :
         {std::string(), std::string(1, '\0'), std::string("\xEF\xBB\xBF"), std::string(4096, 'x'),
          std::string("SQLite format 3") + std::string(1, '\0')}) {
        run(input);
        ++fixed;
    }
    std::mt19937 random(8);
    for (int i = 0; i < 200; ++i) {
        std::string noise(random() % 512, '\0');
        for (char& c : noise)
            c = static_cast<char>(random() & 0xFF);
        run(noise);
        ++fixed;
    }
    std::printf("replayed %zu saved and %d fixed inputs\n", files.size(), fixed);
    return 0;
}
