#include "properties_panel.h"

#include "editor_document.h"
#include "forms.h"

#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

namespace gemba::app {

using detail::Forms;

PropertiesPanel::PropertiesPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_sweep(std::make_unique<detail::SweepGesture>(document)) {
    setObjectName(QStringLiteral("propertiesPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_title->setObjectName(QStringLiteral("propertiesTitle"));
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);

    m_problem->setObjectName(QStringLiteral("propertiesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Fields shrink to fit a narrow dock; below their minimum a scroll bar beats clipping.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_scroll, 1);

    connect(&document, &EditorDocument::changed, this, &PropertiesPanel::onChanged);
    rebuild();
}

PropertiesPanel::~PropertiesPanel() {
    // The form goes first, silenced: a field losing focus while it dies must not commit into
    // a document that may be going away with the window.
    if (m_page) {
        m_page->blockSignals(true);
        for (QObject* child : m_page->findChildren<QObject*>())
            child->blockSignals(true);
    }
    m_builder.reset();
    delete m_scroll->takeWidget();
    m_page = nullptr;
}

void PropertiesPanel::setContext(model::Id map, const std::vector<model::Id>& selection) {
    std::vector<model::Id> ids;
    for (model::Id id : selection)
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    if (map == m_map && ids == m_selection)
        return;
    m_map = map;
    m_selection = std::move(ids);
    pruneSelection();
    rebuild();
}

bool PropertiesPanel::pruneSelection() {
    const model::Map* map = m_document.map(m_map);
    const std::size_t before = m_selection.size();
    std::erase_if(m_selection, [map](model::Id id) { return !map || !map->contains(id); });
    return m_selection.size() != before;
}

void PropertiesPanel::onChanged(const model::Changes& changes) {
    if (m_rebuilding)
        return;
    using Subject = model::Change::Subject;
    bool rebuildNeeded = false;
    bool refreshNeeded = false;
    for (const model::Change& change : changes) {
        switch (change.subject) {
        case Subject::Everything:
            rebuildNeeded = true;
            break;
        case Subject::MapList:
            // The shown map went away or came back; other maps only rename "made from".
            rebuildNeeded = rebuildNeeded || change.map == m_map;
            refreshNeeded = true;
            break;
        case Subject::Map:
        case Subject::Project:
        case Subject::Person:
        case Subject::System:
            refreshNeeded = true;
            break;
        case Subject::Workshop:
            // The workshop has panels of its own.
            break;
        case Subject::Element:
            if (change.map != m_map)
                break;
            // A drag moves things many times a second and changes nothing shown here.
            if (change.op == model::Change::Op::Modified &&
                !(change.fields & model::kChangedContent))
                break;
            if (change.op == model::Change::Op::Removed &&
                std::find(m_selection.begin(), m_selection.end(), change.id) != m_selection.end())
                rebuildNeeded = true;
            refreshNeeded = true;
            break;
        }
    }
    if (rebuildNeeded) {
        pruneSelection();
        rebuild();
    } else if (refreshNeeded && m_builder) {
        m_builder->refresh();
        refreshTitle();
        watchFields();
    }
}

void PropertiesPanel::rebuild() {
    m_rebuilding = true;
    if (m_page) {
        // Leaving a field commits what the user typed in it, to the element it belongs to.
        if (QWidget* focus = QApplication::focusWidget(); focus && m_page->isAncestorOf(focus))
            focus->clearFocus();
        m_sweep->end();
        QWidget* old = m_scroll->takeWidget();
        // Silenced: nothing more of the old form may reach the document, not even while it
        // waits to be deleted (it may hold the widget whose signal led here).
        old->blockSignals(true);
        for (QObject* child : old->findChildren<QObject*>())
            child->blockSignals(true);
        old->hide();
        old->deleteLater();
    }
    m_builder.reset();

    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("propertiesPage"));
    auto* layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);
    m_builder = std::make_unique<detail::FormBuilder>(m_document, *m_sweep, layout, m_expanded);

    const model::Map* map = m_document.map(m_map);
    if (map && m_selection.size() == 1) {
        const model::Id id = m_selection.front();
        switch (*map->kindOf(id)) {
        case model::ElementKind::Step:
            Forms::step(*m_builder, m_map, id);
            break;
        case model::ElementKind::Wait:
            Forms::wait(*m_builder, m_map, id);
            break;
        case model::ElementKind::Supplier:
        case model::ElementKind::Customer:
            Forms::party(*m_builder, m_map, id);
            break;
        case model::ElementKind::InfoBox:
            Forms::infoBox(*m_builder, m_map, id);
            break;
        case model::ElementKind::Note:
            Forms::note(*m_builder, m_map, id);
            break;
        case model::ElementKind::RedPen:
            Forms::redPen(*m_builder, m_map, id);
            break;
        case model::ElementKind::Flow:
            Forms::flow(*m_builder, m_map, id);
            break;
        }
    } else if (map && m_selection.size() > 1) {
        buildSummary();
    } else {
        if (map)
            Forms::map(*m_builder, m_map);
        Forms::project(*m_builder);
    }
    layout->addStretch(1);
    m_builder->alignLabels();
    m_scroll->setWidget(m_page);
    m_builder->refresh();
    refreshTitle();
    m_problem->hide();
    m_problemSource = nullptr;
    watchFields();
    m_rebuilding = false;
}

void PropertiesPanel::buildSummary() {
    const model::Map* map = m_document.map(m_map);
    std::map<model::ElementKind, int> counts;
    QStringList names;
    for (model::Id id : m_selection) {
        const auto kind = map->kindOf(id);
        ++counts[*kind];
        const QString name = QString::fromStdString(map->nameOf(id)).simplified();
        if (!name.isEmpty() && names.size() < 12)
            names << name;
    }
    QStringList parts;
    for (const auto& [kind, n] : counts)
        parts << Forms::kindCount(kind, n);
    m_builder->section(QStringLiteral("selection"), tr("Selection"));
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("selectionSummary"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString text = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!names.isEmpty())
        text += QLatin1Char('\n') + names.join(QStringLiteral(", "));
    label->setText(text);
    m_builder->addRow(label);
    auto* hint = new QLabel(tr("Select one element to edit its fields, or click an empty spot of "
                               "the map for the map and the project."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_builder->addRow(hint);
}

void PropertiesPanel::watchFields() {
    for (auto* field : m_page->findChildren<FieldLineEdit*>())
        connect(field, &FieldLineEdit::errorChanged, this, &PropertiesPanel::showFieldProblem,
                Qt::UniqueConnection);
    for (auto* field : m_page->findChildren<SpinEdit*>())
        connect(field, &SpinEdit::errorChanged, this, &PropertiesPanel::showFieldProblem,
                Qt::UniqueConnection);
}

void PropertiesPanel::showFieldProblem(const QString& message) {
    auto* field = qobject_cast<QWidget*>(sender());
    if (!field || !m_page || !m_page->isAncestorOf(field))
        return; // a field of a form already replaced
    if (message.isEmpty()) {
        if (m_problemSource == field) {
            m_problem->hide();
            m_problemSource = nullptr;
        }
        return;
    }
    const QString name = field->accessibleName();
    m_problem->setText(name.isEmpty() ? message : tr("%1: %2").arg(name, message));
    m_problem->show();
    m_problemSource = field;
}

void PropertiesPanel::refreshTitle() {
    const model::Map* map = m_document.map(m_map);
    QString title;
    if (map && m_selection.size() == 1) {
        const model::Id id = m_selection.front();
        const auto kind = map->kindOf(id);
        QString name = QString::fromStdString(map->nameOf(id)).simplified();
        if (name.size() > 60)
            name = name.left(58) + QStringLiteral("…");
        const QString kindText = kind ? Forms::kindTitle(*kind) : QString();
        title = name.isEmpty() ? kindText : tr("%1: %2").arg(kindText, name);
    } else if (map && m_selection.size() > 1) {
        title = tr("%1 elements selected").arg(m_selection.size());
    } else if (map) {
        title = tr("Map: %1").arg(QString::fromStdString(map->props.name));
    } else {
        title = tr("Project: %1").arg(QString::fromStdString(m_document.project().props.name));
    }
    m_title->setText(title);
}

} // namespace gemba::app
