#include "summary_dialog.h"

#include "document_preview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <stdexcept>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QVariant idData(model::Id id) {
    return QVariant::fromValue<qulonglong>(id);
}

void selectId(QComboBox* box, model::Id id) {
    box->setCurrentIndex(std::max(0, box->findData(idData(id))));
}

} // namespace

SummaryOptionsDialog::SummaryOptionsDialog(const model::Project& project, model::Id shown,
                                           QWidget* parent)
    : QDialog(parent)
    , m_project(project)
    , m_page(new QComboBox(this))
    , m_orientation(new QComboBox(this))
    , m_current(new QComboBox(this))
    , m_future(new QComboBox(this))
    , m_author(new QLineEdit(this))
    , m_preview(new QPushButton(tr("Preview…"), this)) {
    setObjectName(QStringLiteral("summaryOptionsDialog"));
    setWindowTitle(tr("One-Page Summary"));
    for (render::PageSize size :
         {render::PageSize::A3, render::PageSize::A4, render::PageSize::Letter})
        m_page->addItem(render::pageSizeName(size), static_cast<int>(size));
    m_page->setObjectName(QStringLiteral("pageSize"));
    m_orientation->addItem(tr("Landscape"), true);
    m_orientation->addItem(tr("Portrait"), false);
    m_orientation->setObjectName(QStringLiteral("orientation"));
    m_future->addItem(tr("None: the current state alone"), idData(model::kNoId));
    for (const model::Map& map : project.maps) {
        m_current->addItem(qs(map.props.name), idData(map.id));
        m_future->addItem(qs(map.props.name), idData(map.id));
    }
    m_current->setObjectName(QStringLiteral("currentMap"));
    m_future->setObjectName(QStringLiteral("futureMap"));
    QString owner;
    if (auto it = project.people.find(project.props.team.processOwner); it != project.people.end())
        owner = qs(it->second.name);
    m_author->setPlaceholderText(owner.isEmpty() ? tr("Author") : owner);
    m_author->setObjectName(QStringLiteral("author"));
    m_preview->setObjectName(QStringLiteral("previewSummary"));
    connect(m_preview, &QPushButton::clicked, this, &SummaryOptionsDialog::preview);

    // Start from the map shown: the future state it was made into, or the one it came from.
    const model::Map* map = project.findMap(shown);
    render::SummaryOptions start;
    if (map && map->props.state == model::MapState::Future && project.findMap(map->props.madeFrom))
        start.future = shown;
    else
        start.current = shown;
    try {
        std::tie(start.current, start.future) =
            render::summaryMaps(project, start.current, start.future);
    } catch (const std::invalid_argument&) {
        // No map: the dialog is not offered then; leave the lists at their first entries.
    }
    setOptions(start);

    auto* form = new QFormLayout;
    form->addRow(tr("Page:"), m_page);
    form->addRow(tr("Orientation:"), m_orientation);
    form->addRow(tr("Current state:"), m_current);
    form->addRow(tr("Future state:"), m_future);
    form->addRow(tr("Author:"), m_author);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->addButton(m_preview, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

render::SummaryOptions SummaryOptionsDialog::options() const {
    render::SummaryOptions out;
    out.pageSize = static_cast<render::PageSize>(m_page->currentData().toInt());
    out.landscape = m_orientation->currentData().toBool();
    out.current = m_current->currentData().value<qulonglong>();
    out.future = m_future->currentData().value<qulonglong>();
    // None, or the current map again: the current state alone.
    if (out.future == out.current)
        out.future = model::kNoId;
    out.withFuture = out.future != model::kNoId;
    out.author = m_author->text().trimmed().toStdString();
    return out;
}

void SummaryOptionsDialog::setOptions(const render::SummaryOptions& options) {
    m_page->setCurrentIndex(std::max(0, m_page->findData(static_cast<int>(options.pageSize))));
    m_orientation->setCurrentIndex(options.landscape ? 0 : 1);
    selectId(m_current, options.current);
    selectId(m_future, options.future);
    m_author->setText(qs(options.author));
}

void SummaryOptionsDialog::preview() {
    std::unique_ptr<render::SummaryReport> summary;
    try {
        summary = std::make_unique<render::SummaryReport>(m_project, options());
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot preview"), QString::fromUtf8(e.what()));
        return;
    }
    DocumentPreview preview(*summary, this);
    preview.exec();
}

} // namespace gemba::app
