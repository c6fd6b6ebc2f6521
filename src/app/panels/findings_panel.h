#pragma once

#include "gemba/model/types.h"

#include <QWidget>

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
};

} // namespace gemba::app
