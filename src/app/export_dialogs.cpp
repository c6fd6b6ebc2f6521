#include "export_dialogs.h"

#include "compare_view.h"
#include "document_preview.h"
#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/store/csv_map.h"
#include "panels/field_edits.h"
#include "summary_dialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <stdexcept>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

// ---------------------------------------------------------------------------------------

ReportOptionsDialog::ReportOptionsDialog(const model::Project& project, model::Id map,
                                         QWidget* parent)
    : QDialog(parent)
    , m_page(new QComboBox(this))
    , m_orientation(new QComboBox(this))
    , m_scaleMode(new QComboBox(this))
    , m_percent(new QSpinBox(this))
    , m_steps(new QCheckBox(tr("Step table with all data"), this))
    , m_redPens(new QCheckBox(tr("Red-pen list with reasons and costs"), this))
    , m_findings(new QCheckBox(tr("Validation findings"), this))
    , m_compare(new QComboBox(this))
    , m_author(new QLineEdit(this)) {
    setObjectName(QStringLiteral("reportOptionsDialog"));
    setWindowTitle(tr("PDF Report"));
    for (render::PageSize size :
         {render::PageSize::A4, render::PageSize::A3, render::PageSize::Letter})
        m_page->addItem(render::pageSizeName(size), static_cast<int>(size));
    m_page->setObjectName(QStringLiteral("pageSize"));
    m_orientation->addItem(tr("Landscape"), true);
    m_orientation->addItem(tr("Portrait"), false);
    m_orientation->setObjectName(QStringLiteral("orientation"));
    // The order is the index options() reads: fit (wrapping a long stream), at a scale, fit
    // as drawn.
    m_scaleMode->addItem(tr("Fit the map to one page (a long stream on rows)"));
    m_scaleMode->addItem(tr("At a scale, over several pages"));
    m_scaleMode->addItem(tr("Fit the map to one page as drawn"));
    m_scaleMode->setObjectName(QStringLiteral("scaleMode"));
    m_percent->setRange(10, 400);
    m_percent->setValue(100);
    m_percent->setSuffix(QStringLiteral(" %"));
    m_percent->setEnabled(false);
    m_percent->setObjectName(QStringLiteral("scalePercent"));
    connect(m_scaleMode, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_percent->setEnabled(index == 1); });
    m_compare->addItem(tr("No comparison"), QVariant::fromValue<qulonglong>(model::kNoId));
    for (const model::Map& other : project.maps)
        if (other.id != map)
            m_compare->addItem(qs(other.props.name), QVariant::fromValue<qulonglong>(other.id));
    m_compare->setObjectName(QStringLiteral("compareWith"));
    for (QCheckBox* box : {m_steps, m_redPens, m_findings})
        box->setChecked(true);
    QString owner;
    if (auto it = project.people.find(project.props.team.processOwner); it != project.people.end())
        owner = qs(it->second.name);
    m_author->setPlaceholderText(owner.isEmpty() ? tr("Author") : owner);
    m_author->setObjectName(QStringLiteral("author"));

    auto* form = new QFormLayout;
    form->addRow(tr("Page:"), m_page);
    form->addRow(tr("Orientation:"), m_orientation);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scaleMode, 1);
    scaleRow->addWidget(m_percent);
    form->addRow(tr("Map:"), scaleRow);
    form->addRow(tr("Author:"), m_author);
    form->addRow(tr("Compare with:"), m_compare);
    auto* sections = new QGroupBox(tr("After the map page"), this);
    auto* sectionList = new QVBoxLayout(sections);
    for (QCheckBox* box : {m_steps, m_redPens, m_findings})
        sectionList->addWidget(box);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(sections);
    layout->addWidget(buttons);
}

render::ReportOptions ReportOptionsDialog::options() const {
    render::ReportOptions out;
    out.pageSize = static_cast<render::PageSize>(m_page->currentData().toInt());
    out.landscape = m_orientation->currentData().toBool();
    if (m_scaleMode->currentIndex() == 1)
        out.scalePercent = m_percent->value();
    out.wrapLongStream = m_scaleMode->currentIndex() != 2;
    out.steps = m_steps->isChecked();
    out.redPens = m_redPens->isChecked();
    out.findings = m_findings->isChecked();
    out.compareFrom = m_compare->currentData().value<qulonglong>();
    out.author = m_author->text().trimmed().toStdString();
    return out;
}

void ReportOptionsDialog::setOptions(const render::ReportOptions& options) {
    m_page->setCurrentIndex(m_page->findData(static_cast<int>(options.pageSize)));
    m_orientation->setCurrentIndex(options.landscape ? 0 : 1);
    m_scaleMode->setCurrentIndex(options.scalePercent ? 1 : (options.wrapLongStream ? 0 : 2));
    if (options.scalePercent)
        m_percent->setValue(static_cast<int>(*options.scalePercent));
    m_steps->setChecked(options.steps);
    m_redPens->setChecked(options.redPens);
    m_findings->setChecked(options.findings);
    const int compare = m_compare->findData(QVariant::fromValue<qulonglong>(options.compareFrom));
    m_compare->setCurrentIndex(std::max(0, compare));
    m_author->setText(qs(options.author));
}

// ---------------------------------------------------------------------------------------

ImageOptionsDialog::ImageOptionsDialog(QWidget* parent)
    : QDialog(parent)
    , m_byDpi(new QRadioButton(tr("Resolution:"), this))
    , m_dpi(new CountSpinBox(this))
    , m_width(new CountSpinBox(this))
    , m_transparent(new QCheckBox(tr("Transparent background"), this)) {
    setObjectName(QStringLiteral("imageOptionsDialog"));
    setWindowTitle(tr("PNG Image"));
    auto* byWidth = new QRadioButton(tr("Width:"), this);
    m_byDpi->setChecked(true);
    m_dpi->setRange(24, 1200);
    m_dpi->setValue(192);
    m_dpi->setSuffix(tr(" dpi"));
    m_width->setRange(100, render::kMaxImageSide);
    m_width->setValue(2400);
    m_width->setSuffix(tr(" px"));
    m_width->setEnabled(false);
    connect(m_byDpi, &QRadioButton::toggled, this, [this](bool on) {
        m_dpi->setEnabled(on);
        m_width->setEnabled(!on);
    });
    auto* form = new QFormLayout;
    form->addRow(m_byDpi, m_dpi);
    form->addRow(byWidth, m_width);
    form->addRow(QString(), m_transparent);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

render::ImageOptions ImageOptionsDialog::options() const {
    render::ImageOptions out;
    if (m_byDpi->isChecked())
        out.dpi = m_dpi->value();
    else
        out.width = m_width->value();
    out.transparent = m_transparent->isChecked();
    return out;
}

// ---------------------------------------------------------------------------------------

ExportActions::ExportActions(EditorDocument& document, std::function<model::Id()> currentMap,
                             QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_currentMap(std::move(currentMap))
    , m_window(window)
    , m_menu(new QMenu(tr("&Export"), window))
    , m_print(new QAction(tr("&Print…"), this))
    , m_compare(new QAction(tr("&Compare Maps…"), this)) {
    m_menu->setObjectName(QStringLiteral("menuExport"));
    const std::pair<const char*, std::pair<QString, Kind>> actions[] = {
        {"actionExportPdf", {tr("PDF &Report…"), Kind::Pdf}},
        {"actionExportSummary", {tr("One-Page S&ummary (PDF)…"), Kind::Summary}},
        {"actionExportSvg", {tr("&SVG Image…"), Kind::Svg}},
        {"actionExportPng", {tr("P&NG Image…"), Kind::Png}},
        {"actionExportCsvSteps", {tr("CSV &Step Table…"), Kind::StepsCsv}},
        {"actionExportCsvMap", {tr("CSV &Map Table…"), Kind::MapCsv}},
        {"actionExportCsvMetrics", {tr("CSV &Figures…"), Kind::MetricsCsv}},
    };
    for (const auto& [name, entry] : actions) {
        QAction* action = m_menu->addAction(entry.first);
        action->setObjectName(QString::fromLatin1(name));
        const Kind kind = entry.second;
        connect(action, &QAction::triggered, this, [this, kind] { exportWithDialog(kind); });
    }
    m_print->setObjectName(QStringLiteral("actionPrint"));
    m_print->setShortcut(QKeySequence::Print);
    connect(m_print, &QAction::triggered, this, &ExportActions::print);
    m_compare->setObjectName(QStringLiteral("actionCompareMaps"));
    connect(m_compare, &QAction::triggered, this, &ExportActions::showCompare);
    connect(m_menu, &QMenu::aboutToShow, this, &ExportActions::updateEnabled);
    connect(&m_document, &EditorDocument::projectReset, this, &ExportActions::updateEnabled);
    connect(&m_document, &EditorDocument::changed, this, &ExportActions::updateEnabled);
    updateEnabled();
}

void ExportActions::updateEnabled() {
    if (!m_menu)
        return;
    const bool hasMap = m_document.map(m_currentMap()) != nullptr;
    for (QAction* action : m_menu->actions())
        action->setEnabled(hasMap);
    m_print->setEnabled(hasMap);
    m_compare->setEnabled(m_document.project().maps.size() >= 2);
}

bool ExportActions::run(const QString& path, const std::function<void()>& work, QString* error) {
    try {
        work();
        m_lastFolder = QFileInfo(path).absolutePath();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    }
    return false;
}

bool ExportActions::exportPdf(const QString& path, model::Id mapId,
                              const render::ReportOptions& options, QString* error) {
    const model::Map* map = m_document.map(mapId);
    if (!map)
        return false;
    return run(
        path,
        [&] { render::writePdfReport(path, render::Report(m_document.project(), *map, options)); },
        error);
}

bool ExportActions::exportSummary(const QString& path, const render::SummaryOptions& options,
                                  QString* error) {
    return run(
        path,
        [&] { render::writePdfReport(path, render::SummaryReport(m_document.project(), options)); },
        error);
}

bool ExportActions::exportSvg(const QString& path, model::Id mapId, QString* error) {
    const model::Map* map = m_document.map(mapId);
    return map && run(
                      path, [&] { render::writeSvg(path, m_document.project(), *map); }, error);
}

bool ExportActions::exportPng(const QString& path, model::Id mapId,
                              const render::ImageOptions& options, QString* error) {
    const model::Map* map = m_document.map(mapId);
    return map &&
           run(
               path, [&] { render::writePng(path, m_document.project(), *map, options); }, error);
}

bool ExportActions::exportStepsCsv(const QString& path, model::Id mapId, QString* error) {
    const model::Map* map = m_document.map(mapId);
    return map &&
           run(
               path,
               [&] { render::writeTextFile(path, render::stepsCsv(m_document.project(), *map)); },
               error);
}

bool ExportActions::exportMapCsv(const QString& path, model::Id mapId, QString* error) {
    const model::Map* map = m_document.map(mapId);
    return map &&
           run(
               path,
               [&] {
                   render::writeTextFile(path, store::exportCsvMap(m_document.project(), *map));
               },
               error);
}

bool ExportActions::exportMetricsCsv(const QString& path, model::Id mapId, QString* error) {
    const model::Map* map = m_document.map(mapId);
    if (!map)
        return false;
    m_document.flushMetrics(); // the figures of the map as it is now
    const metrics::MapMetrics* m = m_document.metrics(mapId);
    return m &&
           run(
               path,
               [&] {
                   render::writeTextFile(path, render::metricsCsv(m_document.project(), *map, *m));
               },
               error);
}

QString ExportActions::suggestedPath(model::Id mapId, const QString& suffix) const {
    const model::Map* map = m_document.map(mapId);
    QString name = qs(m_document.project().props.name);
    if (map)
        name += QStringLiteral(" - ") + qs(map->props.name);
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("_"));
    QString folder = m_lastFolder;
    if (folder.isEmpty())
        folder = m_document.filePath().isEmpty() ? QDir::homePath()
                                                 : QFileInfo(m_document.filePath()).absolutePath();
    return QDir(folder).filePath(name + suffix);
}

void ExportActions::exportWithDialog(Kind kind) {
    const model::Id map = m_currentMap();
    if (!m_document.map(map))
        return;
    render::ReportOptions report = m_reportOptions;
    render::ImageOptions image;
    if (kind == Kind::Pdf) {
        ReportOptionsDialog dialog(m_document.project(), map, m_window);
        dialog.setOptions(report);
        if (dialog.exec() != QDialog::Accepted)
            return;
        report = m_reportOptions = dialog.options();
    } else if (kind == Kind::Summary) {
        SummaryOptionsDialog dialog(m_document.project(), map, m_window);
        if (m_summaryOptions.current != model::kNoId && m_document.map(m_summaryOptions.current))
            dialog.setOptions(m_summaryOptions);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_summaryOptions = dialog.options();
    } else if (kind == Kind::Png) {
        ImageOptionsDialog dialog(m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        image = dialog.options();
    }
    struct Format {
        QString suffix;
        QString filter;
    };
    const Format format = [&]() -> Format {
        switch (kind) {
        case Kind::Pdf:
            return {QStringLiteral(".pdf"), tr("PDF (*.pdf)")};
        case Kind::Summary:
            return {QStringLiteral(" - summary.pdf"), tr("PDF (*.pdf)")};
        case Kind::Svg:
            return {QStringLiteral(".svg"), tr("SVG (*.svg)")};
        case Kind::Png:
            return {QStringLiteral(".png"), tr("PNG (*.png)")};
        case Kind::StepsCsv:
            return {QStringLiteral(" - steps.csv"), tr("CSV (*.csv)")};
        case Kind::MapCsv:
            return {QStringLiteral(" - map.csv"), tr("CSV (*.csv)")};
        case Kind::MetricsCsv:
            return {QStringLiteral(" - figures.csv"), tr("CSV (*.csv)")};
        }
        return {};
    }();
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export"), suggestedPath(map, format.suffix), format.filter);
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    switch (kind) {
    case Kind::Pdf:
        ok = exportPdf(path, map, report, &error);
        break;
    case Kind::Summary:
        ok = exportSummary(path, m_summaryOptions, &error);
        break;
    case Kind::Svg:
        ok = exportSvg(path, map, &error);
        break;
    case Kind::Png:
        ok = exportPng(path, map, image, &error);
        break;
    case Kind::StepsCsv:
        ok = exportStepsCsv(path, map, &error);
        break;
    case Kind::MapCsv:
        ok = exportMapCsv(path, map, &error);
        break;
    case Kind::MetricsCsv:
        ok = exportMetricsCsv(path, map, &error);
        break;
    }
    if (!ok)
        QMessageBox::critical(m_window, tr("Cannot export"), error);
}

void ExportActions::print() {
    const model::Id mapId = m_currentMap();
    const model::Map* map = m_document.map(mapId);
    if (!map)
        return;
    ReportOptionsDialog dialog(m_document.project(), mapId, m_window);
    dialog.setWindowTitle(tr("Print"));
    dialog.setOptions(m_reportOptions);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_reportOptions = dialog.options();
    std::unique_ptr<render::Report> report;
    try {
        report = std::make_unique<render::Report>(m_document.project(), *map, m_reportOptions);
    } catch (const std::exception& e) {
        QMessageBox::critical(m_window, tr("Cannot print"), QString::fromUtf8(e.what()));
        return;
    }
    DocumentPreview preview(*report, m_window);
    preview.exec();
}

void ExportActions::showCompare() {
    auto* view = m_window->findChild<CompareView*>();
    if (!view)
        view = new CompareView(m_document, *this, m_window);
    const model::Id current = m_currentMap();
    const model::Map* map = m_document.map(current);
    const auto& maps = m_document.project().maps;
    if (map && maps.size() >= 2) {
        // The current map against the one it was made from, or else the first other map.
        model::Id from = map->props.madeFrom;
        if (!m_document.map(from) || from == current)
            from = maps.front().id != current ? maps.front().id : maps[1].id;
        view->setMaps(from, current);
    }
    view->show();
    view->raise();
    view->activateWindow();
}

} // namespace gemba::app
