#include "drawio_actions.h"

#include "editor_document.h"
#include "gemba/model/edit.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString kindLabel(store::DrawioReportItem::Kind kind) {
    using Kind = store::DrawioReportItem::Kind;
    switch (kind) {
    case Kind::Unmapped:
        return QObject::tr("Not mapped");
    case Kind::Refused:
        return QObject::tr("Refused");
    case Kind::Joined:
        return QObject::tr("Joined");
    case Kind::NotJoined:
        return QObject::tr("Left out");
    case Kind::Disagreement:
        return QObject::tr("Disagrees");
    case Kind::Assumption:
        return QObject::tr("Assumed");
    }
    return {};
}

} // namespace

DrawioReportDialog::DrawioReportDialog(const store::DrawioImportReport& report, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("drawioReportDialog"));
    setWindowTitle(tr("draw.io Import Report"));
    auto* layout = new QVBoxLayout(this);
    QString summary;
    for (const store::DrawioPageCounts& page : report.pages)
        summary += tr("Page \"%1\": %2 shapes and edges read: %3 steps, %4 data boxes, %5 waits, "
                      "%6 flows, %7 red pens, %8 notes; %9 shapes without a Gemba counterpart.\n")
                       .arg(qs(page.page))
                       .arg(page.cells)
                       .arg(page.steps)
                       .arg(page.dataBoxes)
                       .arg(page.waits)
                       .arg(page.flows)
                       .arg(page.redPens)
                       .arg(page.notes)
                       .arg(page.unmapped);
    auto* counts = new QLabel(summary.trimmed(), this);
    counts->setObjectName(QStringLiteral("drawioReportCounts"));
    counts->setWordWrap(true);
    counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(counts);

    auto* items = new QTreeWidget(this);
    items->setObjectName(QStringLiteral("drawioReportItems"));
    items->setRootIsDecorated(false);
    items->setWordWrap(true);
    items->setHeaderLabels({tr("What"), tr("Page"), tr("Cell"), tr("Message")});
    for (const store::DrawioReportItem& item : report.items) {
        auto* row = new QTreeWidgetItem(
            items, {kindLabel(item.kind), qs(item.page), qs(item.cell), qs(item.message)});
        row->setToolTip(3, qs(item.message));
    }
    // Messages wrap in the column that takes the rest of the width.
    items->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    items->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(items, 1);
    if (report.items.empty())
        items->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(900, 480);
}

DrawioActions::DrawioActions(EditorDocument& document, QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_window(window) {
    m_import = new QAction(tr("Import &draw.io Diagram…"), window);
    m_import->setObjectName(QStringLiteral("actionImportDrawio"));
    connect(m_import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Import draw.io Diagram"), m_lastFolder,
            tr("draw.io diagrams (*.drawio *.xml *.svg);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        store::DrawioImportReport report;
        if (importFile(path, &report, &error).empty())
            QMessageBox::critical(m_window, tr("Cannot import draw.io diagram"), error);
    });
    m_export = new QAction(tr("Export to draw.io…"), window);
    m_export->setObjectName(QStringLiteral("actionExportDrawio"));
    connect(m_export, &QAction::triggered, this, [this] {
        QString suggested = QFileInfo(m_document.filePath()).completeBaseName();
        if (suggested.isEmpty())
            suggested = QStringLiteral("map");
        const QString path = QFileDialog::getSaveFileName(
            m_window, tr("Export to draw.io"),
            QFileInfo(m_lastFolder, suggested + QStringLiteral(".drawio")).filePath(),
            tr("draw.io diagrams (*.drawio)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportFile(path, &error))
            QMessageBox::critical(m_window, tr("Cannot export to draw.io"), error);
    });
}

std::vector<model::Id> DrawioActions::importFile(const QString& path,
                                                 store::DrawioImportReport* report, QString* error,
                                                 bool quiet) {
    // The import works on a copy: a file that cannot be read leaves the project as it was.
    model::Project copy = m_document.project();
    store::DrawioImportReport local;
    store::DrawioImportReport& out = report ? *report : local;
    std::vector<model::Id> maps;
    try {
        maps = store::importDrawioFile(copy, path.toStdString(), {}, out);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return {};
    }
    // What the import added (people, systems, the maps) becomes one undo step.
    const model::Project& project = m_document.project();
    auto edit = std::make_unique<model::CompoundEdit>(tr("Import draw.io").toStdString());
    if (!(copy.props == project.props))
        edit->add(std::make_unique<model::SetProjectProps>(project.props, copy.props,
                                                           "Calendar of the diagram"));
    for (const auto& [id, person] : copy.people)
        if (!project.people.contains(id))
            edit->add(std::make_unique<model::SetPerson>(model::kNoId, std::nullopt, person,
                                                         "Add person"));
    for (const auto& [id, system] : copy.systems)
        if (!project.systems.contains(id))
            edit->add(std::make_unique<model::SetSystem>(model::kNoId, std::nullopt, system,
                                                         "Add system"));
    // Ids of the copy came from the copy's counter: move the document's past them.
    while (m_document.project().nextId < copy.nextId)
        m_document.allocateId();
    std::size_t index = project.maps.size();
    for (model::Id id : maps)
        edit->add(std::make_unique<model::AddMap>(*copy.findMap(id), index++, "Add map"));
    m_document.push(std::move(edit));
    m_lastFolder = QFileInfo(path).absolutePath();
    if (!maps.empty())
        emit imported(maps.front());
    if (!quiet) {
        DrawioReportDialog dialog(out, m_window);
        dialog.exec();
    }
    return maps;
}

bool DrawioActions::exportFile(const QString& path, QString* error) {
    std::vector<const model::Map*> maps;
    for (const model::Map& map : m_document.project().maps)
        maps.push_back(&map);
    try {
        store::writeDrawioFile(m_document.project(), maps, path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    return true;
}

} // namespace gemba::app
