#include "harness_support.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gemba::fuzz {

void fail(const char* harness, const char* what) {
    std::fprintf(stderr, "%s: %s\n", harness, what);
    std::fflush(stderr);
    std::abort();
}

void checkFinite(const char* harness, const model::Project& project) {
    auto finite = [](const std::optional<double>& value) {
        return !value || std::isfinite(*value);
    };
    for (const model::Map& map : project.maps) {
        for (const auto& [id, step] : map.steps)
            for (const std::optional<double>& value :
                 {step.processTime, step.processTimeMin, step.processTimeMax, step.cycleTime,
                  step.leadTime, step.pca, step.batchSize, step.changeover, step.uptime,
                  step.defectRate, std::optional<double>(step.headcount)})
                if (!finite(value))
                    fail(harness, "a reader let a number through that is not finite");
        for (const auto& [id, wait] : map.waits)
            if (!finite(wait.time) || !finite(wait.quantity))
                fail(harness, "a reader let a number through that is not finite");
    }
}

void checkMetrics(const char* harness, const model::Project& project) {
    checkFinite(harness, project);
    for (const model::Map& map : project.maps) {
        const metrics::MapMetrics m = metrics::computeMetrics(project, map);
        if (!m.valid)
            continue;
        for (double figure : {m.leadTime, m.processTime, m.cycleTime, m.waitTime, m.leadTimeDays,
                              m.activityRatio, m.processCycleEfficiency, m.totalLabour})
            if (!std::isfinite(figure))
                fail(harness, "a valid map shows a figure that is not finite");
        if ((m.takt && !std::isfinite(*m.takt)) || (m.wip && !std::isfinite(*m.wip)))
            fail(harness, "a valid map shows a takt or WIP that is not finite");
    }
}

} // namespace gemba::fuzz
