#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Findings with messages a facilitator reads: elements named the way they are drawn
/// (Step "Review", Inventory "Before test"), durations in the project's calendar.
namespace gemba::metrics::detail {

/// How a message names an element: Step "Review", Inventory "Queue", Supplier "ACME",
/// Flow from Step "A" to Step "B". Unnamed elements get their id: Step #12.
std::string describe(const model::Map& map, model::Id element);

/// Collects the findings of one map into a vector, counting errors as they come.
class Reporter {
public:
    Reporter(const model::Project& project, const model::Map& map, std::vector<Finding>& out);

    void error(std::string_view code, model::Id element, std::string message);
    void warning(std::string_view code, model::Id element, std::string message);
    void info(std::string_view code, model::Id element, std::string message);

    bool hasErrors() const { return m_errors > 0; }
    /// "30 min", "1.5 d": seconds in the project's calendar.
    std::string duration(double seconds) const;
    /// A process or cycle time, or takt, in the map's unit for them, as the map shows them.
    std::string stepTime(double seconds) const;
    std::string describe(model::Id element) const { return detail::describe(m_map, element); }
    /// How a message names the map itself: Map "Current state".
    std::string describeMap() const;
    const model::Project& project() const { return m_project; }
    const model::Map& map() const { return m_map; }

private:
    void add(Severity severity, std::string_view code, model::Id element, std::string message);

    const model::Project& m_project;
    const model::Map& m_map;
    std::vector<Finding>& m_out;
    /// Found when a message first needs it: most computations write no duration.
    mutable std::optional<model::DurationUnits> m_units;
    int m_errors = 0;
};

/// Up to `limit` element descriptions joined with ", ", then "and N more".
std::string describeList(const model::Map& map, const std::vector<model::Id>& elements,
                         std::size_t limit = 5);

} // namespace gemba::metrics::detail
