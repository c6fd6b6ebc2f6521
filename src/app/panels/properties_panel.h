#pragma once

#include "gemba/model/types.h"

#include <QWidget>
#include <vector>

namespace gemba::app {

class EditorDocument;

/// Edits every field of the selected element, with units, validating as the user types: a bad
/// value is marked and explains itself, and is never taken. With nothing selected it edits the
/// map (name, state, scope, demand, available time, notes) and the project (name, calendar,
/// currency, rate, workshop team). Each change is one undo step; a sweep of one field merges.
class PropertiesPanel : public QWidget {
    Q_OBJECT

public:
    explicit PropertiesPanel(EditorDocument& document, QWidget* parent = nullptr);
    ~PropertiesPanel() override;

    /// The map shown and the canvas selection (elements and flows).
    void setContext(model::Id map, const std::vector<model::Id>& selection);
};

} // namespace gemba::app
