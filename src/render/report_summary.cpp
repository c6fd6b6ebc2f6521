#include "gemba/metrics/compare.h" // before names.h, which needs the model's WaitKind
#include "gemba/model/names.h"
#include "gemba/render/map_painter.h"
#include "gemba/render/summary.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "gemba/render/timeline.h"
#include "report_parts.h"
#include "stream_strip.h"

#include <QDate>
#include <QPainter>
#include <QStringList>
#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::render {

using detail::BlockPtr;
using detail::qs;

namespace {

constexpr qreal kMargin = 34;
constexpr qreal kFooter = 16;
constexpr qreal kTitle = 54;
constexpr qreal kGap = 14;
constexpr qreal kPanelHeading = 18;
/// The smallest type the map painter and the ladder use, in points at 100%.
constexpr qreal kSmallestMapText = 6.5;
constexpr qreal kTimelineMinWidth = 630; // the ladder's label, rungs and totals at 100%

/// The figures a summary compares: one row each (no second lead time in days).
const std::vector<std::string>& keyFigures() {
    static const std::vector<std::string> keys = {
        "lead_time_seconds",
        "process_time_seconds",
        "wait_time_seconds",
        "activity_ratio",
        "process_cycle_efficiency",
        "rolled_pca",
        "handoffs",
        "steps",
        "bottleneck_cycle_time_seconds",
        "wip",
        "friction_cost_per_week",
    };
    return keys;
}

QString personName(const model::Project& project, model::Id id) {
    const auto person = project.people.find(id);
    return person == project.people.end() ? QString() : qs(person->second.name);
}

QString dash() {
    return QStringLiteral("–");
}

BlockPtr subheading(const QString& text) {
    return std::make_shared<detail::HeadingBlock>(text, 9.5);
}

BlockPtr paragraph(const QString& text) {
    return std::make_shared<detail::TextBlock>(text, 8);
}

BlockPtr note(const QString& text) {
    return std::make_shared<detail::TextBlock>(text, 7.5, true);
}

QString actionStatusText(model::ActionStatus status) {
    switch (status) {
    case model::ActionStatus::Planned:
        return mapText("planned");
    case model::ActionStatus::InProgress:
        return mapText("in progress");
    case model::ActionStatus::Done:
        return mapText("done");
    case model::ActionStatus::Dropped:
        return mapText("dropped");
    case model::ActionStatus::Blocked:
        return mapText("blocked");
    }
    return {};
}

} // namespace

struct SummaryReport::Impl {
    model::Project project;
    SummaryOptions options;
    const model::Map* current = nullptr;
    const model::Map* future = nullptr;
    metrics::MapMetrics currentMetrics;
    std::optional<metrics::MapMetrics> futureMetrics;
    std::optional<metrics::Comparison> comparison;
    /// The units both ladders speak in, so that they read side by side.
    model::DurationUnits ladderUnits;
    QString author;
    QString date;
    QString nextReview; ///< "2026-05-15 · 30-day review", or a sentence saying there is none
    QSizeF page;
    QRectF content;

    // The layout, made once: the bands from the top and the three columns at the bottom.
    QRectF titleArea;
    QRectF caseArea;
    std::vector<BlockPtr> caseBlocks;
    std::vector<BlockPtr> goalBlocks;
    QRectF mapsArea;
    std::array<std::vector<BlockPtr>, 3> columns;
    QRectF columnsArea;

    void chooseMaps();
    void findNextReview();
    std::array<std::vector<BlockPtr>, 3> bottomColumns(std::size_t limit) const;
    void layOut();
    bool pictureFits(const model::Map& map, const QRectF& panel) const;
    void paintTitle(QPainter& p) const;
    void paintPanel(QPainter& p, const QRectF& area, const model::Map& map,
                    const metrics::MapMetrics& m) const;
    void paintFooter(QPainter& p) const;
};

std::pair<model::Id, model::Id> summaryMaps(const model::Project& project, model::Id currentId,
                                            model::Id futureId) {
    if (project.maps.empty())
        throw std::invalid_argument("the project has no map to summarise");
    const model::Map* current = nullptr;
    const model::Map* future = nullptr;
    if (currentId != model::kNoId && !(current = project.findMap(currentId)))
        throw std::invalid_argument("the current-state map (id " + std::to_string(currentId) +
                                    ") is not in the project");
    if (futureId != model::kNoId && !(future = project.findMap(futureId)))
        throw std::invalid_argument("the future-state map (id " + std::to_string(futureId) +
                                    ") is not in the project");
    if (!future) {
        // The future state made from the chosen current state, else the first one.
        for (const model::Map& map : project.maps)
            if (map.props.state == model::MapState::Future &&
                (!current || map.props.madeFrom == current->id) && &map != current) {
                future = &map;
                break;
            }
    }
    if (!current && future)
        current = project.findMap(future->props.madeFrom);
    if (!current)
        for (const model::Map& map : project.maps)
            if (map.props.state == model::MapState::Current && &map != future) {
                current = &map;
                break;
            }
    if (!current)
        current = &project.maps.front() != future ? &project.maps.front() : nullptr;
    if (!current) { // the only map is a future state: it is summarised alone
        current = future;
        future = nullptr;
    }
    if (future == current)
        future = nullptr;
    return {current->id, future ? future->id : model::kNoId};
}

void SummaryReport::Impl::chooseMaps() {
    const auto [currentId, futureId] = summaryMaps(project, options.current, options.future);
    current = project.findMap(currentId);
    future = futureId == model::kNoId || !options.withFuture ? nullptr : project.findMap(futureId);
}

void SummaryReport::Impl::findNextReview() {
    const model::WorkshopProps& props = project.workshop.props;
    std::string best;
    const model::Review* next = nullptr;
    for (const auto& [id, review] : project.workshop.reviews) {
        const std::string when = model::reviewDate(props, review);
        if (when.empty() || when < date.toStdString())
            continue;
        if (!next || when < best) {
            best = when;
            next = &review;
        }
    }
    if (next)
        nextReview = qs(best) + QStringLiteral(" · ") + qs(next->title);
    else if (project.workshop.reviews.empty())
        nextReview = mapText("none planned");
    else
        nextReview = mapText("none after %1").arg(date);
}

std::array<std::vector<BlockPtr>, 3> SummaryReport::Impl::bottomColumns(std::size_t limit) const {
    std::array<std::vector<BlockPtr>, 3> out;
    // Key figures: before, after and the change; the current state's alone without a future.
    if (comparison) {
        out[0].push_back(subheading(mapText("Key figures")));
        auto figures = detail::comparisonFigureTable(project, *comparison, qs(current->props.name),
                                                     qs(future->props.name), keyFigures());
        out[0].push_back(figures);
        out[0].push_back(std::make_shared<detail::OmittedColumnsNote>(
            figures, mapText("The comparison report has every column.")));
    } else {
        out[0].push_back(subheading(mapText("Key figures: %1").arg(qs(current->props.name))));
        auto table = std::make_shared<detail::TableBlock>(std::vector<detail::TableBlock::Column>{
            {mapText("Figure"), 120, 2, Qt::AlignLeft, 3, 100},
            {mapText("Value"), 90, 1, Qt::AlignRight, 3, 100},
        });
        for (const auto& [label, value] : detail::summaryFigures(project, *current, currentMetrics))
            table->addRow({label, value});
        out[0].push_back(table);
    }
    if (!currentMetrics.valid)
        out[0].push_back(note(mapText("%1 has errors: its figures are left out until they are "
                                      "fixed (its report lists them).")
                                  .arg(qs(current->props.name))));

    // The costliest red pens of the current state.
    for (BlockPtr& block :
         detail::redPenBlocks(project, *current, std::max<std::size_t>(limit / 2, 1),
                              mapText("Top red pens: %1").arg(qs(current->props.name))))
        out[1].push_back(std::move(block));

    // What the workshop chose to do, and by when.
    const model::Workshop& workshop = project.workshop;
    auto ideas = std::make_shared<detail::TableBlock>(std::vector<detail::TableBlock::Column>{
        {mapText("Idea"), 140, 3, Qt::AlignLeft, 6, 100},
        {mapText("Kind"), 56, 0.5, Qt::AlignLeft, 2, 80},
        {mapText("Votes"), 34, 0, Qt::AlignRight, 1, 60},
    });
    std::vector<const model::Idea*> selected;
    for (const auto& [id, idea] : workshop.ideas)
        if (idea.status == model::IdeaStatus::Selected)
            selected.push_back(&idea);
    std::stable_sort(
        selected.begin(), selected.end(),
        [](const model::Idea* a, const model::Idea* b) { return a->votes > b->votes; });
    for (std::size_t i = 0; i < selected.size() && i < limit; ++i)
        ideas->addRow({qs(selected[i]->text), qs(std::string(model::nameOf(selected[i]->kind))),
                       QString::number(selected[i]->votes)});
    out[2].push_back(subheading(mapText("Selected ideas")));
    out[2].push_back(ideas->empty() ? note(mapText("No idea selected yet.")) : BlockPtr(ideas));
    if (selected.size() > limit)
        out[2].push_back(note(
            mapText("The %1 with the most votes of %2 selected.").arg(limit).arg(selected.size())));

    auto actions = std::make_shared<detail::TableBlock>(std::vector<detail::TableBlock::Column>{
        {mapText("Action"), 130, 3, Qt::AlignLeft, 6, 100},
        {mapText("Owner"), 70, 1, Qt::AlignLeft, 3, 100},
        {mapText("Due"), 62, 0, Qt::AlignLeft, 1, 100},
        {mapText("Status"), 52, 0, Qt::AlignLeft, 2, 90},
    });
    std::vector<const model::Action*> open;
    for (const auto& [id, action] : workshop.actions)
        if (action.status != model::ActionStatus::Dropped)
            open.push_back(&action);
    // Soonest due first; an action without a date last.
    std::stable_sort(open.begin(), open.end(), [](const model::Action* a, const model::Action* b) {
        return (a->due.empty() ? "~" : a->due) < (b->due.empty() ? "~" : b->due);
    });
    for (std::size_t i = 0; i < open.size() && i < limit; ++i) {
        const QString owner = personName(project, open[i]->owner);
        actions->addRow({qs(open[i]->title), owner.isEmpty() ? mapText("no owner") : owner,
                         open[i]->due.empty() ? dash() : qs(open[i]->due),
                         actionStatusText(open[i]->status)});
    }
    out[2].push_back(subheading(mapText("Actions")));
    out[2].push_back(actions->empty() ? note(mapText("No actions planned yet."))
                                      : BlockPtr(actions));
    if (open.size() > limit)
        out[2].push_back(
            note(mapText("The %1 due soonest of %2 actions.").arg(limit).arg(open.size())));
    return out;
}

void SummaryReport::Impl::layOut() {
    const QSizeF inches = QPageSize(detail::pageSizeId(options.pageSize)).size(QPageSize::Inch);
    page = inches * kUnitsPerInch;
    if (options.landscape)
        page.transpose();
    content =
        QRectF(kMargin, kMargin, page.width() - 2 * kMargin, page.height() - 2 * kMargin - kFooter);
    titleArea = QRectF(content.left(), content.top(), content.width(), kTitle);

    // The case for change beside the goals, each half the width.
    const model::WorkshopProps& props = project.workshop.props;
    caseBlocks = {subheading(mapText("Case for change"))};
    caseBlocks.push_back(props.problem.empty() ? note(mapText("Not written yet."))
                                               : paragraph(qs(props.problem)));
    goalBlocks = {subheading(mapText("Goals and scope"))};
    for (const model::Goal& goal : props.goals)
        goalBlocks.push_back(paragraph(QStringLiteral("• ") + qs(goal.text)));
    if (props.goals.empty())
        goalBlocks.push_back(note(mapText("No goals set yet.")));
    const model::MapProps& scope = current->props;
    if (!scope.trigger.empty() || !scope.done.empty())
        goalBlocks.push_back(note(mapText("From: %1 · Done: %2")
                                      .arg(scope.trigger.empty() ? dash() : qs(scope.trigger),
                                           scope.done.empty() ? dash() : qs(scope.done))));
    const qreal half = (content.width() - kGap) / 2;
    const qreal caseHeight =
        std::max(detail::columnHeight(caseBlocks, half), detail::columnHeight(goalBlocks, half));
    caseArea = QRectF(content.left(), titleArea.bottom() + kGap / 2, content.width(), caseHeight);

    // The bottom columns take what their lists need; the maps get the rest, and the lists
    // shorten while the maps' ladders would not fit.
    const qreal third = (content.width() - 2 * kGap) / 3;
    const qreal panelWidth = future ? half : content.width();
    const auto stripNeed = [&](const model::Map& map, const metrics::MapMetrics& m) {
        return kPanelHeading + detail::streamStripHeight(map, m, panelWidth);
    };
    qreal mapsNeed = stripNeed(*current, currentMetrics);
    if (futureMetrics)
        mapsNeed = std::max(mapsNeed, stripNeed(*future, *futureMetrics));
    qreal columnsHeight = 0;
    for (std::size_t limit = 8;; limit = limit * 3 / 4) {
        columns = bottomColumns(limit);
        columnsHeight = 0;
        for (const auto& column : columns)
            columnsHeight = std::max(columnsHeight, detail::columnHeight(column, third));
        const qreal left = content.bottom() - caseArea.bottom() - 2 * kGap - columnsHeight;
        if (left >= mapsNeed || limit <= 2)
            break;
    }
    columnsArea =
        QRectF(content.left(), content.bottom() - columnsHeight, content.width(), columnsHeight);
    mapsArea = QRectF(content.left(), caseArea.bottom() + kGap, content.width(),
                      columnsArea.top() - kGap - caseArea.bottom() - kGap);
}

bool SummaryReport::Impl::pictureFits(const model::Map& map, const QRectF& panel) const {
    const QRectF scene = detail::mapContentRect(map);
    if (scene.isEmpty())
        return false;
    // The map and its ladder, both at a scale where their smallest text reads.
    const qreal minimum = kSummaryMinTextPoints / kSmallestMapText;
    if (panel.width() / kTimelineMinWidth < minimum)
        return false;
    const qreal ladder = kTimelineHeight * std::min<qreal>(1, panel.width() / kTimelineMinWidth);
    const qreal scale =
        std::min(panel.width() / scene.width(), (panel.height() - ladder - kGap) / scene.height());
    return scale >= minimum;
}

void SummaryReport::Impl::paintTitle(QPainter& p) const {
    const Theme& t = theme();
    const std::pair<QString, QString> fields[] = {
        {mapText("Date"), date},
        {mapText("Author"), author.isEmpty() ? dash() : author},
        {mapText("Next review"), nextReview},
    };
    const qreal fieldWidth = std::min<qreal>(150, titleArea.width() / 6);
    const qreal fieldsLeft = titleArea.right() - fieldWidth * 3;
    const QRectF box(fieldsLeft, titleArea.top(), fieldWidth * 3, titleArea.height() - 8);
    p.setPen(QPen(t.faint, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
    for (int i = 0; i < 3; ++i) {
        const QRectF cell(fieldsLeft + fieldWidth * i, box.top(), fieldWidth, box.height());
        if (i > 0) {
            p.setPen(QPen(t.faint, 0.8));
            p.drawLine(cell.topLeft(), cell.bottomLeft());
        }
        paintElidedText(p, QRectF(cell.left() + 6, cell.top() + 3, cell.width() - 12, 12),
                        fields[i].first, t.font(6.5), t.muted, Qt::AlignLeft);
        paintWrappedText(p, cell.adjusted(6, 15, -6, -1), fields[i].second, t.font(7.5, true),
                         t.ink, 2, Qt::AlignLeft | Qt::AlignTop);
    }
    const qreal width = fieldsLeft - titleArea.left() - kGap;
    paintElidedText(p, QRectF(titleArea.left(), titleArea.top(), width, 24), qs(project.props.name),
                    t.font(16, true), t.ink, Qt::AlignLeft);
    QStringList line;
    line << (future
                 ? mapText("Summary: %1 → %2").arg(qs(current->props.name), qs(future->props.name))
                 : mapText("Summary: %1").arg(qs(current->props.name)));
    const model::WorkshopTeam& team = project.props.team;
    if (const QString owner = personName(project, team.processOwner); !owner.isEmpty())
        line << mapText("process owner %1").arg(owner);
    if (const QString sponsor = personName(project, team.sponsor); !sponsor.isEmpty())
        line << mapText("sponsor %1").arg(sponsor);
    const model::WorkshopProps& props = project.workshop.props;
    if (!props.startDate.empty())
        line << (props.endDate.empty() || props.endDate == props.startDate
                     ? mapText("workshop %1").arg(qs(props.startDate))
                     : mapText("workshop %1 to %2").arg(qs(props.startDate), qs(props.endDate)));
    paintWrappedText(p, QRectF(titleArea.left(), titleArea.top() + 25, width, 24),
                     line.join(QStringLiteral(" · ")), t.font(7.5), t.muted, 2,
                     Qt::AlignLeft | Qt::AlignTop);
    p.setPen(QPen(t.ink, 1));
    p.drawLine(QPointF(titleArea.left(), titleArea.bottom() - 2),
               QPointF(titleArea.right(), titleArea.bottom() - 2));
}

void SummaryReport::Impl::paintPanel(QPainter& p, const QRectF& area, const model::Map& map,
                                     const metrics::MapMetrics& m) const {
    const Theme& t = theme();
    // "Future state: Cloud sign-up", or the name alone when it says the state already.
    const QString state = detail::stateText(map.props.state);
    const QString name = qs(map.props.name);
    paintElidedText(
        p, QRectF(area.left(), area.top(), area.width(), 14),
        name.compare(state, Qt::CaseInsensitive) == 0 ? name : state + QStringLiteral(": ") + name,
        t.font(9.5, true), t.ink, Qt::AlignLeft);
    p.setPen(QPen(t.faint, 1));
    p.drawLine(QPointF(area.left(), area.top() + 15), QPointF(area.right(), area.top() + 15));
    const QRectF body = area.adjusted(0, kPanelHeading, 0, 0);
    p.save();
    p.setClipRect(body, Qt::IntersectClip);
    if (pictureFits(map, body)) {
        const QRectF scene = detail::mapContentRect(map);
        const qreal ladderScale = std::min<qreal>(1, body.width() / kTimelineMinWidth);
        const qreal ladder = kTimelineHeight * ladderScale;
        const qreal scale = std::min(
            {body.width() / scene.width(), (body.height() - ladder - kGap) / scene.height(), 1.0});
        p.save();
        p.translate(body.left() + (body.width() - scene.width() * scale) / 2, body.top());
        p.scale(scale, scale);
        p.translate(-scene.topLeft());
        paintMap(p, {project, map, &m, scale});
        p.restore();
        p.save();
        p.translate(body.left(), body.top() + scene.height() * scale + kGap);
        p.scale(ladderScale, ladderScale);
        paintTimeline(p, {project, map, &m, 1},
                      QRectF(0, 0, body.width() / ladderScale, kTimelineHeight));
        p.restore();
    } else {
        // The ladder at the largest size up to 150% that fits: a short stream reads from across
        // the table.
        qreal scale = 1;
        for (qreal s = 1.5; s > 1; s -= 0.1)
            if (detail::streamStripHeight(map, m, body.width() / s) * s <= body.height()) {
                scale = s;
                break;
            }
        p.translate(body.topLeft());
        p.scale(scale, scale);
        detail::paintStreamStrip(p, QRectF(0, 0, body.width() / scale, body.height() / scale),
                                 project, map, m, ladderUnits);
    }
    p.restore();
}

void SummaryReport::Impl::paintFooter(QPainter& p) const {
    const Theme& t = theme();
    const QRectF line(content.left(), page.height() - kMargin - 12, content.width(), 12);
    paintElidedText(p, line,
                    mapText("Gemba %1 · %2 · the full report of each map has its steps, red pens "
                            "and findings")
                        .arg(QStringLiteral(GEMBA_VERSION), date),
                    t.font(6.5), t.muted, Qt::AlignLeft);
}

// ---------------------------------------------------------------------------------------

SummaryReport::SummaryReport(const model::Project& project, SummaryOptions options)
    : m(std::make_unique<Impl>()) {
    registerFonts();
    m->project = project;
    m->options = std::move(options);
    m->chooseMaps();
    m->currentMetrics = metrics::computeMetrics(m->project, *m->current);
    if (m->future) {
        m->futureMetrics = metrics::computeMetrics(m->project, *m->future);
        m->comparison = metrics::compare(m->project, *m->current, *m->future);
    }
    std::vector<const model::Map*> shown{m->current};
    if (m->future)
        shown.push_back(m->future);
    m->ladderUnits = model::durationUnitsOf(shown, m->project.props.calendar);
    m->author = qs(m->options.author);
    if (m->author.isEmpty())
        m->author = personName(m->project, m->project.props.team.processOwner);
    m->date =
        m->options.date.empty() ? QDate::currentDate().toString(Qt::ISODate) : qs(m->options.date);
    m->findNextReview();
    m->layOut();
}

SummaryReport::~SummaryReport() = default;

QPageLayout SummaryReport::pageLayout() const {
    return QPageLayout(QPageSize(detail::pageSizeId(m->options.pageSize)),
                       m->options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0));
}

QSizeF SummaryReport::pageSize() const {
    return m->page;
}

QString SummaryReport::title() const {
    return qs(m->project.props.name) + QStringLiteral(" — ") + mapText("Summary");
}

QString SummaryReport::author() const {
    return m->author;
}

QString SummaryReport::subject() const {
    return m->future ? mapText("Value stream summary: %1 → %2")
                           .arg(qs(m->current->props.name), qs(m->future->props.name))
                     : mapText("Value stream summary: %1").arg(qs(m->current->props.name));
}

QString SummaryReport::keywords() const {
    QStringList words{mapText("value stream map"), mapText("summary"), qs(m->current->props.name)};
    if (m->future)
        words << qs(m->future->props.name);
    return words.join(QStringLiteral(", "));
}

std::vector<PagedDocument::Bookmark> SummaryReport::bookmarks() const {
    return {{title(), 0}};
}

model::Id SummaryReport::currentMap() const {
    return m->current->id;
}

model::Id SummaryReport::futureMap() const {
    return m->future ? m->future->id : model::kNoId;
}

bool SummaryReport::drawsMapPicture(model::Id map) const {
    const model::Map* shown = map == currentMap()  ? m->current
                              : map == futureMap() ? m->future
                                                   : nullptr;
    if (!shown)
        return false;
    const qreal width = m->future ? (m->mapsArea.width() - kGap) / 2 : m->mapsArea.width();
    return m->pictureFits(*shown, QRectF(0, 0, width, m->mapsArea.height() - kPanelHeading));
}

void SummaryReport::paintPage(QPainter& p, int index) const {
    if (index != 0)
        return;
    registerFonts();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    m->paintTitle(p);
    const qreal half = (m->content.width() - kGap) / 2;
    detail::paintColumn(p, m->caseBlocks,
                        QRectF(m->caseArea.left(), m->caseArea.top(), half, m->caseArea.height()));
    detail::paintColumn(
        p, m->goalBlocks,
        QRectF(m->caseArea.left() + half + kGap, m->caseArea.top(), half, m->caseArea.height()));
    const QRectF maps = m->mapsArea;
    if (m->future) {
        m->paintPanel(p, QRectF(maps.left(), maps.top(), half, maps.height()), *m->current,
                      m->currentMetrics);
        m->paintPanel(p, QRectF(maps.left() + half + kGap, maps.top(), half, maps.height()),
                      *m->future, *m->futureMetrics);
    } else {
        m->paintPanel(p, maps, *m->current, m->currentMetrics);
    }
    const qreal third = (m->content.width() - 2 * kGap) / 3;
    for (std::size_t i = 0; i < m->columns.size(); ++i)
        detail::paintColumn(p, m->columns[i],
                            QRectF(m->columnsArea.left() + static_cast<qreal>(i) * (third + kGap),
                                   m->columnsArea.top(), third, m->columnsArea.height()));
    m->paintFooter(p);
    p.restore();
}

} // namespace gemba::render
