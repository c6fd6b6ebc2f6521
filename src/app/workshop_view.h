#pragma once

#include "gemba/render/workshop_report.h"
#include "sheet_canvas.h"

#include <QDialog>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>
#include <memory>

class QAction;
class QComboBox;
class QScrollArea;

namespace gemba::app {

class EditorDocument;

/// View > Action Plan Timeline… and View > Reviews…: the action plan as a timeline (grouped by
/// owner or status, the reviews and today as lines) with its table and review schedule, or the
/// reviews (baseline, target and actual per figure with a chart each, the actions' statuses at
/// each review, decisions), kept up to date while the project is edited and exported as the
/// same PDF as `gemba-cli export-plan --format plan-pdf|reviews-pdf`.
class WorkshopView : public QDialog {
    Q_OBJECT

public:
    WorkshopView(EditorDocument& document, QWidget* parent = nullptr);

    void setDocument(render::WorkshopDocument document);
    render::WorkshopDocument document() const;
    void setGrouping(render::PlanGrouping grouping);
    /// The options the sheet is drawn with now (today is the current date).
    render::WorkshopOptions options() const;
    SheetCanvas* canvas() const { return m_canvas; }
    void refreshNow();

private:
    void scheduleRefresh();
    void exportPdf();

    EditorDocument& m_document;
    QComboBox* m_kind;
    QComboBox* m_grouping;
    QScrollArea* m_scroll;
    SheetCanvas* m_canvas;
    bool m_refreshScheduled = false;
};

/// The actions that open the views and export the documents: objectNames
/// "actionPlanTimeline", "actionReviews", "actionExportPlanPdf", "actionExportReviewsPdf".
class WorkshopViewActions : public QObject {
    Q_OBJECT

public:
    WorkshopViewActions(EditorDocument& document, QWidget* window);
    QList<QAction*> viewActions() const { return {m_timeline, m_reviews}; }
    QList<QAction*> exportActions() const { return {m_exportPlan, m_exportReviews}; }
    /// The view, opened on `document` (created on first use).
    WorkshopView* show(render::WorkshopDocument document);
    /// Writes the document as a PDF; on failure returns false with the reason in `error`.
    bool exportPdf(const QString& path, const render::WorkshopOptions& options, QString* error);

private:
    void exportWithDialog(render::WorkshopDocument document);

    EditorDocument& m_document;
    QWidget* m_window;
    QPointer<WorkshopView> m_view;
    QAction* m_timeline;
    QAction* m_reviews;
    QAction* m_exportPlan;
    QAction* m_exportReviews;
};

} // namespace gemba::app
