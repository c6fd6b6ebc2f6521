// gemba-bench: how long Gemba takes on a big generated map. Each measurement is one
// function returning a row; the table is printed at the end. Build in Release:
//   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release && cmake --build build-release
//   build-release/bin/gemba-bench [--steps N] [--seed S] [--runs R]
#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/operations.h"
#include "gemba/store/project_file.h"
#include "map_generator.h"
#include "sqlite_baseline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace gemba;

struct Options {
    std::size_t steps = 10'000;
    std::uint64_t seed = 1;
    int runs = 200;
    int warmups = 20;
};

/// One line of the table.
struct Row {
    std::string name;
    std::string subject;
    int runs = 0;
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double cpuMedianMs = 0; ///< CPU time of the process: what a busy machine disturbs less
    std::string goal;       ///< e.g. "< 5 ms", empty when there is none
};

// Results are written here so that the compiler cannot drop the work being timed.
volatile double g_sink = 0;

double cpuNowMs() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// Runs `work` `warmups` times untimed, then `runs` times timed; median, min and max of the
/// wall-clock time, and the median CPU time.
Row timeIt(std::string name, std::string subject, const Options& options,
           const std::function<void()>& work) {
    for (int i = 0; i < options.warmups; ++i)
        work();
    std::vector<double> ms;
    std::vector<double> cpu;
    ms.reserve(static_cast<std::size_t>(options.runs));
    cpu.reserve(static_cast<std::size_t>(options.runs));
    for (int i = 0; i < options.runs; ++i) {
        const double cpuStart = cpuNowMs();
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        cpu.push_back(cpuNowMs() - cpuStart);
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    Row row;
    row.name = std::move(name);
    row.subject = std::move(subject);
    row.runs = options.runs;
    row.medianMs = ms[ms.size() / 2];
    row.minMs = ms.front();
    row.maxMs = ms.back();
    row.cpuMedianMs = cpu[cpu.size() / 2];
    return row;
}

std::string describe(const bench::MapCounts& counts) {
    return std::to_string(counts.steps) + " steps, " + std::to_string(counts.flows) + " flows";
}

Row benchComputeMetrics(const Options& options, const model::Project& project,
                        const bench::MapCounts& counts) {
    const model::Map& map = project.maps.front();
    Row row = timeIt("computeMetrics", describe(counts), options, [&] {
        const metrics::MapMetrics m = metrics::computeMetrics(project, map);
        g_sink = g_sink + m.leadTime;
    });
    row.goal = "< 5 ms";
    return row;
}

Row benchCompare(const Options& options, model::Project project, const bench::MapCounts& counts) {
    // The to-be map: derived from the current one, every tenth step twice as fast.
    model::Map future = model::deriveMap(model::idsOf(project), project.maps.front(),
                                         "Future state", model::MapState::Future);
    std::size_t i = 0;
    for (auto& [id, step] : future.steps)
        if (i++ % 10 == 0 && step.processTime) {
            *step.processTime /= 2;
            step.leadTime.reset();
        }
    project.maps.push_back(std::move(future));
    const model::Map& from = project.maps[0];
    const model::Map& to = project.maps[1];
    Options fewer = options;
    fewer.runs = std::max(5, options.runs / 10);
    fewer.warmups = std::max(2, options.warmups / 10);
    return timeIt("compare (two maps)", describe(counts) + " each", fewer, [&] {
        const metrics::Comparison c = metrics::compare(project, from, to);
        g_sink = g_sink + c.to.leadTime;
    });
}

// ---------------------------------------------------------------------------------------
// The store (save, open) against a bare SQLite baseline of the same rows, and peak memory.

/// Fewer runs for measurements that take tens of milliseconds each.
Options fewerRuns(const Options& options) {
    Options fewer = options;
    fewer.runs = std::max(7, options.runs / 20);
    fewer.warmups = 2;
    return fewer;
}

/// A fresh folder for the benchmark's files, removed by the destructor.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "gemba-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot create a folder under " + pattern);
        m_path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// A measurement of the store or of the baseline: wall-clock time (the row) and the median CPU
/// time of the process, which a busy machine disturbs less (it leaves out waiting for fsync).
struct StoreRow {
    Row row;
    double cpuMedianMs = 0;
};

StoreRow timeStore(std::string name, std::string subject, const Options& options,
                   const std::function<void()>& work) {
    const Options fewer = fewerRuns(options);
    std::vector<double> cpu;
    StoreRow out;
    out.row = timeIt(std::move(name), std::move(subject), fewer, [&] {
        const double start = cpuNowMs();
        work();
        cpu.push_back(cpuNowMs() - start);
    });
    cpu.erase(cpu.begin(), cpu.begin() + fewer.warmups); // timeIt's untimed warm-up runs
    std::sort(cpu.begin(), cpu.end());
    out.cpuMedianMs = cpu[cpu.size() / 2];
    return out;
}

/// saveProject: the whole project written anew, atomically (temporary file, fsync, rename).
StoreRow benchSave(const Options& options, const model::Project& project,
                   const bench::MapCounts& counts, const std::filesystem::path& file) {
    StoreRow save = timeStore("save (saveProject)", describe(counts), options,
                              [&] { store::saveProject(project, file); });
    save.row.goal = "< 300 ms";
    return save;
}

/// openProject: the file checked and read into a model::Project.
StoreRow benchOpen(const Options& options, const model::Project& project,
                   const bench::MapCounts& counts, const std::filesystem::path& file) {
    if (!(store::openProject(file) == project))
        throw std::runtime_error("the project read back differs from the one saved");
    StoreRow open = timeStore("open (openProject)", describe(counts), options, [&] {
        const model::Project opened = store::openProject(file);
        g_sink = g_sink + static_cast<double>(opened.maps.size());
    });
    open.row.goal = "< 200 ms";
    return open;
}

std::string describe(const bench::DatabaseCopy& copy) {
    return std::to_string(copy.rows()) + " rows, " + std::to_string(copy.tables.size()) + " tables";
}

/// Bare SQLite: the same rows inserted into a fresh file (one transaction, prepared statements).
StoreRow benchSqliteInsert(const Options& options, const bench::DatabaseCopy& copy,
                           const ScratchDir& dir) {
    int run = 0;
    return timeStore("SQLite insert (bare)", describe(copy), options, [&] {
        bench::writeBaseline(copy, dir / ("baseline-" + std::to_string(run++) + ".db"));
    });
}

/// For comparison, not a goal: the same rows into the file's own tables (keys, STRICT types,
/// foreign keys), which shows what Gemba's schema costs over bare tables.
StoreRow benchSqliteInsertSchema(const Options& options, const bench::DatabaseCopy& copy,
                                 const ScratchDir& dir) {
    int run = 0;
    return timeStore("SQLite insert (schema)", describe(copy), options, [&] {
        bench::writeBaseline(copy, dir / ("schema-" + std::to_string(run++) + ".db"),
                             bench::BaselineSchema::Original);
    });
}

/// Bare SQLite: the same rows selected back, every cell read.
StoreRow benchSqliteSelect(const Options& options, const bench::DatabaseCopy& copy,
                           const std::filesystem::path& file) {
    return timeStore("SQLite select (bare)", describe(copy), options, [&] {
        g_sink = g_sink + static_cast<double>(bench::readBaseline(copy, file));
    });
}

/// The process's peak resident memory so far (VmHWM), in MB; 0 where /proc is missing.
double peakMemoryMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:"))
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0; // the line says kB
    return 0;
}

/// A goal, met or missed.
struct Goal {
    std::string what;
    double value = 0;
    double limit = 0;
    std::string unit;
    bool met() const { return value < limit; }
};

bool printGoals(const std::vector<Goal>& goals) {
    std::printf("\n%-44s %10s %12s  %s\n", "goal", "measured", "limit", "");
    bool all = true;
    for (const Goal& g : goals) {
        std::printf("%-44s %8.2f %-3s %8.2f %-3s %s\n", g.what.c_str(), g.value, g.unit.c_str(),
                    g.limit, g.unit.c_str(), g.met() ? "met" : "MISSED");
        all = all && g.met();
    }
    return all;
}

void printTable(const std::vector<Row>& rows) {
    std::printf("\n%-22s %-30s %6s %10s %10s %10s %10s  %s\n", "measurement", "subject", "runs",
                "median ms", "min ms", "max ms", "cpu ms", "goal");
    for (const Row& r : rows)
        std::printf("%-22s %-30s %6d %10.3f %10.3f %10.3f %10.3f  %s\n", r.name.c_str(),
                    r.subject.c_str(), r.runs, r.medianMs, r.minMs, r.maxMs, r.cpuMedianMs,
                    r.goal.c_str());
}

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* text = nullptr;
        if (arg == "--steps" && (text = value()))
            options.steps = std::strtoull(text, nullptr, 10);
        else if (arg == "--seed" && (text = value()))
            options.seed = std::strtoull(text, nullptr, 10);
        else if (arg == "--runs" && (text = value()))
            options.runs = std::atoi(text);
        else
            return false;
    }
    return options.steps > 0 && options.runs > 0;
}

/// Save, open and the bare SQLite baseline; then the table and the goals. 0 when every goal
/// is met, 1 otherwise.
int measureStore(const Options& options, const model::Project& project,
                 const bench::MapCounts& counts, std::vector<Row>& rows) {
    ScratchDir dir;
    const std::filesystem::path file = dir / "big.gemba";
    const StoreRow save = benchSave(options, project, counts, file);
    const StoreRow open = benchOpen(options, project, counts, file);
    // The baseline writes and reads exactly the rows of the file just saved.
    const bench::DatabaseCopy copy = bench::copyDatabase(file);
    const std::filesystem::path baselineFile = dir / "baseline.db";
    bench::writeBaseline(copy, baselineFile);
    const StoreRow insert = benchSqliteInsert(options, copy, dir);
    const StoreRow select = benchSqliteSelect(options, copy, baselineFile);
    const StoreRow schema = benchSqliteInsertSchema(options, copy, dir);
    for (const StoreRow* row : {&save, &open, &insert, &select, &schema})
        rows.push_back(row->row);
    printTable(rows);
    std::printf("\n.gemba file: %.2f MB; bare SQLite file: %.2f MB\n",
                static_cast<double>(std::filesystem::file_size(file)) / 1e6,
                static_cast<double>(std::filesystem::file_size(baselineFile)) / 1e6);
    std::printf("CPU time, medians: save %.1f ms, bare insert %.1f ms (%.2fx); open %.1f ms, "
                "bare select %.1f ms (%.2fx)\n",
                save.cpuMedianMs, insert.cpuMedianMs, save.cpuMedianMs / insert.cpuMedianMs,
                open.cpuMedianMs, select.cpuMedianMs, open.cpuMedianMs / select.cpuMedianMs);
    std::printf("With Gemba's own tables (keys, STRICT, foreign keys) SQLite inserts the rows in "
                "%.1f ms (CPU %.1f ms): save takes %.2fx that\n",
                schema.row.medianMs, schema.cpuMedianMs, save.row.medianMs / schema.row.medianMs);

    const bool met = printGoals({
        {"full metrics (computeMetrics), median", rows[0].medianMs, 5, "ms"},
        {"save, median", save.row.medianMs, 300, "ms"},
        {"open, median", open.row.medianMs, 200, "ms"},
        {"save / bare SQLite insert (medians)", save.row.medianMs / insert.row.medianMs, 2, "x"},
        {"open / bare SQLite select (medians)", open.row.medianMs / select.row.medianMs, 2, "x"},
        {"peak memory of the process (VmHWM)", peakMemoryMb(), 100, "MB"},
    });
    return met ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(stderr, "usage: gemba-bench [--steps N] [--seed S] [--runs R]\n"
                             "  defaults: 10000 steps, seed 1, 200 runs\n");
        return 2;
    }
    bench::MapCounts counts;
    const model::Project project = bench::generateProject({options.steps, options.seed}, &counts);
    std::printf("Generated map (seed %llu): %zu steps, %zu waits, %zu flows; %zu parallel "
                "splits, %zu alternative splits, %zu rework loops\n",
                static_cast<unsigned long long>(options.seed), counts.steps, counts.waits,
                counts.flows, counts.parallelSplits, counts.alternativeSplits, counts.reworkLoops);

    // A benchmark of a broken map would time the error path: make sure it is valid.
    const metrics::MapMetrics check = metrics::computeMetrics(project, project.maps.front());
    if (!check.valid) {
        for (const metrics::Finding& f : check.findings)
            std::fprintf(stderr, "%s: %s\n", f.code.c_str(), f.message.c_str());
        std::fprintf(stderr, "the generated map is not valid\n");
        return 1;
    }
    std::printf("Lead time %.1f working days, %zu findings, %zu timeline segments\n",
                check.leadTimeDays, check.findings.size(), check.timeline.size());

    std::vector<Row> rows;
    rows.push_back(benchComputeMetrics(options, project, counts));
    rows.push_back(benchCompare(options, project, counts));

    try {
        return measureStore(options, project, counts, rows);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gemba-bench: %s\n", e.what());
        return 2;
    }
}
