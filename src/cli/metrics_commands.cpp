// Commands that read a project and report on it: metrics, compare, validate.

#include "command.h"
#include "common.h"
#include "gemba/metrics/compare.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/figures_csv.h"
#include "metrics_json.h"
#include "metrics_text.h"

#include <ostream>

namespace gemba::cli {

namespace {

/// The error findings of a map on standard error, one line each, as `validate` writes them.
void reportErrors(Context& context, const std::string& file, const model::Map& map,
                  const std::vector<metrics::Finding>& findings) {
    for (const metrics::Finding& finding : findings)
        if (finding.severity == metrics::Severity::Error)
            context.err << findingLine(file, map, finding) << "\n";
}

} // namespace

int runMetrics(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const model::Project project = readProject(file);
    const auto mapName = args.value("--map");
    const std::vector<const model::Map*> maps = selectMaps(project, file, mapName);
    const bool json = args.has("--json");

    nlohmann::json array = nlohmann::json::array();
    std::string text;
    bool errors = false;
    for (const model::Map* map : maps) {
        const metrics::MapMetrics m = metrics::computeMetrics(project, *map);
        if (!m.valid) {
            errors = true;
            reportErrors(context, file, *map, m.findings);
        }
        if (json) {
            array.push_back(mapMetricsJson(project, *map, m));
        } else {
            if (!text.empty())
                text += "\n";
            text += metricsText(project, *map, m);
        }
    }
    if (json)
        context.out << (mapName ? array.at(0) : array).dump(2) << "\n";
    else
        context.out << text;
    return errors ? kExitFindings : kExitOk;
}

int runCompare(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const model::Project project = readProject(file);
    auto fromName = args.value("--from");
    auto toName = args.value("--to");
    if (!fromName || !toName) {
        // Without names, a project of exactly two maps compares them in tab order.
        if (project.maps.size() != 2)
            throw UsageError("options --from MAP and --to MAP are required (" + file + " has " +
                             std::to_string(project.maps.size()) +
                             " maps: " + listMapNames(project) + ")");
        if (!fromName)
            fromName = project.maps[0].props.name;
        if (!toName)
            toName = project.maps[1].props.name;
    }
    const model::Map& from = mapNamed(project, file, *fromName);
    const model::Map& to = mapNamed(project, file, *toName);
    const metrics::Comparison comparison = metrics::compare(project, from, to);
    if (args.has("--json") && args.has("--csv"))
        throw UsageError("give --json or --csv, not both");
    if (args.has("--bom") && !args.has("--csv"))
        throw UsageError("option --bom applies to --csv only");
    if (args.has("--csv"))
        context.out << (args.has("--bom") ? store::kUtf8Bom : "")
                    << store::comparisonCsv(project, from, to, comparison);
    else if (args.has("--json"))
        context.out << comparisonJson(project, from, to, comparison).dump(2) << "\n";
    else
        context.out << comparisonText(project, from, to, comparison);
    bool errors = false;
    const std::pair<const model::Map*, const metrics::MapMetrics*> sides[] = {
        {&from, &comparison.from}, {&to, &comparison.to}};
    for (const auto& [map, m] : sides) {
        if (m->valid)
            continue;
        errors = true;
        reportErrors(context, file, *map, m->findings);
    }
    return errors ? kExitFindings : kExitOk;
}

int runValidate(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const model::Project project = readProject(file);
    const std::vector<const model::Map*> maps = selectMaps(project, file, args.value("--map"));
    std::vector<metrics::Finding> all;
    for (const model::Map* map : maps) {
        const std::vector<metrics::Finding> findings = metrics::validate(project, *map);
        for (const metrics::Finding& finding : findings) {
            context.out << findingLine(file, *map, finding) << "\n";
            all.push_back(finding);
        }
    }
    // The workshop (ideas, actions, reviews, log) is checked with the whole project.
    if (!args.value("--map"))
        for (const model::WorkshopFinding& finding : model::checkWorkshop(project)) {
            const auto severity =
                finding.error ? metrics::Severity::Error : metrics::Severity::Warning;
            context.out << file << ": workshop: " << severityName(severity) << ": "
                        << finding.message << "\n";
            all.push_back(
                metrics::Finding{severity, "workshop", model::kNoId, finding.id, finding.message});
        }
    context.err << file << ": " << maps.size() << (maps.size() == 1 ? " map" : " maps")
                << " checked: " << findingCounts(all) << "\n";
    return metrics::hasErrors(all) ? kExitFindings : kExitOk;
}

} // namespace gemba::cli
