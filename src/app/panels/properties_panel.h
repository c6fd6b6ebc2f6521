#pragma once

#include "gemba/model/edit.h"
#include "gemba/model/types.h"

#include <QPointer>
#include <QWidget>
#include <map>
#include <memory>
#include <vector>

class QLabel;
class QScrollArea;

namespace gemba::app {

class EditorDocument;

namespace detail {
class FormBuilder;
class SweepGesture;
} // namespace detail

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

private:
    void onChanged(const model::Changes& changes);
    /// Drops selected ids the map no longer holds; true when the selection changed.
    bool pruneSelection();
    /// Replaces the form for the current context; what the user typed is committed first.
    void rebuild();
    void buildSummary();
    void refreshTitle();
    /// Connects the fields of the form to the problem line (rows appear as the model grows).
    void watchFields();
    /// Shows why the field that sent it refuses its text, in words under the title, so that a
    /// facilitator at a projector sees it without hovering.
    void showFieldProblem(const QString& message);

    EditorDocument& m_document;
    model::Id m_map = model::kNoId;
    std::vector<model::Id> m_selection;
    QLabel* m_title;
    QLabel* m_problem;
    QPointer<QObject> m_problemSource;
    QScrollArea* m_scroll;
    QWidget* m_page = nullptr;
    std::unique_ptr<detail::SweepGesture> m_sweep;
    std::unique_ptr<detail::FormBuilder> m_builder;
    std::map<QString, bool> m_expanded; ///< section key -> unfolded, across forms
    bool m_rebuilding = false;
};

} // namespace gemba::app
