#include "form_builder.h"

#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace gemba::app::detail {

void SweepGesture::touch(const QObject* field) {
    if (m_field == field)
        return;
    end();
    if (!m_document)
        return;
    m_document->beginGesture();
    m_field = field;
}

void SweepGesture::end() {
    if (!m_field)
        return;
    m_field = nullptr;
    if (m_document)
        m_document->endGesture();
}

// --- Section -------------------------------------------------------------------------------

Section::Section(const QString& title, bool expanded, QWidget* parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_body(new QWidget(this))
    , m_form(new QFormLayout(m_body)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_header->setCheckable(true);
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    layout->addWidget(m_header);
    layout->addWidget(m_body);

    m_form->setContentsMargins(8, 0, 0, 4);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setHorizontalSpacing(8);
    m_form->setVerticalSpacing(4);

    setTitle(title);
    connect(m_header, &QToolButton::toggled, this, [this](bool on) {
        m_body->setVisible(on);
        m_header->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        emit expandedChanged(on);
    });
    m_header->setChecked(expanded);
    m_body->setVisible(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
}

void Section::setTitle(const QString& title) {
    m_header->setText(title);
    m_header->setAccessibleName(title);
}

bool Section::isExpanded() const {
    return m_header->isChecked();
}

void Section::setExpanded(bool expanded) {
    m_header->setChecked(expanded);
}

// --- FormBuilder ---------------------------------------------------------------------------

FormBuilder::FormBuilder(EditorDocument& document, SweepGesture& sweep, QVBoxLayout* page,
                         std::map<QString, bool>& expanded)
    : m_document(document)
    , m_sweep(sweep)
    , m_page(page)
    , m_expanded(expanded) {}

Section* FormBuilder::section(const QString& key, const QString& title, bool expandedByDefault) {
    const auto remembered = m_expanded.find(key);
    const bool expanded = remembered != m_expanded.end() ? remembered->second : expandedByDefault;
    m_section = new Section(title, expanded);
    m_section->setObjectName(QStringLiteral("section_") + key);
    std::map<QString, bool>* states = &m_expanded;
    QObject::connect(m_section, &Section::expandedChanged, m_section,
                     [states, key](bool on) { (*states)[key] = on; });
    m_page->addWidget(m_section);
    m_sections.push_back(m_section);
    return m_section;
}

void FormBuilder::addWide(QWidget* widget) {
    m_page->addWidget(widget);
}

void FormBuilder::addRow(const QString& label, QWidget* field) {
    // A label with a buddy reads '&' as a mnemonic: "%C&A" must show as it is.
    auto* text = new QLabel(QString(label).replace(QLatin1Char('&'), QStringLiteral("&&")));
    text->setBuddy(field);
    form()->addRow(text, field);
}

void FormBuilder::addRow(QWidget* field) {
    form()->addRow(field);
}

void FormBuilder::alignLabels() const {
    std::vector<QWidget*> labels;
    int widest = 0;
    for (const Section* section : m_sections) {
        QFormLayout* form = section->form();
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole))
                if (QWidget* label = item->widget()) {
                    labels.push_back(label);
                    widest = std::max(widest, label->sizeHint().width());
                }
    }
    for (QWidget* label : labels)
        label->setMinimumWidth(widest);
}

void FormBuilder::refresh() const {
    for (const auto& refresher : m_refreshers)
        refresher();
}

// --- entries -------------------------------------------------------------------------------

namespace {

template <class T, class F>
std::vector<std::pair<model::Id, QString>> sortedEntries(const std::map<model::Id, T>& entities,
                                                         F&& describe) {
    std::vector<std::pair<model::Id, QString>> entries;
    for (const auto& [id, entity] : entities)
        entries.emplace_back(id, describe(entity));
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    return entries;
}

} // namespace

std::vector<std::pair<model::Id, QString>> peopleEntries(const model::Project& project) {
    return sortedEntries(project.people, [](const model::Person& person) {
        const QString name = QString::fromStdString(person.name);
        return person.role.empty()
                   ? name
                   : QStringLiteral("%1 (%2)").arg(name, QString::fromStdString(person.role));
    });
}

std::vector<std::pair<model::Id, QString>> systemEntries(const model::Project& project) {
    return sortedEntries(project.systems, [](const model::System& system) {
        return QString::fromStdString(system.name);
    });
}

} // namespace gemba::app::detail
