#include "canvas/palette.h"

#include "canvas/tool_mime.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDrag>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

constexpr int kColumns = 3;

/// A palette button; shape buttons can also be dragged onto the canvas.
class PaletteButton final : public QToolButton {
public:
    PaletteButton(QAction* action, std::optional<Tool> dragTool, QWidget* parent)
        : QToolButton(parent)
        , m_dragTool(dragTool) {
        setDefaultAction(action);
        setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        setIconSize(QSize(28, 28));
        setAutoRaise(true);
        setMinimumWidth(76);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

protected:
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() == Qt::LeftButton)
            m_pressPos = event->position().toPoint();
        QToolButton::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent* event) override {
        if (!m_dragTool || !(event->buttons() & Qt::LeftButton) ||
            (event->position().toPoint() - m_pressPos).manhattanLength() <
                QApplication::startDragDistance()) {
            QToolButton::mouseMoveEvent(event);
            return;
        }
        // Not a click any more: the button pops up and the shape travels to the canvas.
        setDown(false);
        auto* mime = new QMimeData;
        mime->setData(QString::fromLatin1(kToolMimeType), toolMimeData(*m_dragTool));
        auto* drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->setPixmap(icon().pixmap(QSize(32, 32)));
        drag->setHotSpot(QPoint(16, 16));
        drag->exec(Qt::CopyAction);
    }

private:
    std::optional<Tool> m_dragTool;
    QPoint m_pressPos;
};

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QIcon paletteIcon(const QString& name) {
    return QIcon(QStringLiteral(":/gemba/icons/%1.svg").arg(name));
}

} // namespace

Palette::Palette(QWidget* parent)
    : QWidget(parent)
    , m_group(new QActionGroup(this)) {
    setObjectName(QStringLiteral("palette"));
    m_group->setExclusive(true);
    using K = QKeySequence;

    addToolAction(Tool::Select, "toolSelect", tr("&Select"), tr("Select"), QStringLiteral("select"),
                  K(Qt::Key_V));
    addToolAction(Tool::AddStep, "toolStep", tr("Process &Step"), tr("Step"),
                  QStringLiteral("step"), K(Qt::Key_S));
    addToolAction(Tool::AddWait, "toolWait", tr("&Wait"), tr("Wait"), QStringLiteral("wait"),
                  K(Qt::Key_W));
    addToolAction(Tool::AddInventory, "toolInventory", tr("&Inventory"), tr("Inventory"),
                  QStringLiteral("inventory"), K(Qt::Key_I));
    addToolAction(Tool::AddSupplier, "toolSupplier", tr("Su&pplier"), tr("Supplier"),
                  QStringLiteral("supplier"), K(Qt::SHIFT | Qt::Key_S));
    addToolAction(Tool::AddCustomer, "toolCustomer", tr("C&ustomer"), tr("Customer"),
                  QStringLiteral("customer"), K(Qt::SHIFT | Qt::Key_C));
    addToolAction(Tool::AddInfoBox, "toolInfoBox", tr("Information &Box"), tr("Info box"),
                  QStringLiteral("info_box"), K(Qt::Key_B));
    addToolAction(Tool::AddNote, "toolNote", tr("&Note"), tr("Note"), QStringLiteral("note"),
                  K(Qt::Key_N));
    addToolAction(Tool::AddRedPen, "toolRedPen", tr("&Red-Pen Circle"), tr("Red pen"),
                  QStringLiteral("red_pen"), K(Qt::Key_R));

    using F = model::FlowKind;
    addFlowAction(F::Push, "flowPush", tr("Pus&h Flow"), tr("Push"), QStringLiteral("push"));
    addFlowAction(F::Pull, "flowPull", tr("Pu&ll Flow (Withdrawal)"), tr("Pull"),
                  QStringLiteral("pull"));
    addFlowAction(F::Fifo, "flowFifo", tr("&FIFO Lane"), tr("FIFO"), QStringLiteral("fifo"));
    addFlowAction(F::ManualInformation, "flowManualInformation", tr("&Manual Information Flow"),
                  tr("Manual info"), QStringLiteral("manual_information"));
    addFlowAction(F::ElectronicInformation, "flowElectronicInformation",
                  tr("&Electronic Information Flow"), tr("Electronic"),
                  QStringLiteral("electronic_information"));
    addFlowAction(F::Shipment, "flowShipment", tr("Shi&pment"), tr("Shipment"),
                  QStringLiteral("shipment"));
    moveConnectShortcut(m_kind);
    m_toolActions.front().second->setChecked(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto grid = [&](const QString& title) {
        layout->addWidget(heading(title, this));
        auto* g = new QGridLayout;
        g->setSpacing(2);
        layout->addLayout(g);
        return g;
    };
    QGridLayout* shapes = grid(tr("Shapes"));
    int i = 0;
    for (const auto& [tool, action] : m_toolActions) {
        const std::optional<Tool> drag =
            tool == Tool::Select ? std::nullopt : std::optional<Tool>(tool);
        shapes->addWidget(new PaletteButton(action, drag, this), i / kColumns, i % kColumns);
        ++i;
    }
    QGridLayout* flows = grid(tr("Flows"));
    i = 0;
    for (const auto& [kind, action] : m_flowActions) {
        flows->addWidget(new PaletteButton(action, std::nullopt, this), i / kColumns, i % kColumns);
        ++i;
    }
    layout->addStretch(1);
}

Palette::~Palette() = default;

QList<QAction*> Palette::actions() const {
    return m_actions;
}

QAction* Palette::addToolAction(Tool tool, const char* name, const QString& text,
                                const QString& shortName, const QString& icon,
                                const QKeySequence& shortcut) {
    auto* action = new QAction(paletteIcon(icon), text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setIconText(shortName);
    action->setCheckable(true);
    action->setShortcut(shortcut);
    const QString how = tool == Tool::Select
                            ? tr("select, move and connect")
                            : tr("click on the canvas to place it, or drag it there");
    action->setToolTip(
        tr("%1 (%2): %3").arg(shortName, shortcut.toString(QKeySequence::NativeText), how));
    action->setStatusTip(action->toolTip());
    m_group->addAction(action);
    m_actions << action;
    m_toolActions.push_back({tool, action});
    connect(action, &QAction::triggered, this, [this, tool] { emit toolChosen(tool); });
    return action;
}

QAction* Palette::addFlowAction(model::FlowKind kind, const char* name, const QString& text,
                                const QString& shortName, const QString& icon) {
    auto* action = new QAction(paletteIcon(icon), text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setIconText(shortName);
    action->setCheckable(true);
    action->setStatusTip(tr("%1: drag from one element to another to join them.").arg(shortName));
    m_group->addAction(action);
    m_actions << action;
    m_flowActions.push_back({kind, action});
    connect(action, &QAction::triggered, this, [this, kind] {
        moveConnectShortcut(kind);
        emit connectKindChosen(kind);
    });
    return action;
}

void Palette::moveConnectShortcut(model::FlowKind kind) {
    m_kind = kind;
    for (const auto& [k, action] : m_flowActions) {
        action->setShortcut(k == kind ? QKeySequence(Qt::Key_C) : QKeySequence());
        const QString shortcut = k == kind ? tr(" (C)") : QString();
        action->setToolTip(tr("%1%2: drag from one element to another to join them")
                               .arg(action->iconText(), shortcut));
    }
}

void Palette::showTool(Tool tool) {
    if (tool == Tool::Connect) {
        for (const auto& [kind, action] : m_flowActions)
            if (kind == m_kind)
                action->setChecked(true);
        return;
    }
    for (const auto& [t, action] : m_toolActions)
        if (t == tool)
            action->setChecked(true);
}

} // namespace gemba::app
