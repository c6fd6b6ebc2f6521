#include "notice_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace gemba::app {

NoticeBar::NoticeBar(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#noticeBar { background: #fff8e1; border: 1px solid #e0c060; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text, 1);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    // Clicking must not take the focus from the canvas or the capture line.
    m_action->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_action);
    m_close->setObjectName(QStringLiteral("noticeClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close this notice"));
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &NoticeBar::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        // Closed first: the action changes the document, which would dismiss it anyway.
        std::function<void()> action = std::move(m_onAction);
        dismiss();
        if (action)
            action();
    });
    hide();
}

void NoticeBar::showNotice(const QString& text, const QString& actionText,
                           std::function<void()> action) {
    m_text->setText(text);
    m_action->setText(actionText);
    m_onAction = std::move(action);
    show();
}

void NoticeBar::dismiss() {
    m_onAction = nullptr;
    hide();
}

QString NoticeBar::text() const {
    return m_text->text();
}

} // namespace gemba::app
