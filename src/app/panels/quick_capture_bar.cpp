#include "quick_capture_bar.h"

#include "field_edits.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace gemba::app {

namespace {
constexpr int kHistoryLength = 50;
}

QuickCaptureBar::QuickCaptureBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("quickCaptureBar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    auto* label = new QLabel(tr("&Capture:"), this);
    label->setBuddy(m_edit);
    row->addWidget(label);
    m_edit->setObjectName(QStringLiteral("quickCaptureEdit"));
    m_edit->setPlaceholderText(tr("Type a step: Review contract 30 min 2 d — Enter adds it"));
    m_edit->setAccessibleName(tr("Quick capture"));
    m_edit->setClearButtonEnabled(true);
    row->addWidget(m_edit, 1);
    layout->addLayout(row);

    m_error->setObjectName(QStringLiteral("quickCaptureError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::returnPressed, this, &QuickCaptureBar::submit);
    // The user is fixing the line: the old reason no longer applies.
    connect(m_edit, &QLineEdit::textEdited, this, [this] { setError({}); });
    setError({});
}

QuickCaptureBar::~QuickCaptureBar() = default;

void QuickCaptureBar::setCalendar(const model::Calendar& calendar) {
    m_calendar = calendar;
}

QLineEdit* QuickCaptureBar::lineEdit() const {
    return m_edit;
}

void QuickCaptureBar::setHandler(Handler handler) {
    m_handler = std::move(handler);
}

QString QuickCaptureBar::errorText() const {
    return m_error->text();
}

void QuickCaptureBar::submit() {
    const QString line = m_edit->text().trimmed();
    if (line.isEmpty())
        return;
    const auto parsed = model::parseQuickCapture(line.toStdString(), m_calendar);
    if (!parsed.ok()) {
        setError(tr("Not added: %1").arg(QString::fromStdString(parsed.error())));
        return;
    }
    if (m_handler) {
        if (const QString refused = m_handler(parsed.value()); !refused.isEmpty()) {
            setError(tr("Not added: %1").arg(refused));
            return;
        }
    }
    if (m_history.isEmpty() || m_history.back() != line)
        m_history.push_back(line);
    while (m_history.size() > kHistoryLength)
        m_history.pop_front();
    m_historyIndex = -1;
    m_draft.clear();
    m_edit->clear();
    setError({});
    emit captured(parsed.value());
}

void QuickCaptureBar::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    markInvalid(m_edit, message,
                tr("A step's name, then its process time and lead time with units, and a %C&A: "
                   "Review contract 30 min 2 d 80%. Also: wait 2 d, inventory 1,200, @Role, "
                   "#System, !va/!nva/!waste, x2, and Legal review 1 d, or 30% Fast track, "
                   "back to Draft 20%. Up and Down recall earlier lines; Escape clears, then "
                   "returns to the map."));
}

void QuickCaptureBar::recall(int direction) {
    if (m_history.isEmpty())
        return;
    if (m_historyIndex < 0) {
        if (direction > 0)
            return;
        m_draft = m_edit->text();
        m_historyIndex = static_cast<int>(m_history.size());
    }
    const int next = m_historyIndex + direction;
    if (next < 0)
        return; // the oldest line stays
    setError({});
    if (next >= m_history.size()) {
        m_historyIndex = -1;
        m_edit->setText(m_draft);
        return;
    }
    m_historyIndex = next;
    m_edit->setText(m_history.at(next));
}

bool QuickCaptureBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        // The line's own undo would take Ctrl+Z: keep the keys for the map's history. Escape
        // is the line's too: it must not leave presentation mode while someone types.
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            key->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo)) {
            emit undoRequested();
            return true;
        }
        if (key->matches(QKeySequence::Redo)) {
            emit redoRequested();
            return true;
        }
        switch (key->key()) {
        case Qt::Key_Escape:
            if (m_edit->text().isEmpty() && m_error->isHidden()) {
                emit leaveRequested();
                return true;
            }
            m_edit->clear();
            m_historyIndex = -1;
            m_draft.clear();
            setError({});
            return true;
        case Qt::Key_Up:
            recall(-1);
            return true;
        case Qt::Key_Down:
            recall(+1);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gemba::app
