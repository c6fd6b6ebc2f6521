#pragma once

#include "gemba/model/types.h"
#include "sheet_canvas.h"

#include <QDialog>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QScrollArea;

namespace gemba::metrics {
struct Comparison;
}
namespace gemba::render {
class ComparisonSheet;
}

namespace gemba::app {

class EditorDocument;
class ExportActions;

/// Map > Compare Maps…: any two maps of the project side by side, as the report's comparison
/// section shows them (figures, lead time by segment, the waterfall, steps added, removed and
/// changed), kept up to date while the maps are edited, and exported as the report of the
/// "to" map with the comparison.
class CompareView : public QDialog {
    Q_OBJECT

public:
    CompareView(EditorDocument& document, ExportActions& exports, QWidget* parent = nullptr);
    ~CompareView() override;

    void setMaps(model::Id from, model::Id to);
    model::Id fromMap() const;
    model::Id toMap() const;
    /// The comparison shown now; null when the two maps are the same or missing.
    const metrics::Comparison* comparison() const;
    /// Recomputes now what a change would recompute at the next turn of the event loop.
    void refreshNow();

private:
    void fillMapLists();
    void scheduleRefresh();
    void exportPdf();

    EditorDocument& m_document;
    ExportActions& m_exports;
    QComboBox* m_from;
    QComboBox* m_to;
    QLabel* m_status;
    QScrollArea* m_scroll;
    SheetCanvas* m_canvas;
    std::shared_ptr<const render::ComparisonSheet> m_sheet;
    bool m_refreshScheduled = false;
};

} // namespace gemba::app
