#pragma once

#include "gemba/model/types.h"

#include <QWidget>

namespace gemba::app {

class EditorDocument;

/// The live figures of the current map, from the metrics engine: lead time, process time,
/// activity ratio, process cycle efficiency, rolled %C&A, takt, bottleneck, handoffs, friction
/// cost. Updates whenever the document's metrics do.
class MetricsPanel : public QWidget {
    Q_OBJECT

public:
    explicit MetricsPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~MetricsPanel() override;
    void setMap(model::Id map);
};

} // namespace gemba::app
