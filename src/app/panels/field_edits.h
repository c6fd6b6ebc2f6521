#pragma once

#include "gemba/model/project.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace gemba::app {

/// Marks a widget as holding text that cannot be taken (red frame, the reason as tooltip), or
/// clears the mark when `message` is empty. `hint` is the tooltip a valid field shows.
void markInvalid(QWidget* widget, const QString& message, const QString& hint = {});

/// Lets a combo box narrower than its longest entry: a dock may be narrow, and a clipped
/// field is worse than an elided entry.
void makeCompact(QComboBox* box);

/// A one-line field that shows a value of the model and hands back what the user typed.
/// The model never overwrites text the user is busy with (focused and changed, or invalid);
/// Escape puts the model's value back. Text that fails check() is marked as the user types
/// and is never committed.
class FieldLineEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit FieldLineEdit(QWidget* parent = nullptr);

    /// Shows the model's text, unless the user is editing this field.
    void showModelText(const QString& text);
    QString modelText() const { return m_modelText; }
    /// The text differs from the model's (typed, not yet committed).
    bool isDirty() const { return text() != m_modelText; }
    bool isInvalid() const { return !m_error.isEmpty(); }
    QString errorText() const { return m_error; }
    /// The tooltip shown while the text is valid.
    void setHint(const QString& hint);
    /// Checks the text now and marks it; returns true when it can be taken.
    bool recheck();
    /// An extra rule for the text: returns why it cannot be taken, or an empty string.
    void setTextCheck(std::function<QString(const QString&)> check) {
        m_textCheck = std::move(check);
    }

signals:
    /// Valid text that differs from the model's was confirmed (Enter or focus out).
    void committed();
    /// The text became invalid (the reason), or valid again (empty).
    void errorChanged(const QString& message);

protected:
    /// Why the text cannot be taken, or an empty string when it can.
    virtual QString check(const QString& text) const;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onEditingFinished();
    void setError(const QString& message);

    QString m_modelText;
    QString m_error;
    QString m_hint;
    std::function<QString(const QString&)> m_textCheck;
};

/// A duration typed with its unit ("30 min", "1.5 d"), read with the project's calendar. When
/// not being edited it shows the stored value formatted ("1.5 h"). Empty means "not given"
/// when the field is optional.
class DurationEdit : public FieldLineEdit {
    Q_OBJECT

public:
    explicit DurationEdit(QWidget* parent = nullptr);
    void setCalendar(const model::Calendar& calendar) { m_calendar = calendar; }
    void setOptional(bool optional) { m_optional = optional; }
    /// Refuses zero (an available time per day must be more than nothing).
    void setPositive(bool positive) { m_positive = positive; }
    /// Shows a stored value (seconds), unless the user is editing the field.
    void setValue(std::optional<double> seconds);
    /// The value of the text, when it is valid; empty for an empty optional field.
    std::optional<double> value() const;

protected:
    QString check(const QString& text) const override;

private:
    model::Calendar m_calendar;
    bool m_optional = true;
    bool m_positive = false;
};

/// A number with a range, optionally shown as a percentage ("80%") or scaled (a share of 0.25
/// shown as 25%). Thousands show grouped ("1,200") and are read with or without the commas.
/// Empty means "not given" when the field is optional.
class NumberEdit : public FieldLineEdit {
    Q_OBJECT

public:
    explicit NumberEdit(QWidget* parent = nullptr);
    /// The allowed range of the shown number; each end open or closed.
    void setRange(double min, bool minInclusive, double max, bool maxInclusive);
    void setOptional(bool optional) { m_optional = optional; }
    /// Shows and reads the number with a % sign (the % is optional when typing).
    void setPercent(bool percent) { m_percent = percent; }
    /// Shown value = stored value x factor (100 for a 0-1 share shown in percent).
    void setDisplayFactor(double factor) { m_factor = factor; }
    void setInteger(bool integer) { m_integer = integer; }
    void setDecimals(int decimals) { m_decimals = decimals; }
    void setValue(std::optional<double> stored);
    std::optional<double> value() const;

protected:
    QString check(const QString& text) const override;

private:
    std::optional<double> parse(const QString& text) const;
    QString format(double shown) const;

    double m_min = 0;
    bool m_minInclusive = true;
    double m_max = std::numeric_limits<double>::infinity();
    bool m_maxInclusive = true;
    bool m_optional = true;
    bool m_percent = false;
    bool m_integer = false;
    double m_factor = 1;
    int m_decimals = 2;
};

/// A text of several lines (notes, descriptions), committed when focus leaves or on
/// Ctrl+Enter; Escape puts the model's text back.
class TextArea : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit TextArea(QWidget* parent = nullptr);
    void showModelText(const QString& text);
    bool isDirty() const { return toPlainText() != m_modelText; }
    QSize sizeHint() const override;

signals:
    void committed();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void commitIfDirty();
    QString m_modelText;
};

/// A number with arrows: arrows, wheel and Up/Down step it and each step is committed (the
/// panel merges a sweep into one undo step). Numbers show as formatCount writes them
/// ("1,200", no trailing zeros) whatever the system's locale, and read back with or without
/// the separators (parseCount). A check refuses values the range cannot express (headcount 0).
class SpinEdit : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit SpinEdit(QWidget* parent = nullptr);
    /// Shows a stored value, unless the user is typing in the field.
    void showModelValue(double value);
    /// Why a value cannot be taken, or empty when it can.
    void setCheck(std::function<QString(double)> check) { m_check = std::move(check); }
    /// The tooltip shown while the value is valid.
    void setHint(const QString& hint);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;

signals:
    /// The user set a value that passed the check.
    void valueCommitted(double value);
    /// The value the user set was refused (the reason), or taken (empty).
    void errorChanged(const QString& message);

private:
    void onValueChanged(double value);
    std::function<QString(double)> m_check;
    QString m_hint;
    bool m_showing = false;
};

/// A whole count with arrows (trials, pixels) shown and read as SpinEdit does: "10,000",
/// and "10000" or "10,000" typed.
class CountSpinBox : public QSpinBox {
    Q_OBJECT

public:
    explicit CountSpinBox(QWidget* parent = nullptr);
    QString textFromValue(int value) const override;
    int valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

/// A list of checkable names (people, systems, experts); checking one commits at once.
class CheckList : public QListWidget {
    Q_OBJECT

public:
    explicit CheckList(QWidget* parent = nullptr);
    /// Shows these entries with those checked. Entries keep their place in the list; the
    /// current row survives a refresh. `emptyText` is shown when there are no entries.
    void setEntries(const std::vector<std::pair<model::Id, QString>>& entries,
                    const std::vector<model::Id>& checked, const QString& emptyText);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void toggled(gemba::model::Id id, bool checked);

private:
    int rowsShown() const;
};

} // namespace gemba::app
