// gemba-bench-workshop: a project with a 2,000-step map and a workshop of 1,000 ideas, 300
// actions and 10 reviews. Times save and open against a bare SQLite baseline of the same rows,
// the funnel's counts, the review table (baseline, target, actual per figure) and the ideas'
// fit. Goals: save and open within 2x of bare SQLite; funnel and review table < 50 ms.
//   build-release/bin/gemba-bench-workshop [--runs R]
#include "gemba/metrics/review.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/project_file.h"
#include "map_generator.h"
#include "sqlite_baseline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <time.h>
#include <vector>

namespace {

using namespace gemba;
using namespace gemba::model;

volatile double g_sink = 0;

struct Timing {
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double cpuMedianMs = 0; ///< CPU time of the process: what a busy machine disturbs less
};

double cpuNowMs() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

Timing timeIt(int runs, const std::function<void()>& work) {
    for (int i = 0; i < std::max(2, runs / 10); ++i)
        work();
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = cpuNowMs();
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        cpu.push_back(cpuNowMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), cpu[cpu.size() / 2]};
}

/// 1,000 ideas (a fifth of them with the fit checklist), 300 actions with effects on the
/// map's steps, 10 reviews each recording every action's status and typed figures.
void addWorkshop(Project& project, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    const Map& map = project.maps.front();
    std::vector<Id> steps;
    for (const auto& [id, step] : map.steps)
        steps.push_back(id);
    std::vector<Id> people;
    for (const auto& [id, person] : project.people)
        people.push_back(id);
    auto pick = [&](const std::vector<Id>& from) { return from[random() % from.size()]; };
    Workshop& w = project.workshop;
    w.props.problem = "Generated workshop";
    w.props.endDate = "2026-03-06";
    w.props.goals.push_back(Goal{"lead time -50%", Target{TargetFigure::LeadTime, map.id, kNoId,
                                                          std::nullopt, std::nullopt, -50.0}});
    const IdeaStatus statuses[] = {IdeaStatus::Proposed, IdeaStatus::Shortlisted,
                                   IdeaStatus::Selected, IdeaStatus::Parked, IdeaStatus::Rejected};
    std::vector<Id> ideas;
    for (int i = 0; i < 1000; ++i) {
        Idea idea;
        idea.id = project.allocateId();
        idea.text = "Idea " + std::to_string(i) + ": remove the copy into the spreadsheet";
        idea.proposedBy = pick(people);
        idea.date = "2026-03-05";
        idea.concerns = {pick(steps)};
        idea.kind = static_cast<IdeaKind>(random() % 7);
        idea.impact = 1 + static_cast<int>(random() % 5);
        idea.effort = 1 + static_cast<int>(random() % 5);
        idea.votes = static_cast<int>(random() % 10);
        idea.status = statuses[random() % 5];
        if (i % 5 == 0)
            idea.fit = FitChecklist{Level::High, Level::Medium, DataSource::System, Level::Low,
                                    Level::High};
        ideas.push_back(idea.id);
        w.ideas.emplace(idea.id, std::move(idea));
    }
    std::vector<Id> actions;
    for (int i = 0; i < 300; ++i) {
        Action action;
        action.id = project.allocateId();
        action.title = "Action " + std::to_string(i);
        action.changes = {pick(ideas), pick(steps)};
        action.owner = pick(people);
        action.start = "2026-03-09";
        action.due = "2026-05-29";
        action.status = static_cast<ActionStatus>(random() % 5);
        action.effect = Target{
            TargetFigure::StepLeadTime, map.id, pick(steps), std::nullopt, 3600.0, std::nullopt};
        actions.push_back(action.id);
        w.actions.emplace(action.id, std::move(action));
    }
    for (int i = 0; i < 10; ++i) {
        Review review;
        review.id = project.allocateId();
        review.title = std::to_string(30 * (i + 1)) + "-day review";
        review.dayOffset = 30 * (i + 1);
        review.attendees = {pick(people), pick(people)};
        for (Id action : actions)
            review.progress.push_back({action, ActionStatus::InProgress, ""});
        review.decisions = {"keep going"};
        review.measures = {{TargetFigure::LeadTime, kNoId, 1e6 - 5e4 * i}};
        w.reviews.emplace(review.id, std::move(review));
    }
}

} // namespace

int main(int argc, char** argv) {
    int runs = 21;
    if (argc == 3 && std::string(argv[1]) == "--runs")
        runs = std::max(3, std::atoi(argv[2]));
    else if (argc != 1) {
        std::fprintf(stderr, "usage: gemba-bench-workshop [--runs R]\n");
        return 2;
    }
    Project project = bench::generateProject({2000, 1});
    if (!std::getenv("GEMBA_BENCH_NO_WORKSHOP"))
        addWorkshop(project, 1);

    const auto dir = std::filesystem::temp_directory_path() /
                     ("gemba-bench-workshop-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "workshop.gemba";
    const Timing save = timeIt(runs, [&] { store::saveProject(project, file); });
    if (!(store::openProject(file) == project)) {
        std::fprintf(stderr, "the project did not come back as it was saved\n");
        return 2;
    }
    const Timing open =
        timeIt(runs, [&] { g_sink = g_sink + double(store::openProject(file).nextId); });
    const bench::DatabaseCopy copy = bench::copyDatabase(file);
    int n = 0;
    const Timing insert = timeIt(runs, [&] {
        bench::writeBaseline(copy, dir / ("baseline-" + std::to_string(n++) + ".db"));
    });
    const auto baseline = dir / "baseline.db";
    bench::writeBaseline(copy, baseline);
    const Timing select =
        timeIt(runs, [&] { g_sink = g_sink + double(bench::readBaseline(copy, baseline)); });
    const Timing funnel =
        timeIt(runs * 5, [&] { g_sink = g_sink + funnelCounts(project).total(); });
    const Timing reviews =
        timeIt(runs, [&] { g_sink = g_sink + double(metrics::reviewTable(project).rows.size()); });
    const Timing fit = timeIt(runs * 5, [&] {
        int good = 0;
        for (const auto& [id, idea] : project.workshop.ideas)
            if (idea.fit)
                good += assessFit(*idea.fit).fit == Fit::Good ? 1 : 0;
        g_sink = g_sink + good;
    });
    std::filesystem::remove_all(dir);

    std::printf("Workshop: 2,000-step map, 1,000 ideas, 300 actions, 10 reviews; %zu rows, "
                "%d runs\n\n",
                copy.rows(), runs);
    std::printf("  %-34s %10s %10s %10s %10s\n", "measurement", "median ms", "min ms", "max ms",
                "cpu ms");
    auto line = [](const char* name, const Timing& t) {
        std::printf("  %-34s %10.2f %10.2f %10.2f %10.2f\n", name, t.medianMs, t.minMs, t.maxMs,
                    t.cpuMedianMs);
    };
    line("save (saveProject)", save);
    line("open (openProject)", open);
    line("SQLite insert (bare)", insert);
    line("SQLite select (bare)", select);
    line("funnel counts (1,000 ideas)", funnel);
    line("review table (301 rows x 10)", reviews);
    line("fit of 200 checklists", fit);
    std::printf("\nCPU time, medians: save / bare insert %.2fx, open / bare select %.2fx\n",
                save.cpuMedianMs / insert.cpuMedianMs, open.cpuMedianMs / select.cpuMedianMs);
    struct Goal {
        const char* name;
        double value;
        double limit;
    };
    const Goal goals[] = {{"save / bare SQLite insert", save.medianMs / insert.medianMs, 2},
                          {"open / bare SQLite select", open.medianMs / select.medianMs, 2},
                          {"funnel counts, ms", funnel.medianMs, 50},
                          {"review table, ms", reviews.medianMs, 50}};
    bool met = true;
    std::printf("\nGoals\n");
    for (const Goal& goal : goals) {
        const bool ok = goal.value < goal.limit;
        met = met && ok;
        std::printf("  %-30s %8.2f  (< %g)  %s\n", goal.name, goal.value, goal.limit,
                    ok ? "met" : "MISSED");
    }
    return met ? 0 : 1;
}
