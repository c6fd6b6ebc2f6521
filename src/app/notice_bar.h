#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace gemba::app {

/// A one-line notice above the map with one action ("Keep It"), as browsers and office suites
/// show: it never stops the work or takes the focus. It goes when its action is taken, when it
/// is closed, or when the caller dismisses it (the next change to the document).
class NoticeBar : public QFrame {
    Q_OBJECT

public:
    explicit NoticeBar(QWidget* parent = nullptr);

    /// Shows `text` with a button `actionText` that runs `action` once and closes the notice.
    void showNotice(const QString& text, const QString& actionText, std::function<void()> action);
    void dismiss();
    QString text() const;

private:
    QLabel* m_text;
    QPushButton* m_action;
    QToolButton* m_close;
    std::function<void()> m_onAction;
};

} // namespace gemba::app
