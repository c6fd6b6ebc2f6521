// gemba-bench-export: how long the exports of a big map take. A generated map of 500 steps
// is exported as the PDF report (map page, step table, red pen, findings), as SVG, as PNG
// 8,000 pixels wide and as the CSV step table, and with a future state derived from it as the
// one-page summary; the summary of the largest example (by steps) is timed as well. The table
// gives the median, fastest and slowest of several runs after one untimed warm-up. Goals: the
// PDF report in under 2 s, the example's summary in under 0.5 s. Offscreen unless a platform is
// chosen:
//   build/bin/gemba-bench-export [--steps N] [--seed S] [--runs R] [--keep DIR]
#include "gemba/model/operations.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/summary.h"
#include "gemba/store/project_file.h"
#include "map_generator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace gemba;

struct Options {
    std::size_t steps = 500;
    std::uint64_t seed = 1;
    int runs = 7;
    QString keep; ///< a folder to leave the exported files in
};

struct Row {
    std::string name;
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double goalMs = 0; ///< 0: no goal
    std::string note;
};

Row timeIt(std::string name, int runs, const std::function<void()>& work) {
    work(); // warm-up: fonts, caches
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    Row row;
    row.name = std::move(name);
    row.medianMs = ms[ms.size() / 2];
    row.minMs = ms.front();
    row.maxMs = ms.back();
    return row;
}

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--steps") && hasValue)
            options.steps = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--seed") && hasValue)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--runs") && hasValue)
            options.runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--keep") && hasValue)
            options.keep = QString::fromLocal8Bit(argv[++i]);
        else
            return false;
    }
    return options.steps > 0;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(stderr, "usage: gemba-bench-export [--steps N] [--seed S] [--runs R] "
                             "[--keep DIR]\n");
        return 2;
    }
    QGuiApplication app(argc, argv);

    bench::MapCounts counts;
    const model::Project project = bench::generateProject({options.steps, options.seed}, &counts);
    const model::Map& map = project.maps.front();
    QTemporaryDir temporary;
    const QDir folder(options.keep.isEmpty() ? temporary.path() : options.keep);
    if (!options.keep.isEmpty())
        QDir().mkpath(options.keep);
    const auto file = [&](const char* name) { return folder.filePath(QString::fromLatin1(name)); };

    std::vector<Row> rows;
    int pages = 0;
    render::ReportOptions reportOptions;
    reportOptions.date = "2024-01-01";
    rows.push_back(timeIt("PDF report", options.runs, [&] {
        const render::Report report(project, map, reportOptions);
        render::writePdfReport(file("report.pdf"), report);
        pages = report.pageCount();
    }));
    rows.back().goalMs = 2000;
    rows.back().note = std::to_string(pages) + " pages";
    // The summary of the generated map beside a future state made from it: the worst case of
    // a summary, two long streams drawn as their ladders.
    model::Project withFuture = project;
    model::Map future = model::deriveMap([&] { return withFuture.allocateId(); }, map,
                                         "Future state", model::MapState::Future);
    future.props.madeFrom = map.id;
    withFuture.maps.push_back(future);
    render::SummaryOptions summaryOptions;
    summaryOptions.date = "2024-01-01";
    rows.push_back(timeIt("Summary page", options.runs, [&] {
        render::writePdfReport(file("summary.pdf"),
                               render::SummaryReport(withFuture, summaryOptions));
    }));
    rows.back().note = "this map and a future state";

    // The largest example, by steps: the goal is set on it.
    std::filesystem::path largest;
    std::size_t largestSteps = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(GEMBA_EXAMPLES_DIR, ec)) {
        if (entry.path().extension() != ".gemba")
            continue;
        std::size_t steps = 0;
        for (const model::Map& m : store::openProject(entry.path()).maps)
            steps += m.steps.size();
        if (steps > largestSteps) {
            largestSteps = steps;
            largest = entry.path();
        }
    }
    if (!largest.empty()) {
        const model::Project example = store::openProject(largest);
        rows.push_back(timeIt("Summary, example", options.runs, [&] {
            render::writePdfReport(file("example-summary.pdf"),
                                   render::SummaryReport(example, summaryOptions));
        }));
        rows.back().goalMs = 500;
        rows.back().note = largest.filename().string();
    }

    rows.push_back(
        timeIt("SVG", options.runs, [&] { render::writeSvg(file("map.svg"), project, map); }));
    // A long stream is wider than any screen: the picture is drawn 8,000 pixels wide.
    render::ImageOptions png;
    png.width = 8000;
    rows.push_back(timeIt("PNG 8000 px wide", options.runs,
                          [&] { render::writePng(file("map.png"), project, map, png); }));
    rows.push_back(timeIt("CSV step table", options.runs, [&] {
        render::writeTextFile(file("steps.csv"), render::stepsCsv(project, map));
    }));

    std::printf("gemba-bench-export: %zu steps, %zu waits, %zu flows (seed %llu), %d runs each\n",
                counts.steps, counts.waits, counts.flows,
                static_cast<unsigned long long>(options.seed), options.runs);
    std::printf("%-18s %10s %10s %10s %10s  %s\n", "export", "median ms", "min ms", "max ms",
                "goal ms", "");
    bool met = true;
    for (const Row& row : rows) {
        const bool ok = row.goalMs == 0 || row.medianMs <= row.goalMs;
        met = met && ok;
        std::printf("%-18s %10.1f %10.1f %10.1f %10s  %s%s\n", row.name.c_str(), row.medianMs,
                    row.minMs, row.maxMs,
                    row.goalMs > 0 ? std::to_string(static_cast<int>(row.goalMs)).c_str() : "-",
                    row.note.c_str(), ok ? "" : "  (over the goal)");
    }
    return met ? 0 : 1;
}
