#pragma once

#include "gemba/model/project.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gemba::app {

/// Every field of an action, in tab order, so the plan can be kept from the keyboard: title,
/// owner, start and due dates, status and its reason, the expected effect (figure, map,
/// element, from, to, change in %), the future state it realises, and notes. A value that
/// does not read (a date not YYYY-MM-DD, a duration without a unit) is named under the form
/// and OK waits until it is fixed.
class ActionDialog : public QDialog {
    Q_OBJECT

public:
    ActionDialog(const model::Project& project, const model::Action& action,
                 QWidget* parent = nullptr);

    /// The action as the form has it; nothing while a field does not read.
    std::optional<model::Action> action() const;
    /// Why the form's action does not read, or empty.
    QString problem() const { return m_problemText; }

private:
    void fillElements();
    void check();

    const model::Project& m_project;
    model::Action m_original;
    QLineEdit* m_title = nullptr;
    QComboBox* m_owner = nullptr;
    QLineEdit* m_start = nullptr;
    QLineEdit* m_due = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_figure = nullptr;
    QComboBox* m_map = nullptr;
    QComboBox* m_element = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_change = nullptr;
    QComboBox* m_realises = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_ok = nullptr;
    QString m_problemText;
};

} // namespace gemba::app
