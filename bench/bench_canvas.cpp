// gemba-bench-canvas: how the editor's canvas keeps up with a big map. A generated map of
// 2,000 steps, laid out as the canvas's auto layout would, is opened in a MapView; the table
// says how long opening and fitting take, one full repaint at fit-to-window and at 100%, and
// an edit until its metrics are back. Runs offscreen unless a platform is chosen:
//   build/bin/gemba-bench-canvas [--steps N] [--seed S] [--runs R] [--wrap COLUMNS]
//                                [--screenshots DIR]
// --wrap lays the map out as the serpentine layout does, COLUMNS steps to a row.
#include "canvas/canvas_items.h"
#include "canvas/map_scene.h"
#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/operations.h"
#include "gemba/render/geometry.h"
#include "gemba/render/serpentine.h"
#include "map_generator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace gemba;

struct Options {
    std::size_t steps = 2'000;
    std::uint64_t seed = 1;
    int runs = 15;
    QString screenshots; ///< a folder: grabs of the view at fit and at 100% go there
    int wrapColumns = 0; ///< serpentine layout with this many columns a row; 0: one row
};

struct Row {
    std::string name;
    int runs = 0;
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double goalMs = 0; ///< 0: no goal
};

/// Times `work` (after one untimed warm-up) `runs` times: median, min and max in ms.
/// `prepare` runs untimed before each run.
Row timeIt(std::string name, int runs, const std::function<void()>& work,
           const std::function<void()>& prepare = {}) {
    if (prepare)
        prepare();
    work();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        if (prepare)
            prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return Row{std::move(name), runs, ms[ms.size() / 2], ms.front(), ms.back(), 0};
}

Options parse(int argc, char* argv[]) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--screenshots") {
            options.screenshots = QString::fromLocal8Bit(argv[i + 1]);
            continue;
        }
        const long long value = std::atoll(argv[i + 1]);
        if (value <= 0) {
            std::fprintf(stderr, "gemba-bench-canvas: %s needs a positive number\n", argv[i]);
            std::exit(2);
        }
        if (flag == "--steps")
            options.steps = static_cast<std::size_t>(value);
        else if (flag == "--seed")
            options.seed = static_cast<std::uint64_t>(value);
        else if (flag == "--runs")
            options.runs = static_cast<int>(value);
        else if (flag == "--wrap")
            options.wrapColumns = static_cast<int>(value);
        else {
            std::fprintf(stderr, "usage: gemba-bench-canvas [--steps N] [--seed S] [--runs R] "
                                 "[--wrap COLUMNS] [--screenshots DIR]\n");
            std::exit(2);
        }
    }
    return options;
}

/// Places every element where the canvas's auto layout (or serpentine layout) puts it.
void layOut(model::Map& map, int wrapColumns) {
    const auto positions =
        wrapColumns > 0 ? render::serpentineLayout(map, wrapColumns) : render::autoLayout(map);
    for (const auto& [id, point] : positions) {
        auto place = [&](auto& collection) {
            if (auto it = collection.find(id); it != collection.end()) {
                it->second.pos = point;
                return true;
            }
            return false;
        };
        place(map.steps) || place(map.waits) || place(map.parties) || place(map.infoBoxes) ||
            place(map.notes) || place(map.redPens);
    }
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parse(argc, argv);

    bench::MapCounts counts;
    model::Project project = bench::generateProject({options.steps, options.seed}, &counts);
    layOut(project.maps.front(), options.wrapColumns);
    const model::Id mapId = project.maps.front().id;
    const std::string subject = std::to_string(counts.steps) + " steps, " +
                                std::to_string(counts.waits) + " waits, " +
                                std::to_string(counts.flows) + " flows";

    app::EditorDocument document;
    std::unique_ptr<app::MapView> view;
    std::vector<Row> rows;

    // Open: a fresh document state (no metrics yet), the scene built, fit to window.
    Row open = timeIt(
        "open: scene built, fit, first paint", std::max(3, options.runs / 3),
        [&] {
            view = std::make_unique<app::MapView>(document, mapId);
            view->resize(1600, 1000);
            view->show();
            view->fitToWindow();
            view->viewport()->repaint(); // and shown once
        },
        [&] {
            view.reset();
            document.resetProject(project, false);
            QCoreApplication::processEvents();
        });
    open.goalMs = 1000;
    rows.push_back(open);
    document.flushMetrics();
    QCoreApplication::processEvents();

    auto repaint = [&] { view->viewport()->repaint(); };
    view->fitToWindow();
    const double fitZoom = view->zoom();
    Row atFit = timeIt("full repaint at fit to window", options.runs, repaint);
    if (!options.screenshots.isEmpty())
        view->grab().save(options.screenshots + QStringLiteral("/bench-canvas-fit.png"));
    atFit.goalMs = 16;
    rows.push_back(atFit);

    view->actualSize();
    // On the middle step of the value stream, where the view is full of steps and flows.
    const model::Map& map = *document.map(mapId);
    const std::vector<model::Id> order = metrics::stepsInFlowOrder(document.project(), map);
    const model::Id middleStep = order[order.size() / 2];
    const model::Point middle = map.steps.at(middleStep).pos;
    view->centerOn(middle.x, middle.y);
    const auto visibleItems =
        view->mapScene()->items(view->mapToScene(view->viewport()->rect())).size();
    Row atFull = timeIt("full repaint at 100%", options.runs, repaint);
    if (!options.screenshots.isEmpty())
        view->grab().save(options.screenshots + QStringLiteral("/bench-canvas-100.png"));
    atFull.goalMs = 16;
    rows.push_back(atFull);

    // Over the timeline ladder, which spans the whole map.
    view->centerOn(middle.x, view->mapScene()->timelineItem()->rect().center().y());
    Row atLadder = timeIt("full repaint at 100% on the timeline", options.runs, repaint);
    if (!options.screenshots.isEmpty())
        view->grab().save(options.screenshots + QStringLiteral("/bench-canvas-timeline.png"));
    atLadder.goalMs = 16;
    rows.push_back(atLadder);
    view->centerOn(middle.x, middle.y);

    // An edit (a step's process time) until its metrics are back: the push applies it and
    // syncs the item; the metrics are recomputed on the next turn of the event loop.
    std::vector<model::Id> stepIds;
    for (const auto& [id, step] : map.steps)
        stepIds.push_back(id);
    std::size_t next = 0;
    bool updated = false;
    QObject::connect(&document, &app::EditorDocument::metricsUpdated,
                     [&](model::Id id) { updated = updated || id == mapId; });
    Row edit = timeIt("edit -> metricsUpdated", options.runs, [&] {
        const model::Map& current = *document.map(mapId);
        const model::Step& before = current.steps.at(stepIds[next++ % stepIds.size()]);
        model::Step after = before;
        after.processTime = before.processTime.value_or(60) + 60;
        updated = false;
        document.push(
            std::make_unique<model::SetStep>(mapId, before, after, "Change process time"));
        while (!updated)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    });
    edit.goalMs = 50;
    rows.push_back(edit);

    // A drag's step on the visible middle step: one move pushed, the step and its flows
    // re-read, the scene rect brought up to date and the view repainted (a move changes no
    // figure, so no metrics).
    double dx = 8;
    Row move = timeIt("move a step, until repainted", options.runs, [&] {
        const model::Point p = document.map(mapId)->steps.at(middleStep).pos;
        const std::pair<model::Id, model::Point> moves[] = {{middleStep, {p.x + dx, p.y}}};
        dx = -dx;
        document.push(model::moveElements(document.project(), mapId, moves));
        // The scene's update and the layout are queued: this turn of the event loop paints.
        QCoreApplication::processEvents();
    });
    move.goalMs = 16;
    rows.push_back(move);

    std::printf("gemba-bench-canvas: %s, view 1600x1000, platform %s, %d runs each (median)\n\n",
                subject.c_str(), qPrintable(QGuiApplication::platformName()), options.runs);
    std::printf("%-40s %6s %10s %10s %10s %10s %6s\n", "measurement", "runs", "median ms", "min ms",
                "max ms", "goal ms", "met");
    bool allMet = true;
    for (const Row& row : rows) {
        const bool met = row.goalMs <= 0 || row.medianMs < row.goalMs;
        allMet = allMet && met;
        const std::string goal = row.goalMs > 0 ? "< " + std::to_string(int(row.goalMs)) : "-";
        std::printf("%-40s %6d %10.2f %10.2f %10.2f %10s %6s\n", row.name.c_str(), row.runs,
                    row.medianMs, row.minMs, row.maxMs, goal.c_str(),
                    row.goalMs > 0 ? (met ? "yes" : "NO") : "-");
    }
    std::printf("\nscene items: %zu; fit zoom %.1f%% (the lower limit); at 100%% %lld items in "
                "view\n",
                view->mapScene()->itemCount(), fitZoom * 100, static_cast<long long>(visibleItems));
    return allMet ? 0 : 1;
}
