#pragma once

#include "gemba/metrics/portfolio.h"
#include "gemba/render/paged_document.h"
#include "gemba/render/report.h"

#include <QDate>
#include <QRectF>
#include <memory>

class QPainter;

/// The portfolio as a document for the people who look one level up: the value streams side
/// by side, the touch points between them as a graph, what several streams share (systems,
/// roles, people, kinds of waste) with its cost, the ideas' funnel and every action. The same
/// figures as `gemba-cli portfolio` and File > Portfolio….
namespace gemba::render {

struct PortfolioReportOptions {
    QString where; ///< the folder or repository the streams were read from, for the header
    QDate today;   ///< invalid: the current date
    PageSize pageSize = PageSize::A4;
    bool landscape = true;
};

/// The streams as boxes on an ellipse in `area`, an arrow from supplier stream to customer
/// stream for each touch point, labelled with how long work waits there. The editor's
/// portfolio window and the PDF draw the same graph.
void paintTouchPointGraph(QPainter& painter, const QRectF& area,
                          const metrics::Portfolio& portfolio);

class PortfolioReport : public PagedDocument {
public:
    PortfolioReport(metrics::Portfolio portfolio, PortfolioReportOptions options);
    ~PortfolioReport();
    PortfolioReport(const PortfolioReport&) = delete;
    PortfolioReport& operator=(const PortfolioReport&) = delete;

    int pageCount() const override;
    QPageLayout pageLayout() const override;
    QSizeF pageSize() const override;
    /// "Portfolio of N value streams", the PDF's title.
    QString title() const override;
    QString subject() const override;
    QString keywords() const override;
    std::vector<Bookmark> bookmarks() const override;
    void paintPage(QPainter& painter, int index) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace gemba::render
