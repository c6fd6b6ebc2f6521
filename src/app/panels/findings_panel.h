#pragma once

#include "gemba/model/edit.h"
#include "gemba/model/types.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace gemba::app {

class EditorDocument;

/// The validation findings of the current map, errors first. Activating one (click, Enter)
/// asks for its element to be selected.
class FindingsPanel : public QWidget {
    Q_OBJECT

public:
    explicit FindingsPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~FindingsPanel() override;
    void setMap(model::Id map);
    int count() const;

signals:
    void findingActivated(gemba::model::Id map, gemba::model::Id element);

private:
    void refresh();
    void activate(QListWidgetItem* item);

    EditorDocument& m_document;
    model::Id m_map = model::kNoId;
    QLabel* m_summary;
    QListWidget* m_list;
    int m_count = 0;
};

} // namespace gemba::app
