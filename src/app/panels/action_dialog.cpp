#include "action_dialog.h"

#include "gemba/metrics/review.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/model/workshop.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QVariant idData(model::Id id) {
    return QVariant::fromValue<qulonglong>(id);
}

model::Id idOf(const QComboBox* box) {
    return box->currentData().value<qulonglong>();
}

void select(QComboBox* box, const QVariant& data) {
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

bool isDuration(model::TargetFigure f) {
    using model::TargetFigure;
    return f == TargetFigure::LeadTime || f == TargetFigure::ProcessTime ||
           f == TargetFigure::StepLeadTime || f == TargetFigure::WaitTime;
}

bool isRatio(model::TargetFigure f) {
    return f == model::TargetFigure::ActivityRatio || f == model::TargetFigure::RolledPca;
}

/// A figure's value as typed: durations with their unit ("5 d"), ratios in percent ("44"),
/// counts as numbers with their thousands grouped ("1,200").
QString valueText(model::TargetFigure figure, const std::optional<double>& value,
                  const model::Calendar& calendar) {
    if (!value)
        return {};
    if (isDuration(figure))
        return qs(model::formatDuration(*value, calendar));
    if (isRatio(figure))
        return qs(model::formatNumber(*value * 100, 2));
    return qs(model::formatCount(*value, 2));
}

/// The typed value back; `error` says why it does not read.
std::optional<double> readValue(model::TargetFigure figure, const QString& text,
                                const model::Calendar& calendar, std::string& error) {
    const std::string typed = text.trimmed().toStdString();
    if (typed.empty())
        return std::nullopt;
    if (isDuration(figure)) {
        const auto parsed = model::parseDuration(typed, calendar);
        if (!parsed.ok())
            error = parsed.error();
        return parsed.ok() ? std::optional<double>(parsed.value()) : std::nullopt;
    }
    std::string number = typed;
    if (isRatio(figure) && !number.empty() && number.back() == '%')
        number.pop_back();
    const auto parsed = model::parseCount(number);
    if (!parsed)
        error = "'" + typed + "' is not a number";
    else if (isRatio(figure))
        return *parsed / 100;
    return parsed;
}

} // namespace

ActionDialog::ActionDialog(const model::Project& project, const model::Action& action,
                           QWidget* parent)
    : QDialog(parent)
    , m_project(project)
    , m_original(action) {
    setObjectName(QStringLiteral("actionDialog"));
    setWindowTitle(tr("Action %1").arg(action.id));
    const model::Calendar& calendar = project.props.calendar;
    const auto line = [this](const QString& name, const QString& text) {
        auto* edit = new QLineEdit(text, this);
        edit->setObjectName(name);
        connect(edit, &QLineEdit::textChanged, this, &ActionDialog::check);
        return edit;
    };
    const auto combo = [this](const QString& name) {
        auto* box = new QComboBox(this);
        box->setObjectName(name);
        return box;
    };
    m_title = line(QStringLiteral("actionTitle"), qs(action.title));
    m_owner = combo(QStringLiteral("actionOwner"));
    m_owner->addItem(tr("(nobody)"), idData(model::kNoId));
    for (const auto& [id, person] : project.people)
        m_owner->addItem(qs(person.name), idData(id));
    select(m_owner, idData(action.owner));
    m_start = line(QStringLiteral("actionStart"), qs(action.start));
    m_due = line(QStringLiteral("actionDue"), qs(action.due));
    for (QLineEdit* date : {m_start, m_due})
        date->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    m_status = combo(QStringLiteral("actionStatus"));
    for (const auto& [status, name] : model::EnumNames<model::ActionStatus>::table())
        m_status->addItem(qs(name), static_cast<int>(status));
    select(m_status, static_cast<int>(action.status));
    m_reason = line(QStringLiteral("actionReason"), qs(action.reason));
    m_reason->setPlaceholderText(tr("why blocked or dropped"));

    m_figure = combo(QStringLiteral("actionEffectFigure"));
    m_figure->addItem(tr("(no expected effect)"), -1);
    for (const auto& [figure, name] : model::EnumNames<model::TargetFigure>::table())
        m_figure->addItem(qs(name), static_cast<int>(figure));
    m_map = combo(QStringLiteral("actionEffectMap"));
    m_realises = combo(QStringLiteral("actionRealises"));
    m_realises->addItem(tr("(none)"), idData(model::kNoId));
    for (const model::Map& map : project.maps) {
        m_map->addItem(qs(map.props.name), idData(map.id));
        m_realises->addItem(qs(map.props.name), idData(map.id));
    }
    select(m_realises, idData(action.realises));
    m_element = combo(QStringLiteral("actionEffectElement"));
    const model::Target effect = action.effect.value_or(model::Target{});
    select(m_figure, action.effect ? static_cast<int>(effect.figure) : -1);
    select(m_map, idData(effect.map));
    fillElements();
    select(m_element, idData(effect.element));
    m_from =
        line(QStringLiteral("actionEffectFrom"), valueText(effect.figure, effect.from, calendar));
    m_to = line(QStringLiteral("actionEffectTo"), valueText(effect.figure, effect.to, calendar));
    m_change =
        line(QStringLiteral("actionEffectChange"),
             effect.changePercent ? qs(model::formatNumber(*effect.changePercent, 2)) : QString());
    m_from->setPlaceholderText(tr("baseline; empty: computed on the map"));
    m_to->setPlaceholderText(tr("target"));
    m_change->setPlaceholderText(tr("or a change in %, e.g. -30"));
    m_notes = new QPlainTextEdit(qs(action.notes), this);
    m_notes->setObjectName(QStringLiteral("actionNotes"));
    m_notes->setTabChangesFocus(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(tr("Stat&us:"), m_status);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("Expected &effect:"), m_figure);
    form->addRow(tr("on the &map:"), m_map);
    form->addRow(tr("ele&ment:"), m_element);
    form->addRow(tr("&from:"), m_from);
    form->addRow(tr("t&o:"), m_to);
    form->addRow(tr("&change %:"), m_change);
    form->addRow(tr("Real&ises:"), m_realises);
    form->addRow(tr("&Notes:"), m_notes);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("actionProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_figure, &QComboBox::currentIndexChanged, this, [this] {
        fillElements();
        check();
    });
    connect(m_map, &QComboBox::currentIndexChanged, this, [this] {
        fillElements();
        check();
    });
    check();
}

void ActionDialog::fillElements() {
    const int figure = m_figure->currentData().toInt();
    const bool hasEffect = figure >= 0;
    const auto f = static_cast<model::TargetFigure>(figure);
    const bool perElement =
        hasEffect && (f == model::TargetFigure::StepLeadTime || f == model::TargetFigure::WaitTime);
    const model::Id keep = idOf(m_element);
    m_element->clear();
    if (const model::Map* map = m_project.findMap(idOf(m_map)); map && perElement) {
        if (f == model::TargetFigure::StepLeadTime)
            for (const auto& [id, step] : map->steps)
                m_element->addItem(qs(step.name), idData(id));
        else
            for (const auto& [id, wait] : map->waits)
                m_element->addItem(qs(map->nameOf(id)), idData(id));
    }
    select(m_element, idData(keep));
    m_map->setEnabled(hasEffect);
    m_element->setEnabled(perElement);
    for (QWidget* w : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to),
                       static_cast<QWidget*>(m_change)})
        if (w)
            w->setEnabled(hasEffect);
}

std::optional<model::Action> ActionDialog::action() const {
    if (!m_problemText.isEmpty())
        return std::nullopt;
    const model::Calendar& calendar = m_project.props.calendar;
    model::Action a = m_original;
    a.title = m_title->text().trimmed().toStdString();
    a.owner = idOf(m_owner);
    a.start = m_start->text().trimmed().toStdString();
    a.due = m_due->text().trimmed().toStdString();
    a.status = static_cast<model::ActionStatus>(m_status->currentData().toInt());
    a.reason = m_reason->text().trimmed().toStdString();
    a.realises = idOf(m_realises);
    a.notes = m_notes->toPlainText().toStdString();
    const int figure = m_figure->currentData().toInt();
    if (figure < 0) {
        a.effect.reset();
        return a;
    }
    model::Target t;
    t.figure = static_cast<model::TargetFigure>(figure);
    t.map = idOf(m_map);
    t.element = m_element->isEnabled() ? idOf(m_element) : model::kNoId;
    std::string error;
    t.from = readValue(t.figure, m_from->text(), calendar, error);
    t.to = readValue(t.figure, m_to->text(), calendar, error);
    if (!m_change->text().trimmed().isEmpty())
        t.changePercent = model::parseNumber(m_change->text().trimmed().toStdString());
    a.effect = t;
    return a;
}

void ActionDialog::check() {
    if (!m_ok)
        return; // still building the form
    QStringList problems;
    if (m_title->text().trimmed().isEmpty())
        problems << tr("The action needs a title.");
    for (const auto& [edit, name] :
         {std::pair{m_start, tr("start")}, std::pair{m_due, tr("due")}}) {
        const std::string text = edit->text().trimmed().toStdString();
        if (!text.empty() && !model::isIsoDate(text))
            problems << tr("The %1 date \"%2\" is not a date as YYYY-MM-DD.").arg(name, qs(text));
    }
    const std::string start = m_start->text().trimmed().toStdString();
    const std::string due = m_due->text().trimmed().toStdString();
    if (model::isIsoDate(start) && model::isIsoDate(due) && due < start)
        problems << tr("The due date is before the start.");
    const int figure = m_figure->currentData().toInt();
    if (figure >= 0) {
        const auto f = static_cast<model::TargetFigure>(figure);
        for (const auto& [edit, name] :
             {std::pair{m_from, tr("from")}, std::pair{m_to, tr("to")}}) {
            std::string error;
            readValue(f, edit->text(), m_project.props.calendar, error);
            if (!error.empty())
                problems << tr("Expected effect, %1: %2").arg(name, qs(error));
        }
        const QString change = m_change->text().trimmed();
        if (!change.isEmpty() && !model::parseNumber(change.toStdString()))
            problems << tr("The change \"%1\" is not a number of percent.").arg(change);
        if (m_element->isEnabled() && idOf(m_element) == model::kNoId)
            problems << tr("Choose the step or wait the expected effect is about.");
    }
    m_problemText = problems.join(QChar(' '));
    m_problem->setText(m_problemText);
    m_ok->setEnabled(m_problemText.isEmpty());
}

} // namespace gemba::app
