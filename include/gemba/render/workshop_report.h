#pragma once

#include "gemba/model/project.h"
#include "gemba/render/paged_document.h"
#include "gemba/render/report.h"
#include "gemba/render/workshop_charts.h"

#include <QDate>
#include <QPageLayout>
#include <QSizeF>
#include <QString>
#include <memory>

class QPainter;

/// The workshop's documents: the action plan (owners, dates, statuses, expected effects, the
/// timeline and the review schedule) and the review report (baseline, target and actual per
/// figure with a chart for each, the actions' statuses at each review, attendees and
/// decisions). Each is a column of blocks: the editor paints it at its width (WorkshopSheet),
/// a PDF pours it into pages that look like the map report's (WorkshopReport).
namespace gemba::render {

enum class WorkshopDocument { ActionPlan, Reviews };

struct WorkshopOptions {
    WorkshopDocument document = WorkshopDocument::ActionPlan;
    PlanGrouping grouping = PlanGrouping::Owner;
    QDate today; ///< invalid: the current date
    PageSize pageSize = PageSize::A4;
    bool landscape = true;
};

/// The document as one column, for the editor's workshop views.
class WorkshopSheet : public Sheet {
public:
    WorkshopSheet(const model::Project& project, const WorkshopOptions& options);
    ~WorkshopSheet();
    WorkshopSheet(const WorkshopSheet&) = delete;
    WorkshopSheet& operator=(const WorkshopSheet&) = delete;

    qreal height(qreal width) const override;
    void paint(QPainter& painter, const QRectF& area) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The document on pages, for PDF and printing.
class WorkshopReport : public PagedDocument {
public:
    WorkshopReport(const model::Project& project, const WorkshopOptions& options);
    ~WorkshopReport();
    WorkshopReport(const WorkshopReport&) = delete;
    WorkshopReport& operator=(const WorkshopReport&) = delete;

    int pageCount() const override;
    QPageLayout pageLayout() const override;
    QSizeF pageSize() const override;
    /// "<project> — Action plan", the PDF's title.
    QString title() const override;
    void paintPage(QPainter& painter, int index) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The document's name as the title and the menus say it: "Action plan", "Reviews".
QString workshopDocumentName(WorkshopDocument document);

} // namespace gemba::render
