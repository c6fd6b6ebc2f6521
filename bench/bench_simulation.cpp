// gemba-bench-simulation: the simulations' speed, and the discrete-event engine against SimPy.
//   - Monte Carlo: 10,000 trials of a generated 200-step map (parallel branches,
//     alternatives, rework loops) on every core. Goal < 200 ms.
//   - Discrete-event: one working year (250 days) of a 50-step line at 1,000 items a day.
//     Goals < 2 s and < 200 MB peak memory.
//   - The same tandem line in SimPy (Debian's python3-simpy, bench/simpy_tandem.py) and in
//     Gemba: lead time and throughput must agree within their confidence intervals; Gemba's
//     time as a ratio of SimPy's (goal >= 20x).
// Build in Release (make bench) and run: build-release/bin/gemba-bench-simulation [--runs R]
#include "gemba/metrics/simulation.h"
#include "map_generator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace gemba;

volatile double g_sink = 0;

double cpuNowMs() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// Median wall-clock and CPU time (of every thread of the process) of `runs` timed runs after
/// one untimed. On a busy machine the wall-clock time stretches; the CPU time much less.
struct Timing {
    double ms = 0;
    double cpuMs = 0;
};

Timing median(int runs, const std::function<void()>& work) {
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
    return {ms[ms.size() / 2], cpu[cpu.size() / 2]};
}

double peakMemoryMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:"))
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

/// supplier -> n single-person steps -> customer, demand per day; exponential service when
/// asked (the SimPy reference), else the steps' three-point times.
model::Project line(int n, double perDay, double pt, double ptMin, double ptMax) {
    model::Project project;
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Line";
    map.props.demand = model::Demand{perDay, model::DemandPeriod::Day};
    model::Party in;
    in.id = project.allocateId();
    in.kind = model::PartyKind::Supplier;
    map.parties.emplace(in.id, in);
    model::Id previous = in.id;
    const auto flow = [&](model::Id from, model::Id to) {
        model::Flow f;
        f.id = project.allocateId();
        f.from = from;
        f.to = to;
        map.flows.emplace(f.id, f);
    };
    for (int i = 0; i < n; ++i) {
        model::Step s;
        s.id = project.allocateId();
        s.name = "Station " + std::to_string(i + 1);
        s.processTime = pt;
        if (ptMin < pt)
            s.processTimeMin = ptMin;
        if (ptMax > pt)
            s.processTimeMax = ptMax;
        s.pos = {static_cast<double>(i) * 232, 0};
        map.steps.emplace(s.id, s);
        flow(previous, s.id);
        previous = s.id;
    }
    model::Party out;
    out.id = project.allocateId();
    out.kind = model::PartyKind::Customer;
    map.parties.emplace(out.id, out);
    flow(previous, out.id);
    project.maps.push_back(std::move(map));
    return project;
}

/// Every step of the project's first map breaks down: exponential working time between
/// failures with mean `mtbf`, exponential repairs with mean `mttr`.
model::Project withBreakdowns(model::Project project, double mtbf, double mttr) {
    for (auto& [id, step] : project.maps.front().steps)
        step.breakdown = model::Breakdown{mtbf, mttr};
    return project;
}

struct Goal {
    std::string what;
    std::string measured;
    std::string limit;
    bool met = false;
};

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

} // namespace

int main(int argc, char** argv) {
    int runs = 15;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));
    std::vector<Goal> goals;
    constexpr double kDay = 8 * 3600;

    // Discrete-event first, so that the peak memory is its own (the Monte Carlo's is small):
    // the line as it is, then with every station breaking down.
    for (const bool breakdowns : {false, true}) {
        // 50 stations of 20 s (15-30 s) at 1,000 a day: each at 70-75% load; with breakdowns
        // every 2 h of work, repaired in 6 min on average (availability 95.2%), 79%.
        const model::Project plain = line(50, 1000, 20, 15, 30);
        const model::Project project = breakdowns ? withBreakdowns(plain, 2 * 3600, 360) : plain;
        const std::string label = breakdowns ? " with breakdowns" : "";
        metrics::DesOptions options;
        options.horizon = 250 * kDay;
        options.warmup = 10 * kDay;
        options.seed = 1;
        metrics::DesResult result;
        const Timing t = median(std::max(3, runs / 5), [&] {
            result = metrics::runDiscreteEvent(project, project.maps.front(), options);
            g_sink = g_sink + result.leadTime.mean;
        });
        const double memory = peakMemoryMb();
        std::printf("%sDiscrete-event: 50-step line, 1,000 items a day, 250 working days%s\n",
                    breakdowns ? "\n" : "", label.c_str());
        std::printf("  %lld items finished, %lld events, throughput %.1f a day, lead time %.0f s "
                    "(+/- %.0f)\n",
                    result.completed, result.events, result.throughputPerDay, result.leadTime.mean,
                    result.leadTime.meanHalfWidth);
        std::printf("  median %.0f ms (CPU %.0f ms), %.1f M events per CPU second, peak memory "
                    "%.1f MB\n",
                    t.ms, t.cpuMs, static_cast<double>(result.events) / t.cpuMs / 1e3, memory);
        if (breakdowns) {
            double down = 0;
            for (const metrics::StepQueue& s : result.steps)
                down += s.down / static_cast<double>(result.steps.size());
            std::printf("  mean share under repair %.1f%% (expected 0.75 x 6/120 = 3.8%%)\n",
                        100 * down);
        }
        goals.push_back({"discrete-event, a year of 50 steps" + label,
                         fixed(t.ms, 0) + " ms (CPU " + fixed(t.cpuMs, 0) + ")", "< 2000 ms",
                         t.ms < 2000});
        goals.push_back({"discrete-event peak memory" + label, fixed(memory, 1) + " MB", "< 200 MB",
                         memory < 200});
    }

    {
        bench::MapCounts counts;
        const model::Project project = bench::generateProject({200, 1}, &counts);
        metrics::MonteCarloOptions options;
        options.trials = 10000;
        metrics::MonteCarloResult result;
        const Timing all = median(runs, [&] {
            result = metrics::runMonteCarlo(project, project.maps.front(), options);
            g_sink = g_sink + result.leadTime.mean;
        });
        options.threads = 1;
        const Timing one = median(runs, [&] {
            g_sink = g_sink +
                     metrics::runMonteCarlo(project, project.maps.front(), options).leadTime.mean;
        });
        std::printf("\nMonte Carlo: %zu steps, %zu flows, %zu parallel splits, %zu alternative "
                    "splits, %zu rework loops; 10,000 trials\n",
                    counts.steps, counts.flows, counts.parallelSplits, counts.alternativeSplits,
                    counts.reworkLoops);
        std::printf("  valid %s, mean %.0f s (critical path %.0f s), P95 %.0f s\n",
                    result.valid ? "yes" : "NO", result.leadTime.mean, result.deterministic,
                    result.leadTime.p95);
        std::printf("  median %.1f ms on %u threads (CPU %.1f ms), %.1f ms on 1 thread: %.2fx\n",
                    all.ms, std::thread::hardware_concurrency(), all.cpuMs, one.ms,
                    one.ms / all.ms);
        goals.push_back({"Monte Carlo, 10,000 trials of 200 steps", fixed(all.ms, 1) + " ms",
                         "< 200 ms", all.ms < 200 && result.valid});
    }

    {
        // The SimPy reference: 10 exponential stations of 20 s mean, Poisson arrivals 1,000 a
        // day, 40 days (4 of warm-up). Jackson's theorem: W = 10 x 20 / (1 - rho).
        const int stations = 10;
        const double perDay = 1000;
        const double service = 20;
        const double days = 40;
        const double warmupDays = 4;
        model::Project project = line(stations, perDay, service, service, service);
        metrics::DesOptions options;
        options.horizon = days * kDay;
        options.warmup = warmupDays * kDay;
        options.seed = 1;
        options.exponentialService = true;
        metrics::DesResult gemba;
        const Timing gembaTime = median(runs, [&] {
            gemba = metrics::runDiscreteEvent(project, project.maps.front(), options);
        });
        const double rho = perDay * service / kDay;
        const double theory = stations * service / (1 - rho);
        std::printf("\nTandem line: %d stations, exponential 20 s, Poisson 1,000 a day, %g days "
                    "(%g warm-up); theory W = %.1f s\n",
                    stations, days, warmupDays, theory);
        std::printf("  Gemba: W = %.1f s +/- %.1f, throughput %.1f a day, %.1f ms\n",
                    gemba.leadTime.mean, gemba.leadTime.meanHalfWidth, gemba.throughputPerDay,
                    gembaTime.ms);
        // Both sides' time is the simulation's own, on one core: CPU time for Gemba, the
        // script's own timer around SimPy's run (Python's start-up not counted).
        const double gembaMs = gembaTime.cpuMs;
        const std::filesystem::path script =
            std::filesystem::path(GEMBA_SOURCE_DIR) / "bench" / "simpy_tandem.py";
        // Debian's interpreter, where Debian's python3-simpy is installed.
        const std::string python =
            std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        const std::string command = python + " " + script.string() + " " +
                                    std::to_string(stations) + " " + fixed(perDay, 0) + " " +
                                    fixed(service, 0) + " " + fixed(days, 0) + " " +
                                    fixed(warmupDays, 0) + " 1 " + fixed(kDay, 0) + " 2>&1";
        std::string output;
        if (FILE* pipe = ::popen(command.c_str(), "r")) {
            char buffer[512];
            while (std::fgets(buffer, sizeof buffer, pipe))
                output += buffer;
            ::pclose(pipe);
        }
        try {
            const nlohmann::json simpy = nlohmann::json::parse(output);
            const double simpyMean = simpy.at("mean_seconds");
            const double simpyHalf = simpy.at("half_width_seconds");
            const double simpyMs = simpy.at("seconds").get<double>() * 1000;
            const double simpyThroughput = simpy.at("throughput_per_day");
            std::printf("  SimPy %d: W = %.1f s +/- %.1f, throughput %.1f a day, %.0f ms\n",
                        simpy.at("simpy").get<int>(), simpyMean, simpyHalf, simpyThroughput,
                        simpyMs);
            // The two means agree when they differ by less than their combined half widths.
            const double combined = std::hypot(gemba.leadTime.meanHalfWidth, simpyHalf);
            const bool agree =
                std::abs(gemba.leadTime.mean - simpyMean) < 1.5 * combined &&
                std::abs(gemba.throughputPerDay - simpyThroughput) < 0.02 * simpyThroughput;
            std::printf("  difference %.1f s (combined half width %.1f s): %s\n",
                        gemba.leadTime.mean - simpyMean, combined,
                        agree ? "they agree" : "THEY DISAGREE");
            goals.push_back({"Gemba and SimPy agree (lead time, throughput)",
                             fixed(gemba.leadTime.mean - simpyMean, 1) + " s apart",
                             "within the CIs", agree});
            goals.push_back({"Gemba / SimPy speed", fixed(simpyMs / gembaMs, 0) + "x faster",
                             ">= 20x", simpyMs / gembaMs >= 20});
        } catch (const std::exception&) {
            std::printf("  SimPy did not run (install python3-simpy): %s\n", output.c_str());
            goals.push_back({"SimPy reference", "not run", "python3-simpy", false});
        }
    }

    std::printf("\n%-56s %-18s %-14s %s\n", "goal", "measured", "limit", "met");
    bool met = true;
    for (const Goal& goal : goals) {
        std::printf("%-56s %-18s %-14s %s\n", goal.what.c_str(), goal.measured.c_str(),
                    goal.limit.c_str(), goal.met ? "yes" : "NO");
        met = met && goal.met;
    }
    return met ? 0 : 1;
}
