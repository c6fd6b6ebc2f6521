#pragma once

#include "gemba/model/edit.h"
#include "gemba/model/types.h"

#include <QWidget>
#include <map>
#include <vector>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

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

    /// The figures as shown, one "label<TAB>value" line each, for the clipboard.
    QString figuresAsText() const;

private:
    void refresh();
    void onChanged(const model::Changes& changes);
    /// A row: its label, its value (selectable) and the formula as tooltip of both.
    void addRow(const QString& key, const QString& label, const QString& formula);
    void setValue(const QString& key, const QString& value);

    EditorDocument& m_document;
    model::Id m_map = model::kNoId;
    QLabel* m_heading;
    QLabel* m_status;
    QScrollArea* m_scroll;
    QWidget* m_figures;
    QFormLayout* m_form;
    QPushButton* m_copy;
    std::map<QString, QLabel*> m_values;
    std::map<QString, QLabel*> m_labels;
    std::vector<QString> m_order; ///< row keys, top to bottom
    bool m_hasFigures = false;
    bool m_pathWithheld = false; ///< errors in how work flows: the path rows say so
};

} // namespace gemba::app
