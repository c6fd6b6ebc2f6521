#include "portfolio_view.h"

#include "catalogue_panel.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/render/export.h"
#include "gemba/render/portfolio_report.h"
#include "gemba/store/errors.h"
#include "gemba/store/repository.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

using metrics::SharedItem;
using metrics::StateFigures;

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QTableWidget* makeTable(const char* name, const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(QString::fromLatin1(name));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void addRow(QTableWidget* table, const QStringList& cells) {
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}

QString timeOf(const std::optional<StateFigures>& f, const model::Calendar& calendar) {
    if (!f)
        return QStringLiteral("–");
    if (!f->valid)
        return QObject::tr("errors");
    return text(model::formatDuration(f->leadTime, calendar));
}

QString money(double value, const std::string& currency) {
    return text(model::formatMoney(value, currency));
}

} // namespace

TouchPointGraph::TouchPointGraph(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("portfolioGraph"));
    setMinimumSize(480, 320);
}

void TouchPointGraph::setPortfolio(const metrics::Portfolio* portfolio) {
    m_portfolio = portfolio;
    update();
}

void TouchPointGraph::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    if (m_portfolio)
        render::paintTouchPointGraph(p, QRectF(rect()).adjusted(8, 8, -8, -8), *m_portfolio);
}

PortfolioView::PortfolioView(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("portfolioView"));
    setWindowTitle(tr("Portfolio"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* choose = new QPushButton(tr("Folder…"), this);
    choose->setObjectName(QStringLiteral("portfolioChooseFolder"));
    connect(choose, &QPushButton::clicked, this, &PortfolioView::chooseFolder);
    m_source = new QLabel(tr("Choose a folder of .gemba projects"), this);
    m_source->setObjectName(QStringLiteral("portfolioSource"));
    auto* exportButton = new QPushButton(tr("Export &PDF…"), this);
    exportButton->setObjectName(QStringLiteral("portfolioExportPdf"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Portfolio"),
                                                          tr("portfolio.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    top->addWidget(choose);
    top->addWidget(m_source, 1);
    top->addWidget(exportButton);
    layout->addLayout(top);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("portfolioProblems"));
    m_problems->setWordWrap(true);
    m_problems->hide();
    layout->addWidget(m_problems);

    m_tabs = new QTabWidget(this);
    m_streams =
        makeTable("portfolioStreams",
                  {tr("Stream"), tr("Lead time"), tr("Future"), tr("Measured"), tr("Process time"),
                   tr("Activity"), tr("Rolled %C&A"), tr("Friction a year"), tr("Red pens a year"),
                   tr("Open actions"), tr("Ideas selected")},
                  this);
    m_shared = makeTable("portfolioShared",
                         {tr("Shared"), tr("Kind"), tr("Streams"), tr("Steps"), tr("Share of work"),
                          tr("Red pens a year"), tr("Friction a year"), tr("Ideas"), tr("Where")},
                         this);
    m_actions = makeTable("portfolioActions",
                          {tr("Stream"), tr("Action"), tr("Status"), tr("Due"), tr("Owner")}, this);
    m_graph = new TouchPointGraph(this);
    m_tabs->addTab(m_streams, tr("Streams"));
    m_tabs->addTab(m_shared, tr("Shared systems, roles, people, wastes"));
    m_tabs->addTab(m_graph, tr("Touch points"));
    m_tabs->addTab(m_actions, tr("Ideas and actions"));
    m_catalogue = new CataloguePanel(this);
    connect(m_catalogue, &CataloguePanel::catalogueChanged, this, [this] {
        rebuild();
        fill();
    });
    m_tabs->addTab(m_catalogue, tr("Catalogue"));
    layout->addWidget(m_tabs, 1);
    resize(1100, 600);
}

bool PortfolioView::exportPdf(const QString& path) {
    try {
        render::PortfolioReportOptions options;
        options.where = m_source->text();
        render::writePdfReport(path, render::PortfolioReport(m_portfolio, options));
        return true;
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot export the portfolio"), text(e.what()));
        return false;
    }
}

void PortfolioView::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of projects"));
    if (!folder.isEmpty())
        setSource(folder);
}

void PortfolioView::setSource(const QString& where) {
    m_skipped.clear();
    m_sources.clear();
    m_portfolio = {};
    QStringList problems;
    store::PortfolioCatalogue catalogue;
    std::string catalogueWhere;
    try {
        m_sources = store::readPortfolioSources(where.toStdString(), m_skipped);
        catalogue = store::readPortfolioCatalogue(where.toStdString());
        catalogueWhere = where.toStdString();
    } catch (const store::InputError& e) {
        problems << text(e.what());
    }
    // A catalogue that cannot be read leaves the streams grouped by name, and the tab unable
    // to save over the damaged one.
    m_catalogue->setCatalogue(catalogueWhere, std::move(catalogue), &m_sources);
    rebuild();
    m_source->setText(text(store::urlForDisplay(where.toStdString())));
    for (const store::SkippedSource& s : m_skipped)
        problems << tr("%1: left out: %2").arg(text(s.source), text(s.error));
    if (!m_portfolio.streams.empty() && m_portfolio.currency.empty())
        problems << tr("The streams count money in different currencies; sums across streams "
                       "add them as they are.");
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    fill();
}

void PortfolioView::rebuild() {
    const store::PortfolioCatalogue& catalogue = m_catalogue->catalogue();
    m_portfolio =
        metrics::buildPortfolio(m_sources, catalogue.stored ? &catalogue.catalogue : nullptr);
}

void PortfolioView::fill() {
    const metrics::Portfolio& p = m_portfolio;
    m_streams->setRowCount(0);
    for (const metrics::StreamSummary& s : p.streams) {
        const auto& c = s.current;
        const bool valid = c && c->valid;
        addRow(m_streams,
               {text(s.name), timeOf(s.current, s.calendar), timeOf(s.future, s.calendar),
                timeOf(s.measured, s.calendar),
                valid ? text(model::formatDuration(c->processTime, s.calendar)) : "–",
                valid ? text(model::formatPercent(c->activityRatio)) : "–",
                valid ? text(model::formatPercent(c->rolledPca)) : "–",
                c ? money(c->frictionCostPerYear, s.currency) : "–",
                c ? money(c->redPenCostPerYear, s.currency) : "–",
                QString::fromStdString(model::formatCount(static_cast<double>(s.openActions))),
                QString::fromStdString(model::formatCount(static_cast<double>(
                    s.funnel[static_cast<std::size_t>(model::IdeaStatus::Selected)])))});
    }
    m_streams->resizeColumnsToContents();

    m_shared->setRowCount(0);
    const std::string currency = p.currency.empty() ? "(mixed)" : p.currency;
    const std::pair<QString, const std::vector<SharedItem>*> groups[] = {{tr("system"), &p.systems},
                                                                         {tr("role"), &p.roles},
                                                                         {tr("person"), &p.people},
                                                                         {tr("waste"), &p.wastes}};
    for (const auto& [kind, items] : groups)
        for (const SharedItem& item : *items) {
            if (item.streams() < 2)
                continue;
            QStringList where;
            for (const metrics::Use& u : item.uses)
                where << text(p.streams[u.stream].name) + QStringLiteral(" (") +
                             QString::fromStdString(
                                 model::formatCount(static_cast<double>(u.steps.size()))) +
                             QStringLiteral(")");
            QString name = text(item.name);
            QStringList also;
            for (const std::string& spelling : item.otherSpellings())
                also << text(spelling);
            if (!also.isEmpty())
                name += tr(" (also %1)").arg(also.join(QStringLiteral(", ")));
            addRow(m_shared,
                   {name, kind,
                    QString::fromStdString(model::formatCount(static_cast<double>(item.streams()))),
                    QString::fromStdString(model::formatCount(static_cast<double>(item.steps))),
                    text(model::formatPercent(item.shareOfWork)),
                    QString::fromStdString(model::formatCount(static_cast<double>(item.redPens))) +
                        QStringLiteral(": ") + money(item.redPenCostPerYear, currency),
                    money(item.frictionCostPerYear, currency),
                    QString::fromStdString(model::formatCount(static_cast<double>(item.ideas))),
                    where.join(QStringLiteral(", "))});
        }
    m_shared->resizeColumnsToContents();

    m_actions->setRowCount(0);
    QStringList funnel;
    for (const auto& [status, name] : model::EnumNames<model::IdeaStatus>::table())
        funnel << QString::fromStdString(model::formatCount(
                      static_cast<double>(p.funnel[static_cast<std::size_t>(status)]))) +
                      QLatin1Char(' ') + text(std::string(name));
    addRow(m_actions, {tr("Ideas of every stream"), funnel.join(QStringLiteral(", "))});
    for (const metrics::SharedIdea& idea : p.sharedIdeas) {
        QStringList names;
        for (std::size_t s : idea.streams)
            names << text(p.streams[s].name);
        addRow(m_actions, {tr("Selected in %1 streams").arg(idea.streams.size()), text(idea.text),
                           names.join(QStringLiteral(", "))});
    }
    for (const metrics::PortfolioAction& a : p.actions)
        addRow(m_actions, {text(p.streams[a.stream].name), text(a.title),
                           text(std::string(model::nameOf(a.status))), text(a.due), text(a.owner)});
    m_actions->resizeColumnsToContents();
    m_graph->setPortfolio(&m_portfolio);
}

QAction* portfolioAction(QWidget* parent) {
    auto* action = new QAction(QObject::tr("&Portfolio…"), parent);
    action->setObjectName(QStringLiteral("actionPortfolio"));
    QObject::connect(action, &QAction::triggered, parent, [parent] {
        const QString folder =
            QFileDialog::getExistingDirectory(parent, QObject::tr("Folder of projects"));
        if (folder.isEmpty())
            return;
        auto* view = new PortfolioView(parent);
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->setSource(folder);
        view->show();
    });
    return action;
}

} // namespace gemba::app
