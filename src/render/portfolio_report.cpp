#include "gemba/render/portfolio_report.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "gemba/render/workshop_charts.h"
#include "report_blocks.h"
#include "report_page.h"
#include "report_parts.h"

#include <QPainter>
#include <QtMath>
#include <algorithm>
#include <cmath>

namespace gemba::render {

using detail::BlockPtr;
using detail::HeadingBlock;
using detail::qs;
using detail::TableBlock;
using detail::TextBlock;

namespace {

constexpr qreal kGraphHeight = 330;
constexpr qreal kBoxWidth = 170;
constexpr qreal kBoxHeight = 40;

/// Times across streams in each stream's own calendar, as the editor's portfolio shows them.
QString leadTimeOf(const std::optional<metrics::StateFigures>& f, const model::Calendar& calendar) {
    if (!f)
        return QStringLiteral("–");
    if (!f->valid)
        return mapText("has errors");
    return qs(model::formatDuration(f->leadTime, calendar));
}

QString money(double amount, const metrics::Portfolio& p) {
    return p.currency.empty() ? qs(model::formatCount(amount, 0))
                              : qs(model::formatMoney(amount, p.currency));
}

QString count(double value) {
    return qs(model::formatCount(value, 0));
}

/// "3 proposed · 1 shortlisted · 1 selected": the funnel's stages that hold ideas.
QString funnelText(const std::array<int, metrics::kIdeaStatusCount>& funnel) {
    QStringList parts;
    for (const auto& [status, name] : model::EnumNames<model::IdeaStatus>::table())
        if (const int n = funnel[static_cast<std::size_t>(status)]; n > 0)
            parts << QStringLiteral("%1 %2").arg(count(n), qs(std::string(name)));
    return parts.isEmpty() ? mapText("none") : parts.join(QStringLiteral(" · "));
}

std::shared_ptr<TableBlock> streamsTable(const metrics::Portfolio& p) {
    using C = TableBlock::Column;
    auto table = std::make_shared<TableBlock>(std::vector<C>{
        {mapText("Value stream"), 90, 2, Qt::AlignLeft, 3, 10},
        {mapText("Lead time"), 50, 0, Qt::AlignRight, 1, 9},
        {mapText("Future state"), 50, 0, Qt::AlignRight, 1, 8},
        {mapText("Measured"), 50, 0, Qt::AlignRight, 1, 5},
        {mapText("Process time"), 50, 0, Qt::AlignRight, 1, 6},
        {mapText("Activity ratio"), 44, 0, Qt::AlignRight, 1, 4},
        {mapText("Rolled %C&A"), 44, 0, Qt::AlignRight, 1, 3},
        {mapText("Friction a year"), 56, 0, Qt::AlignRight, 1, 7},
        {mapText("Red pens a year"), 56, 0, Qt::AlignRight, 1, 7},
        {mapText("Open actions"), 36, 0, Qt::AlignRight, 1, 6},
        {mapText("Ideas"), 80, 1, Qt::AlignLeft, 3, 2},
    });
    for (const metrics::StreamSummary& s : p.streams) {
        const auto& c = s.current;
        const bool figures = c && c->valid;
        table->addRow(
            {qs(s.name), leadTimeOf(c, s.calendar), leadTimeOf(s.future, s.calendar),
             leadTimeOf(s.measured, s.calendar),
             figures ? qs(model::formatDuration(c->processTime, s.calendar)) : QStringLiteral("–"),
             figures ? qs(model::formatPercent(c->activityRatio)) : QStringLiteral("–"),
             figures ? qs(model::formatPercent(c->rolledPca)) : QStringLiteral("–"),
             c ? qs(model::formatMoney(c->frictionCostPerYear, s.currency)) : QStringLiteral("–"),
             c ? qs(model::formatMoney(c->redPenCostPerYear, s.currency)) : QStringLiteral("–"),
             count(s.openActions), funnelText(s.funnel)});
    }
    return table;
}

std::vector<BlockPtr> touchPointBlocks(const metrics::Portfolio& p) {
    std::vector<BlockPtr> blocks;
    blocks.push_back(std::make_shared<HeadingBlock>(mapText("Touch points between streams")));
    if (p.dependencies.empty()) {
        blocks.push_back(std::make_shared<TextBlock>(
            mapText("None: no stream's supplier or customer is named like another stream."), 8,
            true));
        return blocks;
    }
    blocks.push_back(std::make_shared<detail::PaintBlock>(
        [](qreal) { return kGraphHeight; },
        [&p](QPainter& painter, const QRectF& area) { paintTouchPointGraph(painter, area, p); }));
    using C = TableBlock::Column;
    auto table = std::make_shared<TableBlock>(std::vector<C>{
        {mapText("Supplier stream"), 90, 1, Qt::AlignLeft, 2, 10},
        {mapText("Customer stream"), 90, 1, Qt::AlignLeft, 2, 10},
        {mapText("Via"), 70, 1, Qt::AlignLeft, 2, 5},
        {mapText("Work waits"), 60, 0, Qt::AlignRight, 1, 9},
    });
    for (const metrics::Dependency& d : p.dependencies)
        table->addRow({qs(p.streams[d.supplier].name), qs(p.streams[d.customer].name), qs(d.via),
                       qs(model::formatDuration(d.waitSeconds, p.streams[d.customer].calendar))});
    blocks.push_back(table);
    return blocks;
}

/// What several streams share, most shared first; an item of one stream is left out (the
/// stream's own report shows it).
std::vector<BlockPtr> sharedBlocks(const QString& heading,
                                   const std::vector<metrics::SharedItem>& items,
                                   const metrics::Portfolio& p, bool namedByField = false) {
    std::vector<BlockPtr> blocks;
    blocks.push_back(std::make_shared<HeadingBlock>(heading));
    using C = TableBlock::Column;
    auto table = std::make_shared<TableBlock>(std::vector<C>{
        {mapText("Name"), 70, 1, Qt::AlignLeft, 2, 10},
        {mapText("Streams"), 36, 0, Qt::AlignRight, 1, 9},
        {mapText("Steps"), 30, 0, Qt::AlignRight, 1, 6},
        {mapText("Share of work"), 56, 0, Qt::AlignRight, 1, 7},
        {mapText("Red pens a year"), 60, 0, Qt::AlignRight, 1, 8},
        {mapText("Friction a year"), 60, 0, Qt::AlignRight, 1, 8},
        {mapText("Ideas"), 30, 0, Qt::AlignRight, 1, 5},
        {mapText("Where"), 120, 3, Qt::AlignLeft, 6, 4},
    });
    for (const metrics::SharedItem& item : items) {
        if (item.streams() < 2)
            continue;
        QStringList where;
        for (const metrics::Use& use : item.uses) {
            QStringList steps;
            for (const std::string& step : use.steps)
                steps << qs(step);
            where << QStringLiteral("%1: %2").arg(qs(p.streams[use.stream].name),
                                                  steps.join(QStringLiteral(", ")));
        }
        // A catalogue entry's other spellings, so that a reader sees what was counted as one.
        QString name = namedByField ? detail::fieldTitle(item.name) : qs(item.name);
        QStringList also;
        for (const std::string& spelling : item.otherSpellings())
            also << qs(spelling);
        if (!also.isEmpty())
            name += mapText(" (also %1)").arg(also.join(QStringLiteral(", ")));
        table->addRow({name, count(static_cast<double>(item.streams())), count(item.steps),
                       qs(model::formatPercent(item.shareOfWork)), money(item.redPenCostPerYear, p),
                       money(item.frictionCostPerYear, p), count(item.ideas),
                       where.join(QStringLiteral("; "))});
    }
    if (table->empty())
        blocks.push_back(std::make_shared<TextBlock>(
            mapText("None is found in more than one stream."), 8, true));
    else
        blocks.push_back(table);
    return blocks;
}

std::vector<BlockPtr> ideaAndActionBlocks(const metrics::Portfolio& p) {
    std::vector<BlockPtr> blocks;
    blocks.push_back(std::make_shared<HeadingBlock>(mapText("Ideas and actions")));
    blocks.push_back(std::make_shared<TextBlock>(
        mapText("Ideas of every stream: %1.").arg(funnelText(p.funnel)), 8));
    if (!p.sharedIdeas.empty()) {
        using C = TableBlock::Column;
        auto shared = std::make_shared<TableBlock>(std::vector<C>{
            {mapText("Idea selected in several streams"), 140, 2, Qt::AlignLeft, 4, 10},
            {mapText("Streams"), 120, 1, Qt::AlignLeft, 4, 9},
        });
        for (const metrics::SharedIdea& idea : p.sharedIdeas) {
            QStringList names;
            for (std::size_t stream : idea.streams)
                names << qs(p.streams[stream].name);
            shared->addRow({qs(idea.text), names.join(QStringLiteral(", "))});
        }
        blocks.push_back(shared);
    }
    using C = TableBlock::Column;
    auto actions = std::make_shared<TableBlock>(std::vector<C>{
        {mapText("Value stream"), 80, 1, Qt::AlignLeft, 2, 9},
        {mapText("Action"), 140, 3, Qt::AlignLeft, 4, 10},
        {mapText("Owner"), 60, 1, Qt::AlignLeft, 2, 7},
        {mapText("Due"), 56, 0, Qt::AlignLeft, 1, 8},
        {mapText("Status"), 56, 0, Qt::AlignLeft, 1, 9},
    });
    for (const metrics::PortfolioAction& a : p.actions)
        actions->addRow({qs(p.streams[a.stream].name), qs(a.title), qs(a.owner),
                         a.due.empty() ? QStringLiteral("–") : qs(a.due),
                         actionStatusText(a.status)});
    if (actions->empty())
        blocks.push_back(std::make_shared<TextBlock>(mapText("No actions yet."), 8, true));
    else
        blocks.push_back(actions);
    return blocks;
}

} // namespace

void paintTouchPointGraph(QPainter& p, const QRectF& area, const metrics::Portfolio& portfolio) {
    const Theme& t = theme();
    const auto& streams = portfolio.streams;
    if (streams.empty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const int n = static_cast<int>(streams.size());
    const qreal boxWidth = std::min(kBoxWidth, area.width() / 3);
    const QPointF centre = area.center();
    const qreal radiusX = std::max<qreal>(0, area.width() / 2 - boxWidth / 2 - 4);
    const qreal radiusY = std::max<qreal>(0, area.height() / 2 - kBoxHeight / 2 - 4);
    std::vector<QRectF> boxes;
    for (int i = 0; i < n; ++i) {
        const qreal angle = -M_PI / 2 + 2 * M_PI * i / n;
        const QPointF at =
            n == 1 ? centre
                   : centre + QPointF(radiusX * std::cos(angle), radiusY * std::sin(angle));
        boxes.emplace_back(at.x() - boxWidth / 2, at.y() - kBoxHeight / 2, boxWidth, kBoxHeight);
    }
    // Arrows first, boxes over their ends, labels over everything.
    const QFont labelFont = t.font(7);
    std::vector<std::pair<QRectF, QString>> labels;
    p.setPen(QPen(t.ink, 1.2));
    for (const metrics::Dependency& d : portfolio.dependencies) {
        const QLineF line(boxes[d.supplier].center(), boxes[d.customer].center());
        // Stop at the boxes' edges: shorten by half a box along the line.
        const qreal angle = qDegreesToRadians(line.angle());
        const qreal shorten = std::min(kBoxHeight / 2 / std::max(0.2, std::abs(std::sin(angle))),
                                       boxWidth / 2 / std::max(0.2, std::abs(std::cos(angle))));
        const qreal length = line.length();
        if (length <= 2 * shorten)
            continue;
        const QPointF a = line.pointAt(shorten / length);
        const QPointF b = line.pointAt(1 - shorten / length);
        p.drawLine(a, b);
        QLineF head(b, a);
        head.setLength(8);
        for (qreal turn : {25.0, -25.0}) {
            QLineF side = head;
            side.setAngle(head.angle() + turn);
            p.drawLine(side);
        }
        const QString label =
            mapText("waits %1")
                .arg(qs(model::formatDuration(d.waitSeconds, streams[d.customer].calendar)));
        QRectF box(0, 0, textWidth(labelFont, label) + 6, 12);
        box.moveCenter((a + b) / 2);
        labels.emplace_back(box, label);
    }
    const QFont nameFont = t.font(8, true);
    const QFont figureFont = t.font(7);
    for (int i = 0; i < n; ++i) {
        p.setPen(QPen(t.ink, 1));
        p.setBrush(t.processFill);
        p.drawRoundedRect(boxes[i], 5, 5);
        const QRectF inner = boxes[i].adjusted(5, 3, -5, -3);
        paintWrappedText(p, QRectF(inner.left(), inner.top(), inner.width(), 22),
                         qs(streams[i].name), nameFont, t.ink, 2, Qt::AlignHCenter | Qt::AlignTop);
        const QString lead =
            streams[i].current
                ? mapText("lead time %1").arg(leadTimeOf(streams[i].current, streams[i].calendar))
                : mapText("no current state");
        paintElidedText(p, QRectF(inner.left(), inner.bottom() - 11, inner.width(), 11), lead,
                        figureFont, t.muted, Qt::AlignHCenter | Qt::AlignBottom);
    }
    for (const auto& [box, label] : labels) {
        p.setPen(Qt::NoPen);
        p.setBrush(t.paper);
        p.drawRect(box);
        paintElidedText(p, box, label, labelFont, t.ink, Qt::AlignCenter);
    }
    p.restore();
}

struct PortfolioReport::Impl {
    metrics::Portfolio portfolio;
    PortfolioReportOptions options;
    QSizeF page;
    QRectF area;
    QString date;
    std::vector<BlockPtr> blocks;
    /// Per page: its placements and the section it starts in (for the header and outline).
    std::vector<std::vector<detail::Placement>> pages;
    std::vector<QString> pageSections;
    std::vector<Bookmark> bookmarks;
};

PortfolioReport::PortfolioReport(metrics::Portfolio portfolio, PortfolioReportOptions options)
    : m(std::make_unique<Impl>()) {
    m->portfolio = std::move(portfolio);
    m->options = std::move(options);
    if (!m->options.today.isValid())
        m->options.today = QDate::currentDate();
    m->date = m->options.today.toString(Qt::ISODate);
    m->page = detail::pageSizeUnits(m->options.pageSize, m->options.landscape);
    m->area = detail::pageContent(m->page);
    const metrics::Portfolio& p = m->portfolio;

    // Sections, each starting a page, so that each has its own bookmark and header.
    std::vector<std::pair<QString, std::vector<BlockPtr>>> sections;
    {
        std::vector<BlockPtr> blocks;
        blocks.push_back(std::make_shared<HeadingBlock>(mapText("Value streams"), 14));
        QString intro =
            mapText("%1 value streams from %2. Lead times in each stream's working "
                    "days; money a year in %3.")
                .arg(p.streams.size())
                .arg(m->options.where.isEmpty() ? mapText("the projects given") : m->options.where)
                .arg(p.currency.empty() ? mapText("each stream's own currency") : qs(p.currency));
        if (p.currency.empty() && p.currencies.size() > 1)
            intro += mapText(" The streams use different currencies (%1): totals across "
                             "streams below add them as plain numbers.")
                         .arg(qs([&] {
                             std::string all;
                             for (const std::string& c : p.currencies)
                                 all += (all.empty() ? "" : ", ") + c;
                             return all;
                         }()));
        blocks.push_back(std::make_shared<TextBlock>(intro, 8));
        auto table = streamsTable(p);
        blocks.push_back(table);
        blocks.push_back(std::make_shared<detail::OmittedColumnsNote>(table));
        for (BlockPtr& b : touchPointBlocks(p))
            blocks.push_back(std::move(b));
        sections.emplace_back(mapText("Value streams"), std::move(blocks));
    }
    {
        std::vector<BlockPtr> blocks;
        for (const auto& [heading, items] :
             {std::pair{mapText("Systems in several streams"), &p.systems},
              std::pair{mapText("Roles in several streams"), &p.roles},
              std::pair{mapText("People in several streams"), &p.people}})
            for (BlockPtr& b : sharedBlocks(heading, *items, p))
                blocks.push_back(std::move(b));
        // Kinds of waste are named by their field names ("over_processing").
        for (BlockPtr& b :
             sharedBlocks(mapText("Kinds of waste in several streams"), p.wastes, p, true))
            blocks.push_back(std::move(b));
        sections.emplace_back(mapText("Shared"), std::move(blocks));
    }
    sections.emplace_back(mapText("Ideas and actions"), ideaAndActionBlocks(p));

    const QRectF flowArea = m->area.adjusted(0, detail::kPageHeader, 0, 0);
    for (auto& [title, blocks] : sections) {
        m->bookmarks.push_back({title, static_cast<int>(m->pages.size())});
        for (auto& placements : detail::paginate(blocks, flowArea)) {
            m->pages.push_back(std::move(placements));
            m->pageSections.push_back(title);
        }
    }
    detail::checkPageCount(m->pages.size(), "the portfolio");
}

PortfolioReport::~PortfolioReport() = default;

int PortfolioReport::pageCount() const {
    return static_cast<int>(m->pages.size());
}

QPageLayout PortfolioReport::pageLayout() const {
    return detail::pageLayoutOf(m->options.pageSize, m->options.landscape);
}

QSizeF PortfolioReport::pageSize() const {
    return m->page;
}

QString PortfolioReport::title() const {
    return mapText("Portfolio of %1 value streams").arg(m->portfolio.streams.size());
}

QString PortfolioReport::subject() const {
    return mapText("Value streams side by side, their touch points and what they share");
}

QString PortfolioReport::keywords() const {
    QStringList words{mapText("value stream portfolio")};
    for (const metrics::StreamSummary& s : m->portfolio.streams)
        words << qs(s.name);
    return words.join(QStringLiteral(", "));
}

std::vector<PagedDocument::Bookmark> PortfolioReport::bookmarks() const {
    return m->bookmarks;
}

void PortfolioReport::paintPage(QPainter& p, int index) const {
    if (index < 0 || index >= pageCount())
        return;
    registerFonts();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QString& section = m->pageSections[static_cast<std::size_t>(index)];
    detail::paintPageHeader(p, m->area, title(), section, section);
    for (const detail::Placement& placed : m->pages[static_cast<std::size_t>(index)])
        placed.block->paint(p, placed.area, placed.first, placed.last);
    detail::paintPageFooter(p, m->area, m->page.height(), m->date, index, pageCount());
    p.restore();
}

} // namespace gemba::render
