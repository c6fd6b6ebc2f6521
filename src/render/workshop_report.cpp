#include "gemba/render/workshop_report.h"

#include "gemba/metrics/review.h"
#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "report_blocks.h"
#include "report_page.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace gemba::render {

using detail::BlockPtr;
using detail::HeadingBlock;
using detail::TableBlock;
using detail::TextBlock;

namespace {

constexpr qreal kChartGap = 8;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString personName(const model::Project& project, model::Id id) {
    const auto it = project.people.find(id);
    return it == project.people.end() ? QString() : qs(it->second.name);
}

QString peopleNames(const model::Project& project, const std::vector<model::Id>& ids) {
    QStringList names;
    for (model::Id id : ids)
        if (const QString name = personName(project, id); !name.isEmpty())
            names << name;
    return names.join(QStringLiteral(", "));
}

/// What an id of a workshop list names: a step, red pen or map by name, an idea by its text.
QString elementName(const model::Project& project, model::Id id) {
    const model::Workshop& w = project.workshop;
    if (const auto idea = w.ideas.find(id); idea != w.ideas.end())
        return mapText("idea: ") + qs(idea->second.text);
    if (const model::Map* map = project.findMap(id))
        return qs(map->props.name);
    for (const model::Map& map : project.maps)
        if (map.contains(id)) {
            const std::string name = map.nameOf(id);
            return qs(name.empty() ? std::to_string(id) : name);
        }
    return mapText("%1 (missing)").arg(id);
}

/// "Lead time (Current state): 48 h → 24 h (−50%)".
QString effectText(const model::Project& project, const model::Target& target) {
    const model::Calendar& calendar = project.props.calendar;
    QString text = qs(metrics::figureLabel(project, target)) + QStringLiteral(": ");
    if (target.from)
        text += qs(metrics::figureValueText(target.figure, target.from, calendar));
    if (target.to)
        text += (target.from ? QStringLiteral(" → ") : mapText("to ")) +
                qs(metrics::figureValueText(target.figure, target.to, calendar));
    if (target.changePercent)
        text += QStringLiteral(" (%1%2%)")
                    .arg(*target.changePercent > 0 ? QStringLiteral("+") : QString())
                    .arg(qs(model::formatNumber(*target.changePercent, 1)));
    return text;
}

/// The plan's timeline as a block whose lanes a page break may fall between; the axis with
/// the reviews and today repeats on each page.
class TimelineBlock : public detail::Block {
public:
    explicit TimelineBlock(PlanTimeline timeline)
        : m_timeline(std::move(timeline)) {}
    int rowCount() const override { return std::max(1, m_timeline.laneCount()); }
    qreal height(qreal, int first, int last) const override {
        return m_timeline.height(first, last);
    }
    void paint(QPainter& painter, const QRectF& area, int first, int last) const override {
        m_timeline.paint(painter, area, first, last);
    }
    bool mayBreakBefore(int row) const override {
        // A group's heading stays with its first action.
        return row > 0 && row < m_timeline.laneCount() &&
               !m_timeline.lanes()[static_cast<std::size_t>(row - 1)].heading;
    }

private:
    PlanTimeline m_timeline;
};

/// A chart per figure, as many side by side as the width holds.
class ReviewChartsBlock : public detail::Block {
public:
    ReviewChartsBlock(const model::Project& project, const metrics::ReviewTable& table,
                      std::vector<std::size_t> rows)
        : m_project(project)
        , m_table(table)
        , m_rows(std::move(rows)) {}
    qreal height(qreal width, int, int) const override {
        const std::size_t lines = (m_rows.size() + columns(width) - 1) / columns(width);
        return static_cast<qreal>(lines) * (kReviewChartHeight + kChartGap);
    }
    void paint(QPainter& painter, const QRectF& area, int, int) const override {
        const std::size_t perLine = columns(area.width());
        const qreal width = (area.width() - kChartGap * static_cast<qreal>(perLine - 1)) /
                            static_cast<qreal>(perLine);
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            const qreal x = area.left() + static_cast<qreal>(i % perLine) * (width + kChartGap);
            const qreal y =
                area.top() + static_cast<qreal>(i / perLine) * (kReviewChartHeight + kChartGap);
            paintReviewChart(painter, QRectF(x, y, width, kReviewChartHeight), m_project, m_table,
                             m_rows[i]);
        }
    }

private:
    static std::size_t columns(qreal width) {
        return std::max<std::size_t>(
            1, static_cast<std::size_t>((width + kChartGap) / (kReviewChartWidth + kChartGap)));
    }
    const model::Project& m_project;
    const metrics::ReviewTable& m_table;
    std::vector<std::size_t> m_rows;
};

/// Charts per block: a block is never split across pages, so a few lines of charts each.
constexpr std::size_t kChartsPerBlock = 8;

} // namespace

QString workshopDocumentName(WorkshopDocument document) {
    return document == WorkshopDocument::ActionPlan ? mapText("Action plan") : mapText("Reviews");
}

namespace {

/// The document's blocks, built once from a copy of the project.
struct WorkshopContent {
    model::Project project;
    WorkshopOptions options;
    QDate today;
    metrics::ReviewTable table;
    std::vector<BlockPtr> blocks;

    WorkshopContent(const model::Project& p, const WorkshopOptions& o)
        : project(p)
        , options(o)
        , today(o.today.isValid() ? o.today : QDate::currentDate()) {
        registerFonts();
        table = metrics::reviewTable(project);
        if (options.document == WorkshopDocument::ActionPlan)
            buildPlan();
        else
            buildReviews();
    }

    void scope() {
        const model::WorkshopProps& props = project.workshop.props;
        QStringList lines;
        if (!props.problem.empty())
            lines << mapText("Case for change: ") + qs(props.problem);
        QString when;
        if (!props.startDate.empty() || !props.endDate.empty())
            when = mapText("Workshop %1 to %2").arg(qs(props.startDate), qs(props.endDate));
        if (!props.place.empty())
            when += (when.isEmpty() ? QString() : QStringLiteral(", ")) + qs(props.place);
        if (!when.isEmpty())
            lines << when + QStringLiteral(".");
        const QString owner = personName(project, project.props.team.processOwner);
        if (!owner.isEmpty())
            lines << mapText("Process owner: %1.").arg(owner);
        for (const model::Goal& goal : props.goals)
            lines << mapText("Goal: %1. %2").arg(qs(goal.text), effectText(project, goal.target));
        for (const QString& line : lines)
            blocks.push_back(std::make_shared<TextBlock>(line, 8));
    }

    void buildPlan() {
        const model::Workshop& w = project.workshop;
        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Action plan")));
        scope();
        std::map<model::ActionStatus, int> counts;
        for (const auto& [id, action] : w.actions)
            ++counts[action.status];
        QStringList parts;
        for (model::ActionStatus s : {model::ActionStatus::Planned, model::ActionStatus::InProgress,
                                      model::ActionStatus::Blocked, model::ActionStatus::Done,
                                      model::ActionStatus::Dropped})
            if (counts[s] > 0)
                parts << QStringLiteral("%1 %2").arg(counts[s]).arg(actionStatusText(s));
        blocks.push_back(std::make_shared<TextBlock>(
            mapText("%1 actions: %2. Today is %3.")
                .arg(w.actions.size())
                .arg(parts.isEmpty() ? mapText("none yet") : parts.join(QStringLiteral(", ")),
                     today.toString(Qt::ISODate)),
            8, true));
        if (!w.actions.empty()) {
            blocks.push_back(std::make_shared<HeadingBlock>(options.grouping == PlanGrouping::Owner
                                                                ? mapText("Timeline by owner")
                                                                : mapText("Timeline by status"),
                                                            10));
            blocks.push_back(
                std::make_shared<TimelineBlock>(PlanTimeline(project, options.grouping, today)));
        }

        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Actions"), 10));
        auto actions = std::make_shared<TableBlock>(std::vector<TableBlock::Column>{
            {mapText("Id"), 24, 0, Qt::AlignRight, 1, 3},
            {mapText("Action"), 120, 3, Qt::AlignLeft, 3, 9},
            {mapText("Owner"), 70, 1, Qt::AlignLeft, 2, 8},
            {mapText("Start"), 62, 0, Qt::AlignLeft, 1, 7},
            {mapText("Due"), 62, 0, Qt::AlignLeft, 1, 8},
            {mapText("Status"), 70, 1, Qt::AlignLeft, 3, 9},
            {mapText("Expected effect"), 120, 3, Qt::AlignLeft, 3, 6},
            {mapText("Changes"), 90, 2, Qt::AlignLeft, 3, 4},
            {mapText("Realises"), 70, 1, Qt::AlignLeft, 2, 2},
        });
        for (const auto& [id, action] : w.actions) {
            QString status = actionStatusText(action.status);
            if (!action.reason.empty())
                status += QStringLiteral(": ") + qs(action.reason);
            const QDate due = QDate::fromString(qs(action.due), Qt::ISODate);
            const bool overdue = due.isValid() && due < today &&
                                 action.status != model::ActionStatus::Done &&
                                 action.status != model::ActionStatus::Dropped;
            if (overdue) // first: a long reason may be cut short
                status = mapText("overdue, ") + status;
            QStringList changes;
            for (model::Id c : action.changes)
                changes << elementName(project, c);
            const model::Map* realises = project.findMap(action.realises);
            actions->addRow({QString::number(id), qs(action.title),
                             personName(project, action.owner), qs(action.start), qs(action.due),
                             status,
                             action.effect ? effectText(project, *action.effect) : QString(),
                             changes.join(QStringLiteral("; ")),
                             realises ? qs(realises->props.name) : QString()});
            const int row = actions->rowCount() - 1;
            actions->setCellColour(
                row, 5, overdue ? theme().redPen : actionStatusColour(action.status).darker(110));
        }
        if (actions->empty())
            blocks.push_back(std::make_shared<TextBlock>(mapText("No actions yet."), 8, true));
        else {
            blocks.push_back(actions);
            blocks.push_back(std::make_shared<detail::OmittedColumnsNote>(actions));
        }
        reviewSchedule();
    }

    void reviewSchedule() {
        const model::Workshop& w = project.workshop;
        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Review schedule"), 10));
        auto schedule = std::make_shared<TableBlock>(std::vector<TableBlock::Column>{
            {mapText("Review"), 120, 2, Qt::AlignLeft, 2, 9},
            {mapText("Date"), 66, 0, Qt::AlignLeft, 1, 8},
            {mapText("After the workshop"), 70, 0, Qt::AlignRight, 1, 5},
            {mapText("Attendees"), 120, 3, Qt::AlignLeft, 3, 6},
        });
        for (std::size_t i = 0; i < table.reviews.size(); ++i) {
            const model::Review& review = w.reviews.at(table.reviews[i]);
            schedule->addRow(
                {qs(review.title), table.dates[i].empty() ? mapText("no date") : qs(table.dates[i]),
                 review.dayOffset > 0 ? mapText("%1 days").arg(review.dayOffset) : QString(),
                 peopleNames(project, review.attendees)});
        }
        if (schedule->empty())
            blocks.push_back(std::make_shared<TextBlock>(mapText("No reviews planned."), 8, true));
        else
            blocks.push_back(schedule);
    }

    void buildReviews() {
        const model::Workshop& w = project.workshop;
        const model::Calendar& calendar = project.props.calendar;
        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Reviews")));
        scope();

        blocks.push_back(
            std::make_shared<HeadingBlock>(mapText("Figures: baseline, target, actual"), 10));
        std::vector<TableBlock::Column> columns = {
            {mapText("Figure"), 130, 3, Qt::AlignLeft, 3, 9},
            {mapText("Baseline"), 58, 0, Qt::AlignRight, 1, 8},
            {mapText("Target"), 58, 0, Qt::AlignRight, 1, 8},
        };
        for (std::size_t i = 0; i < table.reviews.size(); ++i)
            columns.push_back({qs(w.reviews.at(table.reviews[i]).title), 74, 0, Qt::AlignRight, 2,
                               7 - static_cast<int>(std::min<std::size_t>(i, 6))});
        auto figures = std::make_shared<TableBlock>(columns);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const metrics::ReviewRow& row = table.rows[r];
            QStringList cells = {
                qs(row.label) + QStringLiteral(" — ") +
                    qs(metrics::figureLabel(project, row.target)),
                qs(metrics::figureValueText(row.target.figure, row.baseline, calendar)),
                qs(metrics::figureValueText(row.target.figure, row.goal, calendar))};
            for (std::size_t i = 0; i < row.actual.size(); ++i) {
                QString cell =
                    qs(metrics::figureValueText(row.target.figure, row.actual[i], calendar));
                if (const auto progress = metrics::progressToGoal(row, i))
                    cell += mapText(" (%1%)").arg(std::lround(*progress * 100));
                cells << cell;
            }
            figures->addRow(cells);
        }
        if (figures->empty())
            blocks.push_back(std::make_shared<TextBlock>(
                mapText("No goals and no expected effects: add a goal (a target on a figure) "
                        "to compare the reviews with."),
                8, true));
        else {
            blocks.push_back(figures);
            blocks.push_back(std::make_shared<detail::OmittedColumnsNote>(figures));
            blocks.push_back(std::make_shared<TextBlock>(
                mapText("In brackets: the share of the way from the baseline to the target "
                        "reached at that review (100% at the target)."),
                7, true));
            for (std::size_t first = 0; first < table.rows.size(); first += kChartsPerBlock) {
                std::vector<std::size_t> rows;
                for (std::size_t r = first;
                     r < std::min(table.rows.size(), first + kChartsPerBlock); ++r)
                    rows.push_back(r);
                blocks.push_back(std::make_shared<ReviewChartsBlock>(project, table, rows));
            }
            QStringList notes;
            for (const metrics::ReviewRow& row : table.rows)
                for (const std::string& note : row.notes)
                    notes << qs(row.label) + QStringLiteral(": ") + qs(note);
            if (!notes.isEmpty())
                blocks.push_back(std::make_shared<TextBlock>(
                    mapText("Not given: ") + notes.join(QStringLiteral("; ")), 7, true));
        }

        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Actions' progress"), 10));
        std::vector<TableBlock::Column> progressColumns = {
            {mapText("Action"), 130, 3, Qt::AlignLeft, 3, 9},
            {mapText("Owner"), 70, 1, Qt::AlignLeft, 2, 8},
            {mapText("Due"), 62, 0, Qt::AlignLeft, 1, 7},
        };
        for (std::size_t i = 0; i < table.reviews.size(); ++i)
            progressColumns.push_back({qs(w.reviews.at(table.reviews[i]).title), 70, 1,
                                       Qt::AlignLeft, 3,
                                       6 - static_cast<int>(std::min<std::size_t>(i, 5))});
        progressColumns.push_back({mapText("Now"), 64, 0, Qt::AlignLeft, 2, 9});
        auto progress = std::make_shared<TableBlock>(progressColumns);
        for (const auto& [id, action] : w.actions) {
            QStringList cells = {qs(action.title), personName(project, action.owner),
                                 qs(action.due)};
            std::vector<std::optional<model::ActionStatus>> statuses;
            for (model::Id reviewId : table.reviews) {
                const model::Review& review = w.reviews.at(reviewId);
                const auto found =
                    std::find_if(review.progress.begin(), review.progress.end(),
                                 [&](const model::ActionProgress& p) { return p.action == id; });
                if (found == review.progress.end()) {
                    cells << QStringLiteral("–");
                    statuses.push_back(std::nullopt);
                } else {
                    cells << actionStatusText(found->status) +
                                 (found->note.empty() ? QString()
                                                      : QStringLiteral(": ") + qs(found->note));
                    statuses.push_back(found->status);
                }
            }
            cells << actionStatusText(action.status);
            progress->addRow(cells);
            const int row = progress->rowCount() - 1;
            for (std::size_t i = 0; i < statuses.size(); ++i)
                if (statuses[i])
                    progress->setCellColour(row, static_cast<int>(3 + i),
                                            actionStatusColour(*statuses[i]).darker(110));
            progress->setCellColour(row, static_cast<int>(3 + statuses.size()),
                                    actionStatusColour(action.status).darker(110));
        }
        if (progress->empty())
            blocks.push_back(std::make_shared<TextBlock>(mapText("No actions yet."), 8, true));
        else {
            blocks.push_back(progress);
            blocks.push_back(std::make_shared<detail::OmittedColumnsNote>(progress));
        }

        for (std::size_t i = 0; i < table.reviews.size(); ++i) {
            const model::Review& review = w.reviews.at(table.reviews[i]);
            blocks.push_back(std::make_shared<HeadingBlock>(
                table.dates[i].empty()
                    ? qs(review.title)
                    : mapText("%1, %2").arg(qs(review.title), qs(table.dates[i])),
                10));
            QStringList lines;
            const QString attendees = peopleNames(project, review.attendees);
            lines << (attendees.isEmpty() ? mapText("Attendees: not recorded.")
                                          : mapText("Attendees: %1.").arg(attendees));
            if (const model::Map* measured = project.findMap(review.measuredMap))
                lines << mapText("Measured on the map \"%1\".").arg(qs(measured->props.name));
            if (review.decisions.empty())
                lines << mapText("Decisions: none recorded.");
            else {
                for (const std::string& decision : review.decisions)
                    lines << mapText("Decision: %1").arg(qs(decision));
            }
            if (!review.notes.empty())
                lines << qs(review.notes);
            for (const QString& line : lines)
                blocks.push_back(std::make_shared<TextBlock>(line, 8));
        }
        if (table.reviews.empty())
            blocks.push_back(std::make_shared<TextBlock>(mapText("No reviews yet."), 8, true));
    }
};

} // namespace

// ---------------------------------------------------------------------------------------

struct WorkshopSheet::Impl {
    std::unique_ptr<WorkshopContent> content;
};

WorkshopSheet::WorkshopSheet(const model::Project& project, const WorkshopOptions& options)
    : m(std::make_unique<Impl>()) {
    m->content = std::make_unique<WorkshopContent>(project, options);
}

WorkshopSheet::~WorkshopSheet() = default;

qreal WorkshopSheet::height(qreal width) const {
    return detail::columnHeight(m->content->blocks, width);
}

void WorkshopSheet::paint(QPainter& painter, const QRectF& area) const {
    registerFonts();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    detail::paintColumn(painter, m->content->blocks, area);
    painter.restore();
}

// ---------------------------------------------------------------------------------------

struct WorkshopReport::Impl {
    std::unique_ptr<WorkshopContent> content;
    QSizeF page;
    QRectF area;
    QString date;
    std::vector<std::vector<detail::Placement>> pages;
};

WorkshopReport::WorkshopReport(const model::Project& project, const WorkshopOptions& options)
    : m(std::make_unique<Impl>()) {
    m->content = std::make_unique<WorkshopContent>(project, options);
    m->page = detail::pageSizeUnits(options.pageSize, options.landscape);
    m->area = detail::pageContent(m->page);
    m->date = m->content->today.toString(Qt::ISODate);
    m->pages = detail::paginate(m->content->blocks, m->area.adjusted(0, detail::kPageHeader, 0, 0));
    detail::checkPageCount(m->pages.size(), "the document");
}

WorkshopReport::~WorkshopReport() = default;

int WorkshopReport::pageCount() const {
    return static_cast<int>(m->pages.size());
}

QPageLayout WorkshopReport::pageLayout() const {
    return detail::pageLayoutOf(m->content->options.pageSize, m->content->options.landscape);
}

QSizeF WorkshopReport::pageSize() const {
    return m->page;
}

QString WorkshopReport::title() const {
    return qs(m->content->project.props.name) + QStringLiteral(" — ") +
           workshopDocumentName(m->content->options.document);
}

void WorkshopReport::paintPage(QPainter& p, int index) const {
    if (index < 0 || index >= pageCount())
        return;
    registerFonts();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QString name = workshopDocumentName(m->content->options.document);
    detail::paintPageHeader(p, m->area, qs(m->content->project.props.name), name, name);
    for (const detail::Placement& placed : m->pages[static_cast<std::size_t>(index)])
        placed.block->paint(p, placed.area, placed.first, placed.last);
    detail::paintPageFooter(p, m->area, m->page.height(), m->date, index, pageCount());
    p.restore();
}

} // namespace gemba::render
