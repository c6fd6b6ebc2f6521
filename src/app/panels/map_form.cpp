#include "forms.h"
#include "gemba/model/units.h"

#include <QHBoxLayout>
#include <limits>

namespace gemba::app::detail {

using model::Id;
using model::MapProps;
using model::ProjectProps;

Record<MapProps> mapRecord(EditorDocument& document, Id map) {
    Record<MapProps> record;
    record.read = [&document, map]() -> const MapProps* {
        const model::Map* m = document.map(map);
        return m ? &m->props : nullptr;
    };
    record.write = [&document, map](const MapProps& before, const MapProps& after,
                                    const QString& what) {
        document.push(std::make_unique<model::SetMapProps>(
            map, before, after, Forms::tr("Edit map: %1").arg(what).toStdString()));
    };
    return record;
}

Record<ProjectProps> projectRecord(EditorDocument& document) {
    Record<ProjectProps> record;
    record.read = [&document]() -> const ProjectProps* { return &document.project().props; };
    record.write = [&document](const ProjectProps& before, const ProjectProps& after,
                               const QString& what) {
        document.push(std::make_unique<model::SetProjectProps>(
            before, after, Forms::tr("Edit project: %1").arg(what).toStdString()));
    };
    return record;
}

void Forms::map(FormBuilder& b, Id map) {
    EditorDocument& document = b.document();
    const Record<MapProps> rec = mapRecord(document, map);

    b.section(QStringLiteral("map"), tr("Map"));
    b.text(QStringLiteral("mapName"), tr("Name"), rec, member(&MapProps::name),
           tr("A map needs a name."));
    b.combo(QStringLiteral("mapState"), tr("State"), rec, member(&MapProps::state),
            std::vector<std::pair<model::MapState, QString>>{
                {model::MapState::Current, tr("Current state")},
                {model::MapState::Future, tr("Future state")},
                {model::MapState::Ideal, tr("Ideal state")}});
    auto* madeFrom = new QLabel;
    madeFrom->setObjectName(QStringLiteral("madeFrom"));
    madeFrom->setTextInteractionFlags(Qt::TextSelectableByMouse);
    b.addRow(tr("Made from"), madeFrom);
    QFormLayout* form = b.form();
    b.onRefresh([&document, rec, madeFrom, form] {
        const MapProps* props = rec.read();
        if (!props)
            return;
        const model::Map* source = document.map(props->madeFrom);
        form->setRowVisible(madeFrom, props->madeFrom != model::kNoId);
        madeFrom->setText(source ? QString::fromStdString(source->props.name)
                                 : tr("a map since removed"));
    });
    b.text(QStringLiteral("trigger"), tr("Trigger"), rec, member(&MapProps::trigger))
        ->setPlaceholderText(tr("what starts the work"));
    b.text(QStringLiteral("done"), tr("Done"), rec, member(&MapProps::done))
        ->setPlaceholderText(tr("what ends it"));

    // Demand: a quantity (empty: no demand, no takt) per period.
    b.setDetached(true);
    const Access<MapProps, std::optional<double>> quantity{
        [](const MapProps& p) {
            return p.demand ? std::optional<double>(p.demand->quantity) : std::nullopt;
        },
        [](MapProps& p, const std::optional<double>& q) {
            if (!q) {
                p.demand.reset();
                return;
            }
            const model::DemandPeriod per = p.demand ? p.demand->per : model::DemandPeriod::Day;
            p.demand = model::Demand{*q, per};
        }};
    auto* demand = b.number(
        QStringLiteral("demand"), tr("Demand"), rec, quantity,
        [](NumberEdit* edit) {
            edit->setRange(0, false, std::numeric_limits<double>::infinity(), true);
        },
        tr("none"));
    demand->setHint(tr("Items the customer asks for per period; it gives the takt time. Empty: "
                       "no demand."));
    const Access<MapProps, model::DemandPeriod> period{
        [](const MapProps& p) { return p.demand ? p.demand->per : model::DemandPeriod::Day; },
        [](MapProps& p, const model::DemandPeriod& per) {
            if (p.demand)
                p.demand->per = per;
        }};
    auto* per = b.combo(QStringLiteral("demandPeriod"), tr("Demand period"), rec, period,
                        std::vector<std::pair<model::DemandPeriod, QString>>{
                            {model::DemandPeriod::Day, tr("per day")},
                            {model::DemandPeriod::Week, tr("per week")},
                            {model::DemandPeriod::Month, tr("per month")},
                            {model::DemandPeriod::Year, tr("per year")}});
    b.setDetached(false);
    auto* demandRow = new QWidget;
    auto* demandLayout = new QHBoxLayout(demandRow);
    demandLayout->setContentsMargins(0, 0, 0, 0);
    demandLayout->setSpacing(4);
    demandLayout->addWidget(demand, 1);
    demandLayout->addWidget(per);
    b.addRow(tr("Demand"), demandRow);
    b.onRefresh([rec, per] {
        if (const MapProps* props = rec.read())
            per->setEnabled(props->demand.has_value());
    });

    auto* available = b.duration(QStringLiteral("availableTime"), tr("Available time"), rec,
                                 member(&MapProps::availableTimePerDay), QString());
    available->setPositive(true);
    available->setHint(tr("Working time available per day, for the takt time. Empty: the "
                          "project's working day."));
    b.onRefresh([&document, available] {
        const model::Calendar& calendar = document.project().props.calendar;
        available->setPlaceholderText(
            tr("a working day (%1)")
                .arg(QString::fromStdString(model::formatDurationIn(
                    calendar.secondsPerDay(), model::TimeUnit::Hour, calendar))));
    });
    b.combo(QStringLiteral("mapDistribution"), tr("Simulated times"), rec,
            member(&MapProps::distribution),
            std::vector<std::pair<model::TimeDistribution, QString>>{
                {model::TimeDistribution::Triangular, tr("Triangular (min, typical, max)")},
                {model::TimeDistribution::Pert, tr("PERT (rare extremes)")}});
    b.textArea(QStringLiteral("mapNotes"), tr("Notes"), rec, member(&MapProps::notes));
}

QComboBox* Forms::personCombo(FormBuilder& b, const QString& key, const QString& label,
                              const Record<ProjectProps>& rec,
                              const Access<ProjectProps, Id>& access) {
    auto* box = new QComboBox;
    makeCompact(box);
    box->setObjectName(key);
    box->setAccessibleName(label);
    b.addRow(label, box);
    EditorDocument& document = b.document();
    SweepGesture& sweep = b.sweep();
    QObject::connect(box, &QComboBox::activated, box, [box, &sweep, rec, access, label](int index) {
        const Id person = box->itemData(index).value<Id>();
        commit(sweep, rec, access, person, label);
    });
    b.onRefresh([box, &document, rec, access] {
        const ProjectProps* props = rec.read();
        if (!props)
            return;
        const Id chosen = access.get(*props);
        const auto entries = peopleEntries(document.project());
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(tr("(nobody)"), QVariant::fromValue(model::kNoId));
        for (const auto& [id, name] : entries)
            box->addItem(name, QVariant::fromValue(id));
        if (chosen != model::kNoId && !document.project().people.count(chosen))
            box->addItem(tr("(removed person)"), QVariant::fromValue(chosen));
        box->setCurrentIndex(std::max(0, box->findData(QVariant::fromValue(chosen))));
    });
    return box;
}

void Forms::project(FormBuilder& b) {
    EditorDocument& document = b.document();
    const Record<ProjectProps> rec = projectRecord(document);

    b.section(QStringLiteral("project"), tr("Project"));
    b.text(QStringLiteral("projectName"), tr("Name"), rec, member(&ProjectProps::name));
    b.textArea(QStringLiteral("projectDescription"), tr("Description"), rec,
               member(&ProjectProps::description));
    const Access<ProjectProps, double> hours{
        [](const ProjectProps& p) { return p.calendar.hoursPerDay; },
        [](ProjectProps& p, const double& v) { p.calendar.hoursPerDay = v; }};
    b.spin(QStringLiteral("hoursPerDay"), tr("Hours per day"), rec, hours, [](SpinEdit* spin) {
        spin->setRange(0.5, 24);
        spin->setSingleStep(0.5);
        spin->setSuffix(tr(" h"));
        spin->setHint(tr("A working day: every 'd' in the project is this long."));
        spin->setCheck([](double v) {
            return v > 0 && v <= 24 ? QString() : tr("A day has more than 0 and at most 24 hours.");
        });
    });
    const Access<ProjectProps, double> days{
        [](const ProjectProps& p) { return p.calendar.daysPerWeek; },
        [](ProjectProps& p, const double& v) { p.calendar.daysPerWeek = v; }};
    b.spin(QStringLiteral("daysPerWeek"), tr("Days per week"), rec, days, [](SpinEdit* spin) {
        spin->setRange(0.5, 7);
        spin->setSingleStep(0.5);
        spin->setSuffix(tr(" d"));
        spin->setHint(tr("Working days in a week: every 'wk' in the project is this long."));
        spin->setCheck([](double v) {
            return v > 0 && v <= 7 ? QString() : tr("A week has more than 0 and at most 7 days.");
        });
    });
    const Access<ProjectProps, double> monthDays{
        [](const ProjectProps& p) { return p.calendar.daysPerMonth; },
        [](ProjectProps& p, const double& v) { p.calendar.daysPerMonth = v; }};
    b.spin(QStringLiteral("daysPerMonth"), tr("Days per month"), rec, monthDays,
           [](SpinEdit* spin) {
               spin->setRange(0.5, 31);
               spin->setSingleStep(0.5);
               spin->setDecimals(2);
               spin->setSuffix(tr(" d"));
               spin->setHint(tr("Working days in a month (20 in most courses): a demand per "
                                "month and every 'mo' in the project count this many days."));
               spin->setCheck([](double v) {
                   return v > 0 && v <= 31 ? QString()
                                           : tr("A month has more than 0 and at most 31 days.");
               });
           });
    b.text(QStringLiteral("currency"), tr("Currency"), rec, member(&ProjectProps::currency),
           tr("Name the currency, e.g. EUR."));
    auto* rate = b.spin(QStringLiteral("hourlyRate"), tr("Default hourly rate"), rec,
                        member(&ProjectProps::defaultHourlyRate), [](SpinEdit* spin) {
                            spin->setRange(0, 1e6);
                            spin->setSingleStep(5);
                            spin->setHint(tr("Cost of an hour of work, for people without "
                                             "their own hourly cost."));
                            spin->setCheck([](double v) {
                                return v >= 0 ? QString() : tr("A rate cannot be negative.");
                            });
                        });
    b.onRefresh([rate, rec] {
        if (const ProjectProps* props = rec.read())
            rate->setSuffix(QLatin1Char(' ') + QString::fromStdString(props->currency) + tr("/h"));
    });

    b.section(QStringLiteral("team"), tr("Workshop team"));
    auto teamMember = [](Id model::WorkshopTeam::*field) {
        return Access<ProjectProps, Id>{
            [field](const ProjectProps& p) { return p.team.*field; },
            [field](ProjectProps& p, const Id& id) { p.team.*field = id; }};
    };
    personCombo(b, QStringLiteral("sponsor"), tr("Sponsor"), rec,
                teamMember(&model::WorkshopTeam::sponsor));
    personCombo(b, QStringLiteral("processOwner"), tr("Process owner"), rec,
                teamMember(&model::WorkshopTeam::processOwner));
    personCombo(b, QStringLiteral("facilitator"), tr("Facilitator"), rec,
                teamMember(&model::WorkshopTeam::facilitator));
    const Access<ProjectProps, std::vector<Id>> experts{
        [](const ProjectProps& p) { return p.team.experts; },
        [](ProjectProps& p, const std::vector<Id>& ids) { p.team.experts = ids; }};
    b.checkList(
        QStringLiteral("experts"), tr("Experts"), rec, experts,
        [&document] { return peopleEntries(document.project()); },
        tr("No people yet: add them under People & Systems."));
}

} // namespace gemba::app::detail
