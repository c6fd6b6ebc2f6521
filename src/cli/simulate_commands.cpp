// simulate: Monte Carlo and discrete-event runs of a map, alone or beside a what-if or
// another map.
#include "command.h"
#include "common.h"
#include "gemba/metrics/simulation.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/simulation_sheet.h"
#include "gui.h"
#include "text_table.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace {

using metrics::DesResult;
using metrics::MonteCarloResult;
using metrics::SampleSummary;
using model::Calendar;

/// One run's subject: the map as drawn, changed by what-ifs, or another map.
struct Variant {
    std::string label;
    model::Map map;
};

std::uint64_t seedOption(const Args& args) {
    const auto text = args.value("--seed");
    if (!text)
        return 1;
    const auto number = model::parseNumber(*text);
    if (!number || *number < 0 || std::floor(*number) != *number || *number > 9.0e15)
        throw UsageError("option --seed needs a whole number from 0, not '" + *text + "'");
    return static_cast<std::uint64_t>(*number);
}

double durationOption(const Args& args, std::string_view option, const Calendar& calendar,
                      double fallback) {
    const auto text = args.value(option);
    if (!text)
        return fallback;
    const model::Parsed<double> parsed = model::parseDuration(*text, calendar);
    if (!parsed.ok())
        throw UsageError("option " + std::string(option) + ": " + parsed.error());
    return parsed.value();
}

nlohmann::json summaryJson(const SampleSummary& s) {
    nlohmann::json bins = nlohmann::json::array();
    for (const metrics::HistogramBin& bin : s.histogram)
        bins.push_back({{"from_seconds", bin.from}, {"to_seconds", bin.to}, {"count", bin.count}});
    return {{"count", s.count},
            {"mean_seconds", s.mean},
            {"mean_half_width_seconds", s.meanHalfWidth},
            {"stddev_seconds", s.stddev},
            {"min_seconds", s.min},
            {"max_seconds", s.max},
            {"p50_seconds", s.p50},
            {"p85_seconds", s.p85},
            {"p95_seconds", s.p95},
            {"histogram", bins}};
}

nlohmann::json monteCarloJson(const MonteCarloResult& r) {
    nlohmann::json steps = nlohmann::json::array();
    for (const metrics::StepSimulation& s : r.steps)
        steps.push_back({{"id", s.step},
                         {"name", s.name},
                         {"criticality", s.criticality},
                         {"mean_visits", s.meanVisits},
                         {"varies", s.varies},
                         {"low_mean_seconds", s.lowMean},
                         {"high_mean_seconds", s.highMean},
                         {"swing_seconds", s.swing()}});
    nlohmann::json out = {{"trials", r.trials},
                          {"seed", r.seed},
                          {"distribution", metrics::distributionName(r.distribution)},
                          {"deterministic_lead_time_seconds", r.deterministic},
                          {"lead_time", summaryJson(r.leadTime)},
                          {"gap_seconds", r.leadTime.mean - r.deterministic},
                          {"steps", steps},
                          {"tornado", r.tornado}};
    if (r.target) {
        out["target_seconds"] = *r.target;
        out["meet_target"] = r.meetTarget;
    }
    return out;
}

nlohmann::json desJson(const DesResult& r) {
    nlohmann::json steps = nlohmann::json::array();
    for (const metrics::StepQueue& s : r.steps) {
        nlohmann::json step = {{"id", s.step},
                               {"name", s.name},
                               {"servers", s.servers},
                               {"offered_load", s.offeredLoad},
                               {"utilisation", s.utilisation},
                               {"blocked", s.blocked},
                               {"down", s.down},
                               {"availability", s.availability},
                               {"unbounded", s.unbounded},
                               {"queue_max", s.queueMax},
                               {"queue_over_time", s.queueOverTime},
                               {"utilisation_over_time", s.utilisationOverTime}};
        // An unbounded queue has no meaningful average: its growth stands instead.
        if (s.unbounded) {
            step["queue_mean"] = nullptr;
            step["wait_mean_seconds"] = nullptr;
            step["growth_per_day"] = s.growthPerDay;
        } else {
            step["queue_mean"] = s.queueMean;
            step["wait_mean_seconds"] = s.waitMean;
        }
        steps.push_back(step);
    }
    return {{"horizon_seconds", r.horizon},
            {"warmup_seconds", r.warmup},
            {"arrivals_per_day", r.arrivalsPerDay},
            {"arrived", r.arrived},
            {"completed", r.completed},
            {"throughput_per_day", r.throughputPerDay},
            {"lead_time", summaryJson(r.leadTime)},
            {"wip_mean", r.wipMean},
            {"wip_max", r.wipMax},
            {"sample_times_seconds", r.sampleTimes},
            {"wip_over_time", r.wipOverTime},
            {"constraint",
             r.constraint == model::kNoId ? nlohmann::json() : nlohmann::json(r.constraint)},
            {"longest_queue",
             r.longestQueue == model::kNoId ? nlohmann::json() : nlohmann::json(r.longestQueue)},
            {"steps", steps}};
}

std::string number(double value, int decimals = 2) {
    return count(value, decimals);
}

/// A histogram as rows of bars, 40 characters at the tallest.
std::string histogramText(const SampleSummary& s, const Calendar& calendar) {
    long long tallest = 0;
    for (const metrics::HistogramBin& bin : s.histogram)
        tallest = std::max(tallest, bin.count);
    TextTable table({TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left},
                    "    ");
    for (const metrics::HistogramBin& bin : s.histogram) {
        const auto width =
            tallest ? static_cast<std::size_t>(std::lround(40.0 * static_cast<double>(bin.count) /
                                                           static_cast<double>(tallest)))
                    : 0;
        table.addRow({duration(bin.from, calendar), std::string(width, '#'),
                      bin.count ? number(static_cast<double>(bin.count)) : std::string()});
    }
    return table.render();
}

/// Monte Carlo runs side by side: one column per variant.
std::string monteCarloText(const std::vector<Variant>& variants,
                           const std::vector<MonteCarloResult>& runs, const Calendar& calendar) {
    const MonteCarloResult& first = runs.front();
    std::string text =
        "Monte Carlo: " + number(first.trials) + " trials, seed " + std::to_string(first.seed) +
        ", " + std::string(metrics::distributionName(first.distribution)) + " process times\n";
    std::vector<TextTable::Align> align{TextTable::Align::Left};
    std::vector<std::string> header{""};
    for (const Variant& v : variants) {
        align.push_back(TextTable::Align::Right);
        header.push_back(v.label);
    }
    TextTable figures(align);
    if (variants.size() > 1)
        figures.addRow(header);
    const auto row = [&](std::string name, auto cell) {
        std::vector<std::string> cells{std::move(name)};
        for (const MonteCarloResult& r : runs)
            cells.push_back(cell(r));
        figures.addRow(std::move(cells));
    };
    row("Critical path (typical times)",
        [&](const MonteCarloResult& r) { return duration(r.deterministic, calendar); });
    row("Simulated mean", [&](const MonteCarloResult& r) {
        return duration(r.leadTime.mean, calendar) + " +/- " +
               duration(r.leadTime.meanHalfWidth, calendar);
    });
    row("Gap (mean - critical path)", [&](const MonteCarloResult& r) {
        return duration(r.leadTime.mean - r.deterministic, calendar);
    });
    row("P50", [&](const MonteCarloResult& r) { return duration(r.leadTime.p50, calendar); });
    row("P85", [&](const MonteCarloResult& r) { return duration(r.leadTime.p85, calendar); });
    row("P95", [&](const MonteCarloResult& r) { return duration(r.leadTime.p95, calendar); });
    row("Range", [&](const MonteCarloResult& r) {
        return duration(r.leadTime.min, calendar) + " - " + duration(r.leadTime.max, calendar);
    });
    if (first.target)
        row("Meets " + duration(*first.target, calendar),
            [&](const MonteCarloResult& r) { return percent(r.meetTarget); });
    text += figures.render();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const MonteCarloResult& r = runs[i];
        text += "\nLead time histogram" +
                (variants.size() > 1 ? " (" + variants[i].label + ")" : std::string()) + ":\n";
        text += histogramText(r.leadTime, calendar);
        text += "\nSteps" + (variants.size() > 1 ? " (" + variants[i].label + ")" : std::string()) +
                ": criticality (share of trials on the longest path) and the tornado (mean\n"
                "lead time when the step's draw is in its lowest / highest tenth):\n";
        TextTable steps({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right});
        steps.addRow({"Step", "Critical", "Passes", "Low", "High", "Swing"});
        std::vector<const metrics::StepSimulation*> order;
        for (model::Id id : r.tornado)
            for (const metrics::StepSimulation& s : r.steps)
                if (s.step == id)
                    order.push_back(&s);
        for (const metrics::StepSimulation& s : r.steps)
            if (!s.varies)
                order.push_back(&s);
        for (const metrics::StepSimulation* s : order)
            steps.addRow({s->name, percent(s->criticality), number(s->meanVisits),
                          s->varies ? duration(s->lowMean, calendar) : "-",
                          s->varies ? duration(s->highMean, calendar) : "-",
                          s->varies ? duration(s->swing(), calendar) : "fixed"});
        text += steps.render();
    }
    return text;
}

std::string queueCell(const metrics::StepQueue& s) {
    if (s.unbounded)
        return "grows +" + number(s.growthPerDay, 1) + "/d";
    return number(s.queueMean, 1) + " (max " + number(s.queueMax, 0) + ")";
}

/// Discrete-event runs side by side.
std::string desText(const std::vector<Variant>& variants, const std::vector<DesResult>& runs,
                    const Calendar& calendar, metrics::Arrivals arrivals) {
    const DesResult& first = runs.front();
    std::string text = "\nDiscrete-event: " + duration(first.horizon, calendar) + " of working " +
                       "time, warm-up " + duration(first.warmup, calendar) + ", " +
                       (arrivals == metrics::Arrivals::Poisson ? "random" : "regular") +
                       " arrivals, " + number(first.arrivalsPerDay) + " a day\n";
    std::vector<TextTable::Align> align{TextTable::Align::Left};
    std::vector<std::string> header{""};
    for (const Variant& v : variants) {
        align.push_back(TextTable::Align::Right);
        header.push_back(v.label);
    }
    TextTable figures(align);
    if (variants.size() > 1)
        figures.addRow(header);
    const auto row = [&](std::string name, auto cell) {
        std::vector<std::string> cells{std::move(name)};
        for (const DesResult& r : runs)
            cells.push_back(cell(r));
        figures.addRow(std::move(cells));
    };
    const auto nameOf = [&](const DesResult& r, model::Id id) {
        for (const metrics::StepQueue& s : r.steps)
            if (s.step == id)
                return s.name;
        return std::string("-");
    };
    row("Throughput per day", [](const DesResult& r) { return number(r.throughputPerDay); });
    row("Items finished",
        [](const DesResult& r) { return number(static_cast<double>(r.completed)); });
    row("Lead time mean", [&](const DesResult& r) {
        return r.leadTime.count ? duration(r.leadTime.mean, calendar) : "-";
    });
    row("Lead time P50 / P85 / P95", [&](const DesResult& r) {
        if (!r.leadTime.count)
            return std::string("-");
        return duration(r.leadTime.p50, calendar) + " / " + duration(r.leadTime.p85, calendar) +
               " / " + duration(r.leadTime.p95, calendar);
    });
    row("Work in process (mean, max)",
        [&](const DesResult& r) { return number(r.wipMean, 1) + ", " + number(r.wipMax, 0); });
    row("Little's law: throughput x lead time", [&](const DesResult& r) {
        return number(r.throughputPerDay / calendar.secondsPerDay() * r.leadTime.mean, 1);
    });
    row("Constraint (highest load)", [&](const DesResult& r) { return nameOf(r, r.constraint); });
    row("Queue builds up at", [&](const DesResult& r) { return nameOf(r, r.longestQueue); });
    text += figures.render();
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (std::any_of(runs[i].steps.begin(), runs[i].steps.end(),
                        [](const metrics::StepQueue& s) { return s.unbounded; }))
            text += "  " + variants[i].label +
                    ": a queue grows without bound, so lead time and work in process grow with\n"
                    "  the length of the run: they are what this run saw, not a steady state.\n";

    // Every step's queue, side by side.
    // Steps that break down show the share of time under repair (part of Busy: the server
    // holds its item) beside the availability their MTBF and MTTR give.
    const bool breakdowns = std::any_of(runs.begin(), runs.end(), [](const DesResult& r) {
        return std::any_of(r.steps.begin(), r.steps.end(),
                           [](const metrics::StepQueue& s) { return s.breaksDown; });
    });
    text += "\nSteps: load (work offered / capacity), utilisation, and the queue before the "
            "step\n(mean and max items; a queue that grows without bound has no mean):\n";
    if (breakdowns)
        text += "Repair: share of the step's time under repair after breakdowns (counted in "
                "Busy);\nAvail.: MTBF / (MTBF + MTTR).\n";
    std::vector<const char*> columns{"People", "Load", "Busy", "Blocked"};
    if (breakdowns)
        columns.insert(columns.end(), {"Repair", "Avail."});
    columns.push_back("Queue");
    std::vector<TextTable::Align> stepAlign{TextTable::Align::Left};
    std::vector<std::string> stepHeader{"Step"};
    for (const Variant& v : variants) {
        const std::string suffix = variants.size() > 1 ? " (" + v.label + ")" : "";
        for (const char* column : columns) {
            stepAlign.push_back(TextTable::Align::Right);
            stepHeader.push_back(column + (std::string(column) == "Queue" ? suffix : ""));
        }
    }
    TextTable steps(stepAlign);
    steps.addRow(stepHeader);
    for (const metrics::StepQueue& base : first.steps) {
        std::vector<std::string> cells{base.name};
        for (const DesResult& r : runs) {
            // The same step by id (a what-if), else by name (another map).
            const metrics::StepQueue* s = nullptr;
            for (const metrics::StepQueue& candidate : r.steps)
                if (candidate.step == base.step)
                    s = &candidate;
            for (const metrics::StepQueue& candidate : r.steps)
                if (!s && candidate.name == base.name)
                    s = &candidate;
            if (!s) {
                cells.insert(cells.end(), columns.size(), std::string("-"));
                continue;
            }
            cells.push_back(number(s->servers));
            cells.push_back(percent(s->offeredLoad));
            cells.push_back(percent(s->utilisation));
            cells.push_back(percent(s->blocked));
            if (breakdowns) {
                cells.push_back(s->breaksDown ? percent(s->down) : "-");
                cells.push_back(s->breaksDown ? percent(s->availability) : "-");
            }
            cells.push_back(queueCell(*s));
        }
        steps.addRow(std::move(cells));
    }
    text += steps.render();
    return text;
}

/// Writes a run's errors and the simulation's own warnings to standard error (the map's other
/// findings are `validate`'s). True when there were errors.
bool reportFindings(Context& context, const std::string& file, const model::Map& map,
                    const std::vector<metrics::Finding>& findings) {
    bool errors = false;
    for (const metrics::Finding& f : findings) {
        const bool error = f.severity == metrics::Severity::Error;
        errors = errors || error;
        if (error || f.code.starts_with("simulation_"))
            context.err << findingLine(file, map, f) << "\n";
    }
    return errors;
}

} // namespace

int runSimulate(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const model::Project project = readProject(file);
    const Calendar& calendar = project.props.calendar;
    const auto mapName = args.value("--map");
    if (!mapName && project.maps.size() != 1)
        throw UsageError("--map is needed: " + file + " has " +
                         std::to_string(project.maps.size()) + " maps (" + listMapNames(project) +
                         ")");
    const model::Map& map = mapName ? mapNamed(project, file, *mapName) : project.maps.front();

    metrics::MonteCarloOptions mc;
    if (const auto trials = args.value("--trials")) {
        const double n = positiveNumberOption("--trials", *trials);
        if (std::floor(n) != n || n > 10'000'000)
            throw UsageError("option --trials needs a whole number from 1 to 10000000, not '" +
                             *trials + "'");
        mc.trials = static_cast<int>(n);
    }
    mc.seed = seedOption(args);
    if (const auto text = args.value("--distribution")) {
        const auto distribution = metrics::distributionFromText(*text);
        if (!distribution)
            throw UsageError("option --distribution is triangular or pert, not '" + *text + "'");
        mc.distribution = *distribution;
    }
    if (args.has("--target"))
        mc.target = durationOption(args, "--target", calendar, 0);

    const bool des = args.has("--des");
    if (!des)
        for (const char* option : {"--horizon", "--warmup", "--arrivals"})
            if (args.has(option))
                throw UsageError(std::string("option ") + option + " needs --des");
    metrics::DesOptions desOptions;
    desOptions.seed = mc.seed;
    desOptions.distribution = mc.distribution; // empty: each map's own choice
    desOptions.horizon = durationOption(args, "--horizon", calendar, 90 * calendar.secondsPerDay());
    desOptions.warmup = durationOption(args, "--warmup", calendar, 10 * calendar.secondsPerDay());
    if (const auto text = args.value("--arrivals")) {
        if (*text == "regular")
            desOptions.arrivals = metrics::Arrivals::Regular;
        else if (*text == "poisson" || *text == "random")
            desOptions.arrivals = metrics::Arrivals::Poisson;
        else
            throw UsageError("option --arrivals is poisson or regular, not '" + *text + "'");
    }

    // The subjects: the map, then a what-if copy or another map beside it.
    std::vector<Variant> variants{{map.props.name, map}};
    if (auto it = args.lists.find("--what-if"); it != args.lists.end()) {
        std::vector<metrics::WhatIfChange> changes;
        for (const std::string& text : it->second) {
            const auto parsed = metrics::parseWhatIf(text);
            if (!parsed.ok())
                throw UsageError("option --what-if: " + parsed.error());
            changes.push_back(parsed.value());
        }
        const auto changed = metrics::applyWhatIf(project, map, changes);
        if (!changed.ok())
            throw Failure(file + ": map \"" + map.props.name + "\": --what-if " + changed.error());
        variants.push_back({"what-if", changed.value()});
    }
    if (const auto against = args.value("--against")) {
        if (variants.size() > 1)
            throw UsageError("--against and --what-if cannot be combined: compare one change "
                             "at a time");
        variants.push_back({*against, mapNamed(project, file, *against)});
    }

    std::vector<MonteCarloResult> mcRuns;
    std::vector<DesResult> desRuns;
    bool errors = false;
    for (const Variant& v : variants) {
        mcRuns.push_back(metrics::runMonteCarlo(project, v.map, mc));
        errors = reportFindings(context, file, v.map, mcRuns.back().findings) || errors;
        if (des && mcRuns.back().valid) {
            desRuns.push_back(metrics::runDiscreteEvent(project, v.map, desOptions));
            errors = reportFindings(context, file, v.map, desRuns.back().findings) || errors;
        }
    }
    if (errors)
        return kExitFindings;

    if (const auto output = args.value("--report")) {
        // The map's report with the runs as its Simulation section, as the editor writes it.
        const auto gui = startGui();
        std::vector<render::SimulationRun> sheetRuns;
        for (std::size_t i = 0; i < variants.size(); ++i)
            sheetRuns.push_back({QString::fromStdString(variants[i].label), variants[i].map,
                                 mcRuns[i],
                                 des ? std::optional<DesResult>(desRuns[i]) : std::nullopt});
        render::ReportOptions options;
        options.simulation =
            std::make_shared<render::SimulationSheet>(project, std::move(sheetRuns));
        const render::Report report(project, map, options);
        render::writePdfReport(QString::fromStdString(*output), report);
        if (!args.has("--json"))
            context.err << "Wrote " << *output << ": " << report.pageCount() << " pages\n";
    }

    if (args.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t i = 0; i < variants.size(); ++i) {
            nlohmann::json run = {{"map", map.id},
                                  {"label", variants[i].label},
                                  {"monte_carlo", monteCarloJson(mcRuns[i])}};
            if (i > 0 && args.lists.count("--what-if"))
                run["what_if"] = args.lists.at("--what-if");
            if (i > 0 && args.has("--against"))
                run["map"] = variants[i].map.id;
            if (des)
                run["discrete_event"] = desJson(desRuns[i]);
            out.push_back(run);
        }
        context.out << (variants.size() == 1 ? out.at(0) : out).dump(2) << "\n";
        return kExitOk;
    }
    std::string text = "Map \"" + map.props.name + "\"";
    if (variants.size() > 1)
        text += " beside " + (args.has("--against") ? "map \"" + variants[1].label + "\""
                                                    : std::string("the what-if"));
    text += "\n";
    text += monteCarloText(variants, mcRuns, calendar);
    if (des)
        text += desText(variants, desRuns, calendar, desOptions.arrivals);
    context.out << text;
    return kExitOk;
}

Command simulateCommand() {
    return {
        "simulate",
        "simulate a map: Monte Carlo lead times, discrete-event queues, what-ifs",
        "FILE [--map NAME] [--trials N] [--seed S] [--des [--horizon 90d] [--warmup 10d]] "
        "[--what-if STEP:field=value ...] [--report OUT.pdf] [--json]",
        "Monte Carlo: draws every step's process time from its minimum, typical and maximum\n"
        "(triangular or PERT) per trial and walks the map: the lead time's mean, P50/P85/P95\n"
        "and histogram beside the critical-path figure, each step's criticality and the\n"
        "tornado of the steps whose variation moves the lead time most.\n"
        "With --des: a discrete-event run of items arriving at the map's demand through the\n"
        "steps' people, batches, lanes and loops: throughput, lead times, work in process,\n"
        "utilisation and every queue; a queue that grows without bound is said to.\n"
        "--what-if STEP:field=value (repeatable; fields: pt, min, max, lt, people, batch,\n"
        "changeover, uptime, mtbf, mttr, wip) or --against MAP runs a second map beside the\n"
        "first.\n"
        "The same seed gives the same figures on every machine. Exits with 1 when a map has\n"
        "errors (written to standard error), 2 for bad usage.",
        {
            {"--map", "", "NAME", "the map (default: the project's only map)"},
            {"--trials", "", "N", "Monte Carlo trials (default 10000)"},
            {"--seed", "", "S", "random seed (default 1)"},
            {"--distribution", "", "KIND", "triangular or pert (default: the map's choice)"},
            {"--target", "", "DURATION", "report the share of items within this lead time"},
            {"--des", "", "", "also run the discrete-event simulation"},
            {"--horizon", "", "DURATION", "discrete-event: working time simulated (default 90 d)"},
            {"--warmup", "", "DURATION",
             "discrete-event: time left out of the statistics (default 10 d)"},
            {"--arrivals", "", "KIND", "discrete-event: poisson (default) or regular"},
            {"--what-if", "", "STEP:FIELD=VALUE", "change a step for a second run beside the first",
             true},
            {"--against", "", "MAP", "run this map beside the first (future against current)"},
            {"--report", "", "OUT.pdf",
             "also write the map's PDF report with a Simulation section"},
            {"--json", "", "", "JSON instead of a readable report"},
        },
        1,
        1,
        runSimulate,
    };
}

} // namespace gemba::cli
