#pragma once

#include "gemba/model/quick_capture.h"

#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;

namespace gemba::app {

/// The workshop's capture line: `Review contract 30 min 2 d` and Enter. It parses the line with
/// the project's calendar and hands it to the handler (which changes the map); a line that
/// cannot be read or applied stays, marked, with the reason shown. Up and Down recall the lines
/// typed before. The focus stays in the line, so Ctrl+Z and Ctrl+Shift+Z here undo and redo
/// changes to the map (undoRequested, redoRequested); Escape clears the line, and on an empty
/// line returns to the canvas (leaveRequested).
class QuickCaptureBar : public QWidget {
    Q_OBJECT

public:
    explicit QuickCaptureBar(QWidget* parent = nullptr);
    ~QuickCaptureBar() override;
    void setCalendar(const model::Calendar& calendar);
    QLineEdit* lineEdit() const;
    /// Applies a line; returns why it could not, or an empty string.
    using Handler = std::function<QString(const model::QuickCapture&)>;
    void setHandler(Handler handler);
    /// Why the last line was refused, or empty.
    QString errorText() const;

signals:
    /// A line was read and applied.
    void captured(const gemba::model::QuickCapture& capture);
    void undoRequested();
    void redoRequested();
    void leaveRequested();

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
    Handler m_handler;
};

} // namespace gemba::app
