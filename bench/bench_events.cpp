// gemba-bench-events: a generated event log of 100,000 items (about a million events) read and
// turned into a measured map, timed; peak memory; and the same per-step medians and P85
// computed independently with pandas on the same CSV, which must agree.
//   build-release/bin/gemba-bench-events [--items N] [--log FILE] [--no-pandas] [--write-only]
// Goals: read and derive in under 3 s, peak memory under 500 MB, pandas agreeing within 1 s.

#include "event_generator.h"
#include "gemba/metrics/flow.h"
#include "gemba/store/events.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>

namespace {

using namespace gemba;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU seconds (user and system) of this process so far: what a busy machine disturbs less.
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The peak resident memory of this process so far, in MB (VmHWM).
double peakMegabytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

std::string run(const std::string& command) {
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
    if (!pipe)
        return {};
    std::string out;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe.get()))
        out += buffer;
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t items = 100'000;
    std::string logFile;
    bool pandas = true;
    bool writeOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--items" && i + 1 < argc)
            items = std::stoul(argv[++i]);
        else if (arg == "--log" && i + 1 < argc)
            logFile = argv[++i];
        else if (arg == "--no-pandas")
            pandas = false;
        else if (arg == "--write-only") // only write the log (the example's comes so)
            writeOnly = true;
        else {
            std::fprintf(stderr, "usage: gemba-bench-events [--items N] [--log FILE] [--no-pandas] "
                                 "[--write-only]\n");
            return 2;
        }
    }
    bench::EventLogParameters parameters;
    parameters.items = items;
    const std::filesystem::path path =
        logFile.empty() ? std::filesystem::temp_directory_path() /
                              ("gemba-bench-events-" + std::to_string(items) + ".csv")
                        : std::filesystem::path(logFile);
    auto t = Clock::now();
    bench::GeneratedLog written;
    {
        std::ofstream out(path, std::ios::binary);
        written = bench::writeEventCsv(out, parameters);
    }
    std::printf("generated %zu items, %zu events, %.0f MB in %.2f s: %s\n", written.items,
                written.events, static_cast<double>(std::filesystem::file_size(path)) / 1e6,
                secondsSince(t), path.c_str());
    if (writeOnly)
        return 0;

    // The headline: read and derive on the office calendar with its holidays.
    t = Clock::now();
    const double cpuBefore = cpuSeconds();
    const model::EventLog log =
        store::readEventLogFile(path, store::EventFormat::Csv, store::EventReadOptions{});
    const double readSeconds = secondsSince(t);
    model::EventMapping mapping = metrics::completeMapping(log);
    mapping.states["Changes requested"] = {model::StateKind::Wait, {}, {}};
    auto d = Clock::now();
    const metrics::FlowReport report = metrics::deriveFlow(log, mapping, parameters.hours);
    const double deriveSeconds = secondsSince(d);
    const double total = secondsSince(t);
    const double cpu = cpuSeconds() - cpuBefore;
    const double peak = peakMegabytes();
    std::printf("read %.2f s + derive %.2f s = %.2f s (goal < 3 s), %.2f s of CPU; peak memory "
                "%.0f MB (goal < 500 MB); %zu steps, %zu routes, %zu items finished\n",
                readSeconds, deriveSeconds, total, cpu, peak, report.steps.size(),
                report.routes.size(), report.itemsFinished);
    bool ok = total < 3.0 && peak < 500;

    if (pandas) {
        // The same computation as pandas does it: elapsed end - start per activity. Debian's
        // python3, where python3-pandas is installed, whatever python3 comes first on PATH.
        t = Clock::now();
        const model::EventLog again =
            store::readEventLogFile(path, store::EventFormat::Csv, store::EventReadOptions{});
        const metrics::FlowReport elapsed =
            metrics::deriveFlow(again, mapping, model::WorkingHours::allHours());
        const double gembaSeconds = secondsSince(t);
        std::string command = "/usr/bin/python3 \"" GEMBA_BENCH_DIR
                              "/pandas_step_percentiles.py\" \"" +
                              path.string() + "\"";
        for (const auto& step : elapsed.steps)
            command += " \"" + step.name + "\"";
        const std::string output = run(command);
        nlohmann::json reference;
        try {
            reference = nlohmann::json::parse(output);
        } catch (const std::exception&) {
            std::printf("pandas: no answer (is python3-pandas installed?): %s\n", output.c_str());
            return 1;
        }
        double worst = 0;
        std::printf("%-14s %12s %12s %12s %12s\n", "step", "P50 Gemba", "P50 pandas", "P85 Gemba",
                    "P85 pandas");
        for (const auto& step : elapsed.steps) {
            const auto& ref = reference["steps"][step.name];
            const double p50 = ref[0].get<double>(), p85 = ref[1].get<double>();
            worst = std::max({worst, std::abs(p50 - step.processTime.p50),
                              std::abs(p85 - step.processTime.p85)});
            std::printf("%-14s %12.1f %12.1f %12.1f %12.1f\n", step.name.c_str(),
                        step.processTime.p50, p50, step.processTime.p85, p85);
        }
        const double pandasSeconds = reference["seconds"].get<double>();
        std::printf("agreement: largest difference %.3f s (goal < 1 s)\n", worst);
        std::printf("the same per-step P50/P85: Gemba %.2f s (read, derive everything), pandas "
                    "%.2f s (read, parse, group): Gemba %.1fx faster (goal >= 5x)\n",
                    gembaSeconds, pandasSeconds, pandasSeconds / gembaSeconds);
        ok = ok && worst < 1.0;
        if (pandasSeconds / gembaSeconds < 5)
            std::printf("note: below the 5x goal\n");
    }
    if (logFile.empty())
        std::filesystem::remove(path);
    std::printf(ok ? "goals met\n" : "goal missed\n");
    return ok ? 0 : 1;
}
