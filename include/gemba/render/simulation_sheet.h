#pragma once

#include "gemba/metrics/simulation.h"
#include "gemba/model/project.h"
#include "gemba/render/sheet.h"

#include <QColor>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

class QPainter;

/// The simulation of a map as one column of charts, for the editor's simulation view and for
/// its PDF: the figures side by side, the lead-time histogram with its percentiles, the
/// tornado, the map with its steps shaded by criticality, and from the discrete-event run
/// each step's load, utilisation and queue, and the queues and work in process over time.
/// Sizes in layout units (1/96 inch).
namespace gemba::render {

/// One run of a map: the map as simulated (maybe changed by what-ifs) and what came out.
struct SimulationRun {
    QString label; ///< "Current state", "What-if"
    model::Map map;
    metrics::MonteCarloResult monteCarlo;
    std::optional<metrics::DesResult> des;
};

class SimulationSheet : public Sheet {
public:
    /// The first run is the one whose histogram, tornado and map are drawn; a second stands
    /// beside it in the figures and the discrete-event charts.
    SimulationSheet(model::Project project, std::vector<SimulationRun> runs);
    const model::Project& project() const { return m_project; }

    const std::vector<SimulationRun>& runs() const { return m_runs; }
    qreal height(qreal width) const override;
    void paint(QPainter& painter, const QRectF& area) const override;

    /// The parts the sheet is made of, top to bottom, with their heights at a width; a PDF
    /// breaks pages between them.
    struct Part {
        int kind = 0;
        qreal height = 0;
    };
    std::vector<Part> parts(qreal width) const;
    void paintPart(QPainter& painter, const QRectF& area, int kind) const;

private:
    model::Project m_project; ///< a copy: the sheet outlives edits and the run's thread
    std::vector<SimulationRun> m_runs;
};

} // namespace gemba::render
