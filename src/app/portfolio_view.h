#pragma once

#include "gemba/metrics/portfolio.h"
#include "gemba/store/portfolio_sources.h"

#include <QDialog>
#include <QWidget>

class QAction;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace gemba::app {

class CataloguePanel;

/// The touch points between the streams as render::paintTouchPointGraph draws them.
class TouchPointGraph : public QWidget {
    Q_OBJECT

public:
    explicit TouchPointGraph(QWidget* parent = nullptr);
    void setPortfolio(const metrics::Portfolio* portfolio);
    QSize sizeHint() const override { return {720, 480}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const metrics::Portfolio* m_portfolio = nullptr;
};

/// File > Portfolio…: the value streams of a folder of projects (or of the repository) side by
/// side: each stream's key figures, the systems, roles, people and wastes several share, the
/// touch points between streams as a graph, the ideas' funnel and every action, and the
/// organisation's catalogue of systems and people (a tab where duplicates are merged).
class PortfolioView : public QDialog {
    Q_OBJECT

public:
    explicit PortfolioView(QWidget* parent = nullptr);
    /// Reads a folder or a postgresql:// URL; a problem is shown in the window, not thrown.
    void setSource(const QString& where);
    const metrics::Portfolio& portfolio() const { return m_portfolio; }
    const std::vector<store::SkippedSource>& skipped() const { return m_skipped; }
    CataloguePanel* cataloguePanel() const { return m_catalogue; }
    /// Writes the portfolio shown as a PDF (render::PortfolioReport); false, after saying why
    /// in a message box, when it cannot be written.
    bool exportPdf(const QString& path);

private:
    void chooseFolder();
    void fill();
    /// The portfolio of the sources read, grouped by the catalogue shown.
    void rebuild();

    std::vector<metrics::PortfolioSource> m_sources;
    metrics::Portfolio m_portfolio;
    std::vector<store::SkippedSource> m_skipped;
    QLabel* m_source = nullptr;
    QLabel* m_problems = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_streams = nullptr;
    QTableWidget* m_shared = nullptr;
    QTableWidget* m_actions = nullptr;
    TouchPointGraph* m_graph = nullptr;
    CataloguePanel* m_catalogue = nullptr;
};

/// The action of File > Portfolio…: asks for a folder and opens a PortfolioView on it.
QAction* portfolioAction(QWidget* parent);

} // namespace gemba::app
