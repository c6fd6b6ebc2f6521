#include "workshop_view.h"

#include "editor_document.h"
#include "gemba/render/export.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <exception>

namespace gemba::app {

using render::PlanGrouping;
using render::WorkshopDocument;

WorkshopView::WorkshopView(EditorDocument& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_kind(new QComboBox(this))
    , m_grouping(new QComboBox(this))
    , m_scroll(new QScrollArea(this))
    , m_canvas(new SheetCanvas(1000)) {
    setObjectName(QStringLiteral("workshopView"));
    m_canvas->setObjectName(QStringLiteral("workshopCanvas"));
    setWindowTitle(tr("Action Plan and Reviews"));
    m_kind->setObjectName(QStringLiteral("workshopViewKind"));
    m_kind->addItem(tr("Action plan timeline"), static_cast<int>(WorkshopDocument::ActionPlan));
    m_kind->addItem(tr("Reviews: baseline, target, actual"),
                    static_cast<int>(WorkshopDocument::Reviews));
    m_grouping->setObjectName(QStringLiteral("workshopViewGrouping"));
    m_grouping->addItem(tr("By owner"), static_cast<int>(PlanGrouping::Owner));
    m_grouping->addItem(tr("By status"), static_cast<int>(PlanGrouping::Status));
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);

    auto* pick = new QHBoxLayout;
    auto* showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_kind);
    pick->addWidget(showLabel);
    pick->addWidget(m_kind, 1);
    auto* groupLabel = new QLabel(tr("&Group:"), this);
    groupLabel->setBuddy(m_grouping);
    pick->addWidget(groupLabel);
    pick->addWidget(m_grouping);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton =
        buttons->addButton(tr("&Export PDF…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("workshopExportPdf"));
    connect(exportButton, &QPushButton::clicked, this, &WorkshopView::exportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buttons);
    resize(1100, 780);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this, groupLabel] {
        const bool plan = this->document() == WorkshopDocument::ActionPlan;
        m_grouping->setEnabled(plan);
        groupLabel->setEnabled(plan);
        scheduleRefresh();
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &WorkshopView::scheduleRefresh);
    // Live: every edit and a new project redraw the sheet once per event-loop turn.
    connect(&m_document, &EditorDocument::changed, this, &WorkshopView::scheduleRefresh);
    connect(&m_document, &EditorDocument::projectReset, this, &WorkshopView::scheduleRefresh);
    refreshNow();
}

void WorkshopView::setDocument(WorkshopDocument document) {
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(document)));
    refreshNow();
}

WorkshopDocument WorkshopView::document() const {
    return static_cast<WorkshopDocument>(m_kind->currentData().toInt());
}

void WorkshopView::setGrouping(PlanGrouping grouping) {
    m_grouping->setCurrentIndex(m_grouping->findData(static_cast<int>(grouping)));
    refreshNow();
}

render::WorkshopOptions WorkshopView::options() const {
    render::WorkshopOptions options;
    options.document = document();
    options.grouping = static_cast<PlanGrouping>(m_grouping->currentData().toInt());
    return options;
}

void WorkshopView::scheduleRefresh() {
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshScheduled)
            refreshNow();
    });
}

void WorkshopView::refreshNow() {
    m_refreshScheduled = false;
    const int scroll = m_scroll->verticalScrollBar()->value();
    m_canvas->setSheet(std::make_shared<render::WorkshopSheet>(m_document.project(), options()));
    m_scroll->verticalScrollBar()->setValue(scroll);
}

void WorkshopView::exportPdf() {
    const render::WorkshopOptions chosen = options();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export PDF"),
        QString::fromStdString(m_document.project().props.name) + QStringLiteral(" - ") +
            render::workshopDocumentName(chosen.document) + QStringLiteral(".pdf"),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        render::writePdfReport(path, render::WorkshopReport(m_document.project(), chosen));
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot export"), QString::fromUtf8(e.what()));
    }
}

// ---------------------------------------------------------------------------------------

WorkshopViewActions::WorkshopViewActions(EditorDocument& document, QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_window(window) {
    const auto make = [this](const char* name, const QString& text) {
        auto* action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        return action;
    };
    m_timeline = make("actionPlanTimeline", tr("Action Plan &Timeline…"));
    m_reviews = make("actionReviews", tr("&Reviews…"));
    m_exportPlan = make("actionExportPlanPdf", tr("Action P&lan (PDF)…"));
    m_exportReviews = make("actionExportReviewsPdf", tr("Re&view Report (PDF)…"));
    connect(m_timeline, &QAction::triggered, this, [this] { show(WorkshopDocument::ActionPlan); });
    connect(m_reviews, &QAction::triggered, this, [this] { show(WorkshopDocument::Reviews); });
    connect(m_exportPlan, &QAction::triggered, this,
            [this] { exportWithDialog(WorkshopDocument::ActionPlan); });
    connect(m_exportReviews, &QAction::triggered, this,
            [this] { exportWithDialog(WorkshopDocument::Reviews); });
}

WorkshopView* WorkshopViewActions::show(WorkshopDocument document) {
    if (!m_view)
        m_view = new WorkshopView(m_document, m_window);
    m_view->setDocument(document);
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
    return m_view;
}

bool WorkshopViewActions::exportPdf(const QString& path, const render::WorkshopOptions& options,
                                    QString* error) {
    try {
        render::writePdfReport(path, render::WorkshopReport(m_document.project(), options));
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

void WorkshopViewActions::exportWithDialog(WorkshopDocument document) {
    render::WorkshopOptions options;
    options.document = document;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export PDF"),
        QString::fromStdString(m_document.project().props.name) + QStringLiteral(" - ") +
            render::workshopDocumentName(document) + QStringLiteral(".pdf"),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, options, &error))
        QMessageBox::critical(m_window, tr("Cannot export"), error);
}

} // namespace gemba::app
