#include "compare_view.h"

#include "editor_document.h"
#include "export_dialogs.h"
#include "gemba/render/report.h"

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

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

CompareView::CompareView(EditorDocument& document, ExportActions& exports, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_exports(exports)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_canvas(new SheetCanvas(900)) {
    setObjectName(QStringLiteral("compareView"));
    m_canvas->setObjectName(QStringLiteral("comparisonCanvas"));
    setWindowTitle(tr("Compare Maps"));
    setModal(false);
    m_from->setObjectName(QStringLiteral("compareFrom"));
    m_to->setObjectName(QStringLiteral("compareTo"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("From (as-is):"), this));
    pick->addWidget(m_from, 1);
    pick->addSpacing(12);
    pick->addWidget(new QLabel(tr("To (to-be):"), this));
    pick->addWidget(m_to, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton =
        buttons->addButton(tr("Export PDF Report…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("compareExportPdf"));
    connect(exportButton, &QPushButton::clicked, this, &CompareView::exportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_status); // says why nothing is shown, when nothing is
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buttons);
    resize(980, 760);

    fillMapLists();
    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareView::scheduleRefresh);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareView::scheduleRefresh);
    // Live: any edit, and a new project, recompute the comparison once per event-loop turn.
    connect(&m_document, &EditorDocument::changed, this, [this] {
        fillMapLists();
        scheduleRefresh();
    });
    connect(&m_document, &EditorDocument::projectReset, this, [this] {
        fillMapLists();
        scheduleRefresh();
    });
    refreshNow();
}

CompareView::~CompareView() = default;

void CompareView::fillMapLists() {
    const model::Id from = fromMap();
    const model::Id to = toMap();
    for (QComboBox* box : {m_from, m_to}) {
        const QSignalBlocker blocker(box);
        box->clear();
        for (const model::Map& map : m_document.project().maps)
            box->addItem(qs(map.props.name), QVariant::fromValue<qulonglong>(map.id));
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    const int fromIndex = m_from->findData(QVariant::fromValue<qulonglong>(from));
    const int toIndex = m_to->findData(QVariant::fromValue<qulonglong>(to));
    m_from->setCurrentIndex(fromIndex >= 0 ? fromIndex : 0);
    m_to->setCurrentIndex(toIndex >= 0 ? toIndex : std::min(1, m_to->count() - 1));
}

void CompareView::setMaps(model::Id from, model::Id to) {
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setCurrentIndex(m_from->findData(QVariant::fromValue<qulonglong>(from)));
        m_to->setCurrentIndex(m_to->findData(QVariant::fromValue<qulonglong>(to)));
    }
    refreshNow();
}

model::Id CompareView::fromMap() const {
    return m_from->currentData().value<qulonglong>();
}

model::Id CompareView::toMap() const {
    return m_to->currentData().value<qulonglong>();
}

const metrics::Comparison* CompareView::comparison() const {
    return m_sheet ? &m_sheet->comparison() : nullptr;
}

void CompareView::scheduleRefresh() {
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshScheduled)
            refreshNow();
    });
}

void CompareView::refreshNow() {
    m_refreshScheduled = false;
    const model::Map* from = m_document.map(fromMap());
    const model::Map* to = m_document.map(toMap());
    m_sheet.reset();
    if (!from || !to) {
        m_status->setText(tr("The project needs two maps to compare."));
    } else if (from == to) {
        m_status->setText(tr("Choose two different maps."));
    } else {
        m_sheet = std::make_shared<render::ComparisonSheet>(m_document.project(), *from, *to);
        m_status->clear();
    }
    const int scroll = m_scroll->verticalScrollBar()->value();
    m_canvas->setSheet(m_sheet);
    m_scroll->verticalScrollBar()->setValue(scroll);
}

void CompareView::exportPdf() {
    if (!m_sheet)
        return;
    render::ReportOptions options = m_exports.reportOptions();
    options.compareFrom = fromMap();
    const model::Map* to = m_document.map(toMap());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export PDF Report"),
        qs(m_document.project().props.name + " - " + to->props.name + ".pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_exports.exportPdf(path, toMap(), options, &error))
        QMessageBox::critical(this, tr("Cannot export"), error);
}

} // namespace gemba::app
