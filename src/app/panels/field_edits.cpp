#include "field_edits.h"

#include "gemba/model/units.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QSignalBlocker>
#include <algorithm>
#include <cmath>

namespace gemba::app {

void markInvalid(QWidget* widget, const QString& message, const QString& hint) {
    const bool wasInvalid = widget->property("gembaInvalid").toBool();
    const bool invalid = !message.isEmpty();
    widget->setProperty("gembaInvalid", invalid);
    widget->setToolTip(invalid ? message : hint);
    widget->setAccessibleDescription(message);
    if (invalid == wasInvalid)
        return;
    // A style sheet frame for line edits; spin boxes keep their arrows and only turn pink.
    if (qobject_cast<QAbstractSpinBox*>(widget)) {
        QPalette palette = widget->palette();
        palette.setColor(QPalette::Base, invalid ? QColor(0xfd, 0xec, 0xea)
                                                 : QWidget().palette().color(QPalette::Base));
        widget->setPalette(palette);
    } else if (qobject_cast<QLineEdit*>(widget)) {
        widget->setStyleSheet(invalid ? QStringLiteral("QLineEdit { border: 2px solid #c62828; "
                                                       "border-radius: 2px; padding: 0px 1px; "
                                                       "background: #fdecea; }")
                                      : QString());
    } else {
        widget->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #c62828;") : QString());
    }
}

void makeCompact(QComboBox* box) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(6);
}

// --- FieldLineEdit -------------------------------------------------------------------------

FieldLineEdit::FieldLineEdit(QWidget* parent)
    : QLineEdit(parent) {
    connect(this, &QLineEdit::editingFinished, this, &FieldLineEdit::onEditingFinished);
    // Say what is wrong while the user types, not only when they leave the field.
    connect(this, &QLineEdit::textEdited, this, [this] { recheck(); });
}

void FieldLineEdit::showModelText(const QString& text) {
    const bool busy = hasFocus() && (this->text() != m_modelText || isInvalid());
    const bool moved = text != m_modelText;
    m_modelText = text;
    if (busy)
        return;
    // A rejected text stays in view (marked) until the model's value itself moves.
    if (!moved && isInvalid())
        return;
    if (this->text() != text) {
        setText(text);
        // Show the start of a long text, not its end (setText puts the cursor there).
        if (!hasFocus())
            setCursorPosition(0);
    }
    setError({});
}

void FieldLineEdit::setHint(const QString& hint) {
    m_hint = hint;
    if (!isInvalid())
        setToolTip(hint);
}

bool FieldLineEdit::recheck() {
    // The model's own text is always acceptable, even when a rule would refuse it now.
    const QString message = text() == m_modelText ? QString() : check(text());
    setError(message);
    return message.isEmpty();
}

QString FieldLineEdit::check(const QString& text) const {
    return m_textCheck ? m_textCheck(text) : QString();
}

void FieldLineEdit::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && (isDirty() || isInvalid())) {
        setText(m_modelText);
        setError({});
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void FieldLineEdit::onEditingFinished() {
    if (!isDirty()) {
        setError({});
        return;
    }
    if (!recheck())
        return;
    // Taken as the model's text first, so the re-read that the commit causes may format it.
    m_modelText = text();
    emit committed();
}

void FieldLineEdit::setError(const QString& message) {
    const bool changed = message != m_error;
    m_error = message;
    markInvalid(this, message, m_hint);
    if (changed)
        emit errorChanged(message);
}

// --- DurationEdit --------------------------------------------------------------------------

DurationEdit::DurationEdit(QWidget* parent)
    : FieldLineEdit(parent) {
    setHint(tr("A duration with its unit: 45 s, 30 min, 2 h, 1.5 d, 2 wk, 3 mo. Days and weeks "
               "are working ones."));
}

void DurationEdit::setValue(std::optional<double> seconds) {
    showModelText(seconds ? QString::fromStdString(model::formatDuration(*seconds, m_calendar))
                          : QString());
}

std::optional<double> DurationEdit::value() const {
    if (text().trimmed().isEmpty())
        return std::nullopt;
    const auto parsed = model::parseDuration(text().toStdString(), m_calendar);
    if (!parsed.ok())
        return std::nullopt;
    return parsed.value();
}

QString DurationEdit::check(const QString& text) const {
    if (text.trimmed().isEmpty())
        return m_optional ? QString() : tr("A duration is needed here, e.g. 30 min.");
    const auto parsed = model::parseDuration(text.toStdString(), m_calendar);
    if (!parsed.ok())
        return QString::fromStdString(parsed.error());
    if (m_positive && parsed.value() <= 0)
        return tr("Must be more than 0.");
    return FieldLineEdit::check(text);
}

// --- NumberEdit ----------------------------------------------------------------------------

NumberEdit::NumberEdit(QWidget* parent)
    : FieldLineEdit(parent) {}

void NumberEdit::setRange(double min, bool minInclusive, double max, bool maxInclusive) {
    m_min = min;
    m_minInclusive = minInclusive;
    m_max = max;
    m_maxInclusive = maxInclusive;
}

void NumberEdit::setValue(std::optional<double> stored) {
    showModelText(stored ? format(*stored * m_factor) : QString());
}

std::optional<double> NumberEdit::value() const {
    if (!check(text()).isEmpty())
        return std::nullopt;
    const auto shown = parse(text());
    if (!shown)
        return std::nullopt;
    return *shown / m_factor;
}

std::optional<double> NumberEdit::parse(const QString& text) const {
    QString t = text.trimmed();
    if (m_percent && t.endsWith(QLatin1Char('%')))
        t = t.chopped(1).trimmed();
    return model::parseCount(t.toStdString());
}

QString NumberEdit::format(double shown) const {
    QString out = QString::fromStdString(model::formatCount(shown, m_integer ? 0 : m_decimals));
    return m_percent ? out + QLatin1Char('%') : out;
}

QString NumberEdit::check(const QString& text) const {
    if (text.trimmed().isEmpty())
        return m_optional ? QString() : tr("A number is needed here.");
    const auto shown = parse(text);
    if (!shown)
        return m_percent
                   ? tr("'%1' is not a percentage (write e.g. 80 or 80%).").arg(text.trimmed())
                   : tr("'%1' is not a number (write e.g. 12 or 2.5).").arg(text.trimmed());
    if (m_integer && std::floor(*shown) != *shown)
        return tr("Must be a whole number.");
    const QString unit = m_percent ? QStringLiteral("%") : QString();
    auto num = [&](double v) { return QString::fromStdString(model::formatCount(v)) + unit; };
    const bool hasMax = std::isfinite(m_max);
    const bool lowOk = m_minInclusive ? *shown >= m_min : *shown > m_min;
    const bool highOk = !hasMax || (m_maxInclusive ? *shown <= m_max : *shown < m_max);
    if (lowOk && highOk)
        return FieldLineEdit::check(text);
    const QString low =
        m_minInclusive ? tr("at least %1").arg(num(m_min)) : tr("more than %1").arg(num(m_min));
    if (!hasMax)
        return tr("Must be %1.").arg(low);
    const QString high =
        m_maxInclusive ? tr("at most %1").arg(num(m_max)) : tr("less than %1").arg(num(m_max));
    return tr("Must be %1 and %2.").arg(low, high);
}

// --- TextArea ------------------------------------------------------------------------------

TextArea::TextArea(QWidget* parent)
    : QPlainTextEdit(parent) {
    setTabChangesFocus(true);
    setToolTip(
        tr("Taken when you leave the field or press Ctrl+Enter; Escape undoes your typing."));
}

void TextArea::showModelText(const QString& text) {
    const bool busy = hasFocus() && isDirty();
    m_modelText = text;
    if (!busy && toPlainText() != text)
        setPlainText(text);
}

QSize TextArea::sizeHint() const {
    // About three lines: notes are short in a workshop; the field scrolls for more.
    const int lines = 3;
    const int height = fontMetrics().lineSpacing() * lines + 2 * frameWidth() +
                       static_cast<int>(2 * document()->documentMargin());
    return {QPlainTextEdit::sizeHint().width(), height};
}

void TextArea::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        commitIfDirty();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && isDirty()) {
        setPlainText(m_modelText);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void TextArea::focusOutEvent(QFocusEvent* event) {
    commitIfDirty();
    QPlainTextEdit::focusOutEvent(event);
}

void TextArea::commitIfDirty() {
    if (!isDirty())
        return;
    m_modelText = toPlainText();
    emit committed();
}

// --- Spin boxes ----------------------------------------------------------------------------

namespace {

/// A spin box's text without its prefix and suffix ("2,400 px" -> "2,400").
QString numberPart(const QAbstractSpinBox& box, QString text) {
    const auto* spin = qobject_cast<const QDoubleSpinBox*>(&box);
    const auto* whole = qobject_cast<const QSpinBox*>(&box);
    const QString prefix = spin ? spin->prefix() : whole ? whole->prefix() : QString();
    const QString suffix = spin ? spin->suffix() : whole ? whole->suffix() : QString();
    if (!prefix.isEmpty() && text.startsWith(prefix))
        text.remove(0, prefix.size());
    if (!suffix.isEmpty() && text.endsWith(suffix))
        text.chop(suffix.size());
    return text.trimmed();
}

std::optional<double> typedCount(const QAbstractSpinBox& box, const QString& text) {
    return model::parseCount(numberPart(box, text).toStdString());
}

QValidator::State validateCount(const QAbstractSpinBox& box, const QString& text, double min,
                                double max) {
    const QString number = numberPart(box, text);
    if (const auto value = model::parseCount(number.toStdString()))
        return *value >= min && *value <= max ? QValidator::Acceptable : QValidator::Intermediate;
    // On the way to a number ("1,2" before "1,200", "-", ""): let the user go on typing.
    for (const QChar c : number)
        if (!c.isDigit() && !QStringLiteral(",.-+ ").contains(c))
            return QValidator::Invalid;
    return QValidator::Intermediate;
}

} // namespace

CountSpinBox::CountSpinBox(QWidget* parent)
    : QSpinBox(parent) {}

QString CountSpinBox::textFromValue(int value) const {
    return QString::fromStdString(model::formatCount(value, 0));
}

int CountSpinBox::valueFromText(const QString& text) const {
    const auto typed = typedCount(*this, text);
    return typed && std::floor(*typed) == *typed ? static_cast<int>(*typed) : value();
}

QValidator::State CountSpinBox::validate(QString& text, int& pos) const {
    Q_UNUSED(pos);
    const auto typed = typedCount(*this, text);
    if (typed && std::floor(*typed) != *typed)
        return QValidator::Intermediate;
    return validateCount(*this, text, minimum(), maximum());
}

SpinEdit::SpinEdit(QWidget* parent)
    : QDoubleSpinBox(parent) {
    // Typed text is taken on Enter or focus out; arrow steps are taken one by one.
    setKeyboardTracking(false);
    setDecimals(2);
    connect(this, &QDoubleSpinBox::valueChanged, this, &SpinEdit::onValueChanged);
}

void SpinEdit::showModelValue(double value) {
    const bool typing =
        hasFocus() && lineEdit()->text() != prefix() + textFromValue(this->value()) + suffix();
    if (typing)
        return;
    // Show the stored value as it is, even outside the range the arrows offer (a damaged
    // file's headcount of 0): the check marks it.
    if (value < minimum())
        setMinimum(value);
    if (value > maximum())
        setMaximum(value);
    m_showing = true;
    setValue(value);
    m_showing = false;
    markInvalid(this, m_check ? m_check(value) : QString(), m_hint);
}

void SpinEdit::setHint(const QString& hint) {
    m_hint = hint;
    if (!property("gembaInvalid").toBool())
        setToolTip(hint);
}

QString SpinEdit::textFromValue(double value) const {
    return QString::fromStdString(model::formatCount(value, decimals()));
}

double SpinEdit::valueFromText(const QString& text) const {
    return typedCount(*this, text).value_or(value());
}

QValidator::State SpinEdit::validate(QString& text, int& pos) const {
    Q_UNUSED(pos);
    return validateCount(*this, text, minimum(), maximum());
}

void SpinEdit::onValueChanged(double value) {
    if (m_showing)
        return;
    const QString message = m_check ? m_check(value) : QString();
    markInvalid(this, message, m_hint);
    emit errorChanged(message);
    if (message.isEmpty())
        emit valueCommitted(value);
}

// --- CheckList -----------------------------------------------------------------------------

CheckList::CheckList(QWidget* parent)
    : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!(item->flags() & Qt::ItemIsUserCheckable))
            return;
        emit toggled(item->data(Qt::UserRole).value<model::Id>(),
                     item->checkState() == Qt::Checked);
    });
}

void CheckList::setEntries(const std::vector<std::pair<model::Id, QString>>& entries,
                           const std::vector<model::Id>& checked, const QString& emptyText) {
    const QSignalBlocker blocker(this);
    bool same = static_cast<int>(entries.size()) == count() && !entries.empty();
    for (int i = 0; same && i < count(); ++i)
        same = item(i)->data(Qt::UserRole).value<model::Id>() == entries[i].first &&
               item(i)->text() == entries[i].second;
    if (!same) {
        const QListWidgetItem* current = currentItem();
        const model::Id currentId =
            current ? current->data(Qt::UserRole).value<model::Id>() : model::kNoId;
        clear();
        if (entries.empty()) {
            auto* placeholder = new QListWidgetItem(emptyText, this);
            placeholder->setFlags(Qt::NoItemFlags);
        }
        for (const auto& [id, name] : entries) {
            auto* item = new QListWidgetItem(name, this);
            item->setData(Qt::UserRole, QVariant::fromValue(id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            if (id == currentId)
                setCurrentItem(item);
        }
        updateGeometry();
    }
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem* it = item(i);
        if (!(it->flags() & Qt::ItemIsUserCheckable))
            continue;
        const model::Id id = it->data(Qt::UserRole).value<model::Id>();
        const bool on = std::find(checked.begin(), checked.end(), id) != checked.end();
        it->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

int CheckList::rowsShown() const {
    return std::clamp(count(), 1, 6);
}

QSize CheckList::sizeHint() const {
    const int row = count() > 0 ? sizeHintForRow(0) : fontMetrics().height() + 4;
    return {QListWidget::sizeHint().width() / 2, row * rowsShown() + 2 * frameWidth() + 2};
}

QSize CheckList::minimumSizeHint() const {
    return {60, sizeHint().height()};
}

} // namespace gemba::app
