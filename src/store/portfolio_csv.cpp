#include "gemba/store/portfolio_csv.h"

#include "csv.h"
#include "gemba/model/units.h"

namespace gemba::store {

namespace {

std::string number(double value) {
    return model::formatNumber(value, 4);
}

} // namespace

std::string portfolioCsv(const metrics::Portfolio& portfolio) {
    std::string out = "stream,source,state,map,valid,lead_time_hours,process_time_hours,"
                      "activity_ratio,rolled_pca,friction_cost_per_year,red_pen_cost_per_year,"
                      "currency,open_actions\n";
    for (const metrics::StreamSummary& s : portfolio.streams) {
        const std::pair<const char*, const std::optional<metrics::StateFigures>*> states[] = {
            {"current", &s.current}, {"future", &s.future}, {"measured", &s.measured}};
        for (const auto& [state, figures] : states) {
            if (!*figures)
                continue;
            const metrics::StateFigures& f = **figures;
            const std::vector<std::string> cells = {s.name,
                                                    s.source,
                                                    state,
                                                    f.map,
                                                    f.valid ? "yes" : "no",
                                                    f.valid ? number(f.leadTime / 3600) : "",
                                                    f.valid ? number(f.processTime / 3600) : "",
                                                    f.valid ? number(f.activityRatio) : "",
                                                    f.valid ? number(f.rolledPca) : "",
                                                    number(f.frictionCostPerYear),
                                                    number(f.redPenCostPerYear),
                                                    s.currency,
                                                    std::to_string(s.openActions)};
            for (std::size_t i = 0; i < cells.size(); ++i)
                out += (i ? "," : "") + detail::csvCell(cells[i]);
            out += "\n";
        }
    }
    return out;
}

} // namespace gemba::store
