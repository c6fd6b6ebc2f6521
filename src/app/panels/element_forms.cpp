#include "forms.h"
#include "gemba/model/names.h"
#include "gemba/model/operations.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <cmath>
#include <limits>

namespace gemba::app::detail {

using model::Id;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

} // namespace

QString Forms::elementEditText(const model::Map* map, Id element, const QString& what) {
    QString name = map ? QString::fromStdString(map->nameOf(element)).simplified() : QString();
    if (name.size() > 32)
        name = name.left(30) + QStringLiteral("…");
    return name.isEmpty() ? tr("Edit %1").arg(what) : tr("Edit “%1”: %2").arg(name, what);
}

QString Forms::kindTitle(model::ElementKind kind) {
    switch (kind) {
    case model::ElementKind::Step:
        return tr("Step");
    case model::ElementKind::Wait:
        return tr("Wait");
    case model::ElementKind::Supplier:
        return tr("Supplier");
    case model::ElementKind::Customer:
        return tr("Customer");
    case model::ElementKind::InfoBox:
        return tr("Information box");
    case model::ElementKind::Note:
        return tr("Note");
    case model::ElementKind::RedPen:
        return tr("Red pen");
    case model::ElementKind::Flow:
        return tr("Flow");
    }
    return {};
}

// Plurals are spelled out: without a translation loaded, Qt's %n leaves "(s)" in the text.
QString Forms::kindCount(model::ElementKind kind, int n) {
    switch (kind) {
    case model::ElementKind::Step:
        return n == 1 ? tr("1 step") : tr("%1 steps").arg(n);
    case model::ElementKind::Wait:
        return n == 1 ? tr("1 wait") : tr("%1 waits").arg(n);
    case model::ElementKind::Supplier:
        return n == 1 ? tr("1 supplier") : tr("%1 suppliers").arg(n);
    case model::ElementKind::Customer:
        return n == 1 ? tr("1 customer") : tr("%1 customers").arg(n);
    case model::ElementKind::InfoBox:
        return n == 1 ? tr("1 information box") : tr("%1 information boxes").arg(n);
    case model::ElementKind::Note:
        return n == 1 ? tr("1 note") : tr("%1 notes").arg(n);
    case model::ElementKind::RedPen:
        return n == 1 ? tr("1 red pen") : tr("%1 red pens").arg(n);
    case model::ElementKind::Flow:
        return n == 1 ? tr("1 flow") : tr("%1 flows").arg(n);
    }
    return {};
}

void Forms::wait(FormBuilder& b, Id map, Id id) {
    using model::Wait;
    const Record<Wait> rec = elementRecord<Wait>(b.document(), map, id);
    b.section(QStringLiteral("wait"), tr("Wait"));
    b.combo(QStringLiteral("waitKind"), tr("Kind"), rec, member(&Wait::kind),
            std::vector<std::pair<model::WaitKind, QString>>{
                {model::WaitKind::Time, tr("Queue time")},
                {model::WaitKind::Inventory, tr("Inventory")}});
    b.text(QStringLiteral("label"), tr("Label"), rec, member(&Wait::label));
    auto* time = b.duration(QStringLiteral("waitTime"), tr("Time"), rec, member(&Wait::time),
                            tr("not given"));
    time->setHint(tr("How long work waits here, with its unit: 2 h, 3 d."));
    // The range is drawn by the simulations; the figures keep the typical time.
    b.setDetached(true);
    auto* shortest = b.duration(QStringLiteral("waitTimeMin"), tr("Shortest wait"), rec,
                                member(&Wait::timeMin), tr("shortest"));
    auto* longest = b.duration(QStringLiteral("waitTimeMax"), tr("Longest wait"), rec,
                               member(&Wait::timeMax), tr("longest"));
    b.setDetached(false);
    auto* range = new QWidget;
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->setSpacing(4);
    rangeLayout->addWidget(shortest, 1);
    rangeLayout->addWidget(new QLabel(tr("to")));
    rangeLayout->addWidget(longest, 1);
    b.addRow(tr("Range"), range);
    auto* quantity = b.number(
        QStringLiteral("quantity"), tr("Quantity"), rec, member(&Wait::quantity),
        [](NumberEdit* edit) { edit->setRange(0, true, kInfinity, true); }, tr("not given"));
    quantity->setHint(tr("Items waiting. With the map's demand this becomes days of lead time: "
                         "quantity ÷ demand per day."));
    QFormLayout* form = b.form();
    b.onRefresh([rec, form, time, range, quantity] {
        const Wait* w = rec.read();
        if (!w)
            return;
        const bool inventory = w->kind == model::WaitKind::Inventory;
        form->setRowVisible(time, !inventory);
        form->setRowVisible(range, !inventory);
        form->setRowVisible(quantity, inventory);
    });
}

void Forms::party(FormBuilder& b, Id map, Id id) {
    using model::Party;
    const Record<Party> rec = elementRecord<Party>(b.document(), map, id);
    const Party* party = rec.read();
    const bool supplier = party && party->kind == model::PartyKind::Supplier;
    b.section(QStringLiteral("party"), supplier ? tr("Supplier") : tr("Customer"));
    b.text(QStringLiteral("name"), tr("Name"), rec, member(&Party::name));
    b.textArea(QStringLiteral("notes"), tr("Notes"), rec, member(&Party::notes));
}

void Forms::infoBox(FormBuilder& b, Id map, Id id) {
    using model::InfoBox;
    const Record<InfoBox> rec = elementRecord<InfoBox>(b.document(), map, id);
    b.section(QStringLiteral("infoBox"), tr("Information box"));
    b.text(QStringLiteral("name"), tr("Name"), rec, member(&InfoBox::name));
    b.textArea(QStringLiteral("notes"), tr("Notes"), rec, member(&InfoBox::notes));
}

void Forms::note(FormBuilder& b, Id map, Id id) {
    using model::Note;
    const Record<Note> rec = elementRecord<Note>(b.document(), map, id);
    b.section(QStringLiteral("note"), tr("Note"));
    b.textArea(QStringLiteral("text"), tr("Text"), rec, member(&Note::text));
}

void Forms::redPen(FormBuilder& b, Id map, Id id) {
    using model::RedPen;
    EditorDocument& document = b.document();
    const Record<RedPen> rec = elementRecord<RedPen>(document, map, id);
    b.section(QStringLiteral("redPen"), tr("Red pen"));
    b.textArea(QStringLiteral("reason"), tr("Reason"), rec, member(&RedPen::reason));
    auto* cost = b.number(
        QStringLiteral("cost"), tr("Cost per year"), rec, member(&RedPen::cost),
        [](NumberEdit* edit) { edit->setRange(0, true, kInfinity, true); }, tr("not estimated"));
    cost->setHint(tr("What this costs in a year, in the project's currency."));
    auto* costLabel = qobject_cast<QLabel*>(b.form()->labelForField(cost));
    b.onRefresh([&document, costLabel] {
        if (costLabel)
            costLabel->setText(tr("Cost per year (%1)")
                                   .arg(QString::fromStdString(document.project().props.currency)));
    });

    auto* targets = new QListWidget;
    targets->setObjectName(QStringLiteral("targets"));
    targets->setAccessibleName(tr("Targets"));
    targets->setSelectionMode(QAbstractItemView::ExtendedSelection);
    targets->setMaximumHeight(targets->fontMetrics().lineSpacing() * 5 + 8);
    b.addRow(tr("Targets"), targets);
    auto* remove = new QPushButton(tr("Remove from red pen"));
    remove->setObjectName(QStringLiteral("removeTarget"));
    auto* row = new QWidget;
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(remove);
    rowLayout->addStretch(1);
    b.addRow(QString(), row);

    SweepGesture& sweep = b.sweep();
    const auto removeSelected = [targets, &sweep, rec] {
        std::vector<Id> gone;
        for (const QListWidgetItem* item : targets->selectedItems())
            gone.push_back(item->data(Qt::UserRole).value<Id>());
        if (gone.empty() && targets->currentItem())
            gone.push_back(targets->currentItem()->data(Qt::UserRole).value<Id>());
        change(sweep, rec, tr("Remove target"), [&gone](RedPen& pen) {
            for (Id target : gone)
                std::erase(pen.targets, target);
        });
    };
    QObject::connect(remove, &QPushButton::clicked, remove, removeSelected);
    auto* shortcut =
        new QShortcut(QKeySequence::Delete, targets, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(shortcut, &QShortcut::activated, targets, removeSelected);

    b.onRefresh([&document, rec, targets, remove, map] {
        const RedPen* pen = rec.read();
        const model::Map* m = document.map(map);
        if (!pen || !m)
            return;
        const Id current =
            targets->currentItem() ? targets->currentItem()->data(Qt::UserRole).value<Id>() : 0;
        targets->clear();
        for (Id target : pen->targets) {
            const auto kind = m->kindOf(target);
            const QString name = QString::fromStdString(m->nameOf(target));
            const QString text =
                kind ? QStringLiteral("%1 (%2)").arg(name.isEmpty() ? tr("unnamed") : name,
                                                     kindTitle(*kind).toLower())
                     : tr("an element no longer on the map");
            auto* item = new QListWidgetItem(text, targets);
            item->setData(Qt::UserRole, QVariant::fromValue(target));
            if (target == current)
                targets->setCurrentItem(item);
        }
        if (pen->targets.empty()) {
            auto* none =
                new QListWidgetItem(tr("No targets: the red pen stands on its own."), targets);
            none->setFlags(Qt::NoItemFlags);
        }
        remove->setEnabled(!pen->targets.empty());
    });
}

void Forms::flow(FormBuilder& b, Id map, Id id) {
    using model::Flow;
    EditorDocument& document = b.document();
    const Record<Flow> rec = elementRecord<Flow>(document, map, id);
    b.section(QStringLiteral("flow"), tr("Flow"));
    auto* route = new QLabel;
    route->setObjectName(QStringLiteral("route"));
    route->setWordWrap(true);
    route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    b.addRow(tr("Route"), route);
    b.onRefresh([&document, rec, route, map] {
        const Flow* f = rec.read();
        const model::Map* m = document.map(map);
        if (!f || !m)
            return;
        const auto name = [m](Id end) {
            const QString n = QString::fromStdString(m->nameOf(end));
            return !m->contains(end) ? tr("(missing)") : n.isEmpty() ? tr("(unnamed)") : n;
        };
        route->setText(QStringLiteral("%1 → %2").arg(name(f->from), name(f->to)));
    });
    auto* kind = b.combo(QStringLiteral("flowKind"), tr("Kind"), rec, member(&Flow::kind),
                         std::vector<std::pair<model::FlowKind, QString>>{
                             {model::FlowKind::Push, tr("Push")},
                             {model::FlowKind::Pull, tr("Pull")},
                             {model::FlowKind::Fifo, tr("FIFO lane")},
                             {model::FlowKind::ManualInformation, tr("Manual information")},
                             {model::FlowKind::ElectronicInformation, tr("Electronic information")},
                             {model::FlowKind::Shipment, tr("Shipment")}});
    kind->setToolTip(tr("Push, pull, FIFO and shipment move the work; information flows only "
                        "carry signals and add no time."));
    b.text(QStringLiteral("label"), tr("Label"), rec, member(&Flow::label));
    // A share set on a two-way split completes the other route's (one undo step).
    Record<Flow> shareRec = rec;
    shareRec.write = [&document, map, id](const Flow&, const Flow& after, const QString& what) {
        const QString text = Forms::elementEditText(document.map(map), id, what);
        document.push(model::setFlowShare(document.project(), map, after, text.toStdString()));
    };
    b.number(
         QStringLiteral("share"), tr("Share"), shareRec, member(&Flow::share),
         [](NumberEdit* edit) {
             edit->setPercent(true);
             edit->setDisplayFactor(100);
             edit->setRange(0, true, 100, true);
         },
         tr("not given"))
        ->setHint(tr("Share of the items that take this route, for alternative routes (the "
                     "shares leaving a step add up to 100%; on a two-way split the other route "
                     "gets the rest). Empty on every route: parallel work."));
    b.duration(QStringLiteral("flowWait"), tr("Wait"), rec, member(&Flow::wait), tr("none"))
        ->setHint(tr("Time items wait on the way, with its unit: 2 h, 1 d."));
    const Access<Flow, std::optional<double>> fifoMax{
        [](const Flow& f) { return f.fifoMax ? std::optional<double>(*f.fifoMax) : std::nullopt; },
        [](Flow& f, const std::optional<double>& v) {
            f.fifoMax = v ? std::optional<int>(static_cast<int>(std::lround(*v))) : std::nullopt;
        }};
    auto* fifo = b.number(
        QStringLiteral("fifoMax"), tr("FIFO max"), rec, fifoMax,
        [](NumberEdit* edit) {
            edit->setInteger(true);
            edit->setRange(0, false, std::numeric_limits<int>::max(), true);
        },
        tr("no limit"));
    fifo->setHint(tr("The most items the FIFO lane holds."));
    QFormLayout* form = b.form();
    b.onRefresh([rec, form, fifo] {
        if (const Flow* f = rec.read())
            form->setRowVisible(fifo, f->kind == model::FlowKind::Fifo || f->fifoMax.has_value());
    });
}

} // namespace gemba::app::detail
