#pragma once

#include <QWidget>

namespace gemba::app {

class EditorDocument;

/// The project's people (name, role or team, hourly cost) and systems (name, kind): add, edit,
/// remove. Steps pick from these lists in the properties panel.
class PeopleSystemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit PeopleSystemsPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~PeopleSystemsPanel() override;
};

} // namespace gemba::app
