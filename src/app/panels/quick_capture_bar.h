#pragma once

#include "gemba/model/quick_capture.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace gemba::app {

/// The workshop's capture line: `Review contract 30 min 2 d` and Enter. It parses the line with
/// the project's calendar and hands the step on; a line it cannot read stays, marked, with the
/// reason shown. Up and Down recall the lines typed before; Escape clears.
class QuickCaptureBar : public QWidget {
    Q_OBJECT

public:
    explicit QuickCaptureBar(QWidget* parent = nullptr);
    ~QuickCaptureBar() override;
    void setCalendar(const model::Calendar& calendar);
    QLineEdit* lineEdit() const;
    /// Why the last line was refused, or empty.
    QString errorText() const;

signals:
    void captured(const gemba::model::QuickCapture& capture);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void submit();
    void setError(const QString& message);
    /// Steps through the history: -1 older, +1 newer.
    void recall(int direction);

    QLineEdit* m_edit;
    QLabel* m_error;
    model::Calendar m_calendar;
    QStringList m_history;   ///< oldest first
    int m_historyIndex = -1; ///< -1: not browsing
    QString m_draft;         ///< what was typed before browsing began
};

} // namespace gemba::app
