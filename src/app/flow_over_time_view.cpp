#include "flow_over_time_view.h"

#include "editor_document.h"
#include "gemba/model/units.h"
#include "gemba/render/flow_chart.h"
#include "gemba/store/events.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

model::DayNumber dayOf(const QDate& date) {
    return model::dayFromCivil(date.year(), date.month(), date.day());
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(align | Qt::AlignVCenter);
    return item;
}

} // namespace

FlowChartWidget::FlowChartWidget(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(260);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FlowChartWidget::setPeriods(std::vector<metrics::PeriodFlow> periods,
                                 model::Calendar calendar) {
    m_periods = std::move(periods);
    m_calendar = calendar;
    update();
}

QSize FlowChartWidget::sizeHint() const {
    return {720, static_cast<int>(render::kFlowChartHeight)};
}

void FlowChartWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    render::paintFlowOverTime(painter, QRectF(rect()).adjusted(8, 8, -8, -8), m_periods,
                              m_calendar);
}

FlowOverTimeView::FlowOverTimeView(const model::Project& project, const QString& projectPath,
                                   QWidget* parent)
    : QDialog(parent)
    , m_projectPath(projectPath)
    , m_hours(project.props.workingHours)
    , m_savedMapping(project.props.eventMapping)
    , m_calendar(project.props.calendar) {
    setWindowTitle(tr("Flow over Time"));
    setObjectName(QStringLiteral("flowOverTimeView"));

    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_file = new QLabel(tr("No event log read yet."));
    m_file->setObjectName(QStringLiteral("flowFile"));
    auto* open = new QPushButton(tr("Open Log…"));
    open->setObjectName(QStringLiteral("flowOpenLog"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(open);
    layout->addLayout(fileRow);

    auto* filters = new QHBoxLayout;
    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("flowPeriod"));
    m_period->addItem(tr("Per week"));
    m_period->addItem(tr("Per month"));
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("flowItemType"));
    m_fromOn = new QCheckBox(tr("Arriving from"));
    m_fromOn->setObjectName(QStringLiteral("flowFromOn"));
    m_from = new QDateEdit;
    m_from->setObjectName(QStringLiteral("flowFrom"));
    m_toOn = new QCheckBox(tr("to"));
    m_toOn->setObjectName(QStringLiteral("flowToOn"));
    m_to = new QDateEdit;
    m_to->setObjectName(QStringLiteral("flowTo"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    filters->addWidget(m_period);
    filters->addWidget(new QLabel(tr("Item type")));
    filters->addWidget(m_type);
    filters->addWidget(m_fromOn);
    filters->addWidget(m_from);
    filters->addWidget(m_toOn);
    filters->addWidget(m_to);
    filters->addStretch(1);
    layout->addLayout(filters);

    auto* splitter = new QSplitter(Qt::Vertical);
    m_table = new QTableWidget(0, 6);
    m_table->setObjectName(QStringLiteral("flowTable"));
    m_table->setHorizontalHeaderLabels({tr("Period"), tr("Finished"), tr("Lead time P50"),
                                        tr("Lead time P85"), tr("WIP at end"),
                                        tr("Flow efficiency")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_chart = new FlowChartWidget;
    m_chart->setObjectName(QStringLiteral("flowChart"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("flowStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    const auto changed = [this] {
        m_from->setEnabled(m_fromOn->isChecked());
        m_to->setEnabled(m_toOn->isChecked());
        recompute();
    };
    connect(m_period, &QComboBox::currentIndexChanged, this, changed);
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_fromOn, &QCheckBox::toggled, this, changed);
    connect(m_toOn, &QCheckBox::toggled, this, changed);
    connect(m_from, &QDateEdit::dateChanged, this, changed);
    connect(m_to, &QDateEdit::dateChanged, this, changed);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Event Log"), QString(), tr("Event logs (*.csv *.xes);;All files (*)"));
        if (path.isEmpty())
            return;
        // The same log as before keeps the columns it was read with.
        const auto remembered = rememberedEventSource(m_projectPath);
        const QString absolute = QFileInfo(path).absoluteFilePath();
        openLog(remembered && remembered->path == absolute ? *remembered
                                                           : EventSource::ofFile(absolute));
    });
    resize(960, 760);
}

QString FlowOverTimeView::status() const {
    return m_status->text();
}

bool FlowOverTimeView::openLog(const EventSource& source) {
    m_read = false;
    try {
        m_log = store::readEventLogFile(source.path.toStdString(), source.format,
                                        source.readOptions(m_hours));
    } catch (const std::exception& e) {
        m_periods.clear();
        m_table->setRowCount(0);
        m_chart->setPeriods({}, m_calendar);
        m_status->setText(QString::fromUtf8(e.what()));
        return false;
    }
    m_read = true;
    rememberEventSource(m_projectPath, source);
    // The project's mapping, as gemba-cli flow PROJECT LOG uses it; else a guess per name.
    m_mapping = m_savedMapping.states.empty() ? metrics::completeMapping(m_log) : m_savedMapping;
    m_file->setText(tr("%1 — %2 items, working hours %3")
                        .arg(source.description())
                        .arg(qs(model::formatCount(static_cast<double>(m_log.items.size()))))
                        .arg(qs(model::formatWorkingHours(m_hours))));
    // Every item type of the log, and dates that span its events.
    {
        const QSignalBlocker blockType(m_type);
        m_type->clear();
        m_type->addItem(tr("All types"), QString());
        for (std::size_t t = 1; t < m_log.types.size(); ++t)
            m_type->addItem(qs(m_log.types[t]), qs(m_log.types[t]));
    }
    if (!m_log.events.empty()) {
        std::int64_t first = m_log.events.front().start;
        std::int64_t last = first;
        for (const model::LogEvent& e : m_log.events) {
            first = std::min(first, e.start);
            last = std::max(last, e.end);
        }
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        const auto date = [this](std::int64_t instant) { // in the working hours' zone
            return QDateTime::fromSecsSinceEpoch(instant + m_hours.utcOffsetMinutes * 60,
                                                 QTimeZone::utc())
                .date();
        };
        m_from->setDate(date(first));
        m_to->setDate(date(last));
    }
    recompute();
    return true;
}

void FlowOverTimeView::setFilters(metrics::FlowPeriod period, const QString& type,
                                  std::optional<QDate> from, std::optional<QDate> to) {
    const QSignalBlocker blocks[] = {QSignalBlocker(m_period), QSignalBlocker(m_type),
                                     QSignalBlocker(m_fromOn), QSignalBlocker(m_toOn),
                                     QSignalBlocker(m_from),   QSignalBlocker(m_to)};
    m_period->setCurrentIndex(period == metrics::FlowPeriod::Month ? 1 : 0);
    const int typeIndex = type.isEmpty() ? 0 : m_type->findData(type);
    m_type->setCurrentIndex(std::max(0, typeIndex));
    m_fromOn->setChecked(from.has_value());
    m_toOn->setChecked(to.has_value());
    m_from->setEnabled(from.has_value());
    m_to->setEnabled(to.has_value());
    if (from)
        m_from->setDate(*from);
    if (to)
        m_to->setDate(*to);
    recompute();
}

metrics::FlowOptions FlowOverTimeView::options() const {
    metrics::FlowOptions options;
    options.itemType = m_type->currentData().toString().toStdString();
    // As gemba-cli flow --from --to: arrivals from the start of the first day to the end of
    // the last, in the working hours' zone.
    if (m_fromOn->isChecked())
        options.from = metrics::dayStart(dayOf(m_from->date()), m_hours);
    if (m_toOn->isChecked())
        options.to = metrics::dayStart(dayOf(m_to->date()) + 1, m_hours);
    return options;
}

void FlowOverTimeView::recompute() {
    if (!m_read)
        return;
    const metrics::FlowPeriod period =
        m_period->currentIndex() == 1 ? metrics::FlowPeriod::Month : metrics::FlowPeriod::Week;
    m_periods = metrics::flowOverTime(m_log, m_mapping, m_hours, period, options());
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(m_periods.size()));
    std::size_t finished = 0;
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        const metrics::PeriodFlow& p = m_periods[i];
        const auto row = static_cast<int>(i);
        const auto time = [this, &p](double seconds) {
            return p.throughput ? qs(model::formatDuration(seconds, m_calendar))
                                : QStringLiteral("–");
        };
        m_table->setItem(row, 0, cell(qs(p.label), Qt::AlignLeft));
        m_table->setItem(
            row, 1,
            cell(QString::fromStdString(model::formatCount(static_cast<double>(p.throughput)))));
        m_table->setItem(row, 2, cell(time(p.leadTime.p50)));
        m_table->setItem(row, 3, cell(time(p.leadTime.p85)));
        m_table->setItem(
            row, 4,
            cell(QString::fromStdString(model::formatCount(static_cast<double>(p.wipAtEnd)))));
        m_table->setItem(
            row, 5,
            cell(p.throughput ? qs(model::formatPercent(p.flowEfficiency)) : QStringLiteral("–")));
        finished += p.throughput;
    }
    m_chart->setPeriods(m_periods, m_calendar);
    m_status->setText(m_periods.empty()
                          ? tr("No item of the log passes the filters.")
                          : tr("%1 periods, %2 items finished. Lead times in working time; an "
                               "item counts in the period it finished.")
                                .arg(m_periods.size())
                                .arg(finished));
}

QAction* flowOverTimeAction(EditorDocument& document, QWidget* parent) {
    auto* action = new QAction(QObject::tr("Flow over &Time…"), parent);
    action->setObjectName(QStringLiteral("actionFlowOverTime"));
    action->setStatusTip(
        QObject::tr("Throughput, lead time, WIP and flow efficiency per week or month"));
    QObject::connect(action, &QAction::triggered, parent, [&document, parent] {
        // The log the project was last measured from, read as it was; else the user's choice.
        std::optional<EventSource> source = rememberedEventSource(document.filePath());
        if (!source) {
            const QString folder = QFileInfo(document.filePath()).absolutePath();
            const QString path = QFileDialog::getOpenFileName(
                parent, QObject::tr("Event Log for Flow over Time"),
                document.filePath().isEmpty() ? QString() : folder,
                QObject::tr("Event logs (*.csv *.xes);;All files (*)"));
            if (path.isEmpty())
                return;
            source = EventSource::ofFile(path);
        }
        auto* view = new FlowOverTimeView(document.project(), document.filePath(), parent);
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->openLog(*source);
        view->show();
    });
    return action;
}

} // namespace gemba::app
