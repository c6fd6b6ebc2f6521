#include "gemba/render/map_painter.h"

#include "gemba/model/units.h"
#include "gemba/render/geometry.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>
#include <optional>

namespace gemba::render {

using model::ElementKind;

namespace {

constexpr qreal kDetailThreshold = 0.45; // below this zoom, figures are unreadable anyway
constexpr qreal kOutlineThreshold = 0.2;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QPen outlinePen(const Theme& t, ElementState state, qreal width = 1.4) {
    if (state.selected)
        return QPen(t.selection, width + 1.2);
    if (state.hovered)
        return QPen(t.selection.lighter(130), width + 0.4);
    return QPen(t.ink, width);
}

QColor valueColour(const Theme& t, model::ValueClass value) {
    switch (value) {
    case model::ValueClass::ValueAdding:
        return t.valueAdding;
    case model::ValueClass::NecessaryNonValueAdding:
        return t.necessary;
    case model::ValueClass::Waste:
        return t.waste;
    }
    return t.muted;
}

/// Zoomed out, text that carries meaning (badges, shares, inventory counts) grows by this
/// factor so that it keeps about its size on screen, up to twice its size at 100%.
qreal zoomedOutGrowth(qreal levelOfDetail) {
    return levelOfDetail < kDetailThreshold ? std::min(2.0, kDetailThreshold / levelOfDetail) : 1;
}

QFont badgeFont(qreal growth) {
    return theme().font(6.5 * growth, true);
}

qreal badgeWidth(const QString& text, qreal growth) {
    return textWidth(badgeFont(growth), text) + 10 * growth;
}

/// A rounded tag with white text, centred on `centre`, `growth` times its size at 100%.
void paintBadge(QPainter& p, QPointF centre, const QString& text, const QColor& colour,
                qreal growth = 1) {
    const QFont font = badgeFont(growth);
    const qreal width = badgeWidth(text, growth);
    const QRectF r(centre.x() - width / 2, centre.y() - 7 * growth, width, 14 * growth);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(r, 7 * growth, 7 * growth);
    p.setPen(Qt::white);
    p.setFont(font);
    p.drawText(r, Qt::AlignCenter, text);
}

/// A duration of one kind, or a dash when not given.
QString durationText(const model::DurationVoice& voice, model::DurationKind kind,
                     std::optional<double> seconds) {
    return seconds ? qs(voice(kind, *seconds)) : QStringLiteral("–");
}

/// "P50 2 h (P85 3.5 h)" for a figure shown as measured (model::measuredDistribution), else
/// empty.
QString measuredText(const model::DurationVoice& voice, model::DurationKind kind,
                     const model::Step& step, model::Figure figure) {
    const model::Distribution* d = model::measuredDistribution(step, figure);
    if (!d)
        return {};
    return QStringLiteral("P50 ") + durationText(voice, kind, d->p50) + QStringLiteral(" (P85 ") +
           durationText(voice, kind, d->p85) + QStringLiteral(")");
}

QString namesOf(const model::Project& project, const std::vector<Id>& systems) {
    QStringList names;
    for (Id id : systems)
        if (auto it = project.systems.find(id); it != project.systems.end())
            names << qs(it->second.name);
    return names.join(QStringLiteral(", "));
}

/// The step's criticality in a simulation (0-1), when the context shades by it.
std::optional<double> criticalityOf(const PaintContext& c, Id step) {
    if (!c.criticality)
        return std::nullopt;
    const auto it = c.criticality->find(step);
    return std::clamp(it == c.criticality->end() ? 0.0 : it->second, 0.0, 1.0);
}

/// From `from` towards `to` by `share` (0-1).
QColor blend(const QColor& from, const QColor& to, double share) {
    const auto mix = [share](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * share));
    };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

/// Where a text of the map goes: the context's layout at this zoom, or with none (a single
/// element painted on its own) the text's preferred place.
PlacedLabel laidOutLabel(const PaintContext& c, const LabelRequest& request) {
    const bool overview = c.levelOfDetail < kDetailThreshold;
    if (const LabelLayout* layout = overview ? c.overviewLabels : c.labels)
        if (auto it = layout->find(request.owner); it != layout->end())
            return it->second;
    return preferredLabel(request, overview ? kOverviewCaptionPointSize : kCaptionPointSize);
}

void paintStep(QPainter& p, const PaintContext& c, const model::Step& step, ElementState state) {
    const Theme& t = theme();
    const QRectF body = bodyShape(ElementKind::Step).translated(step.pos.x, step.pos.y);
    const std::optional<double> critical = criticalityOf(c, step.id);
    p.setPen(outlinePen(t, state));
    // Shaded from the plain fill (never on the longest path) to 60% of the critical colour
    // (on it in every trial), so that the name stays readable.
    p.setBrush(critical ? blend(t.processFill, t.critical, 0.6 * *critical) : t.processFill);
    p.drawRoundedRect(body, 3, 3);
    // The data box is drawn at every zoom: red rings and flows from below end at it, and
    // would end in empty space without it. Zoomed out it holds only its key figures.
    const QRectF data = dataBoxRect(step);
    p.setPen(QPen(state.selected ? t.selection : t.faint, 1));
    p.setBrush(t.dataFill);
    p.drawRect(data);
    if (c.levelOfDetail < kOutlineThreshold)
        return;

    // The value class as a band down the left edge.
    p.setPen(Qt::NoPen);
    p.setBrush(valueColour(t, step.value));
    p.drawRect(QRectF(body.left() + 1, body.top() + 1, 5, body.height() - 2));

    const QString name = qs(step.name.empty() ? "(unnamed step)" : step.name);
    if (c.levelOfDetail < kDetailThreshold) {
        // Zoomed out, the figures go but the name grows, so a whole map on a projector
        // still says which step is which.
        // The grown badges reach into the body's top: the name stays below them.
        bool badged = false;
        if (c.metrics && c.metrics->valid) {
            const auto figures = c.metrics->steps.find(step.id);
            badged = c.metrics->bottleneck == step.id ||
                     (figures != c.metrics->steps.end() && figures->second.aboveTakt);
        }
        const qreal top = badged ? 7 * zoomedOutGrowth(c.levelOfDetail) + 1 : 3;
        paintWrappedText(p, body.adjusted(10, top, -6, -3), name,
                         t.font(std::min(18.0, 4.5 / c.levelOfDetail), true), t.ink, 2,
                         Qt::AlignCenter);
    } else {
        const QRectF nameArea = body.adjusted(10, 5, -6, step.role.empty() ? -5 : -19);
        paintWrappedText(p, nameArea, name, t.font(9, true), t.ink, 2, Qt::AlignCenter);
    }
    if (!step.role.empty() && c.levelOfDetail >= kDetailThreshold) {
        QString role = qs(step.role);
        if (step.headcount != 1)
            role += QStringLiteral(" · ×") + qs(model::formatCount(step.headcount, 1));
        paintElidedText(p, QRectF(body.left() + 10, body.bottom() - 18, body.width() - 16, 14),
                        role, t.font(7), t.muted, Qt::AlignCenter);
    }

    if (critical) {
        // While the map is shaded by a simulation, the step's one badge is its share.
        paintBadge(p, QPointF(body.right() - 40, body.top()),
                   mapText("CRITICAL") + QLatin1Char(' ') + qs(model::formatPercent(*critical)),
                   t.critical);
    } else if (c.metrics && c.metrics->valid) {
        const auto figures = c.metrics->steps.find(step.id);
        QStringList badges;
        QList<QColor> colours;
        if (c.metrics->bottleneck == step.id) {
            badges << mapText("BOTTLENECK");
            colours << t.bottleneck;
        }
        if (figures != c.metrics->steps.end() && figures->second.aboveTakt) {
            badges << mapText("ABOVE TAKT");
            colours << t.aboveTakt;
        }
        if (c.levelOfDetail < kDetailThreshold) {
            // Zoomed out the badges grow with the name, right-aligned on the top edge; the
            // ones that no longer fit the step's width are left out, the bottleneck last.
            const qreal growth = zoomedOutGrowth(c.levelOfDetail);
            qreal right = body.right();
            for (int i = 0; i < badges.size(); ++i) {
                const qreal width = badgeWidth(badges[i], growth);
                if (right - width < body.left())
                    break;
                paintBadge(p, QPointF(right - width / 2, body.top()), badges[i], colours[i],
                           growth);
                right -= width + 4;
            }
        } else {
            // On the top edge towards the right: information arrows arrive at the middle.
            qreal x = body.right() - 40;
            for (int i = badges.size() - 1; i >= 0; --i, x -= 76)
                paintBadge(p, QPointF(x, body.top()), badges[i], colours[i]);
        }
    }

    // The data box's figures.
    const model::Project& project = c.project;
    const model::DurationVoice voice = durationVoice(c);
    constexpr auto stepTime = model::DurationKind::StepTime;
    constexpr auto leadTime = model::DurationKind::StepLeadTime;
    QString pt = durationText(voice, stepTime, step.processTime);
    if (const QString measured = measuredText(voice, stepTime, step, model::Figure::ProcessTime);
        !measured.isEmpty())
        pt = measured;
    else if (step.processTimeMin || step.processTimeMax)
        pt = durationText(voice, stepTime, step.processTimeMin) + QStringLiteral("–") +
             durationText(voice, stepTime, step.processTimeMax) + QStringLiteral(" (") + pt +
             QStringLiteral(")");
    QString lt = durationText(voice, leadTime, step.leadTime ? step.leadTime : step.processTime);
    if (const QString measured = measuredText(voice, leadTime, step, model::Figure::LeadTime);
        !measured.isEmpty())
        lt = measured;
    QString ct = durationText(voice, stepTime, step.cycleTime);
    if (!step.cycleTime && c.metrics)
        if (auto it = c.metrics->steps.find(step.id);
            it != c.metrics->steps.end() && it->second.cycleTime > 0)
            ct = qs(voice.stepTime(it->second.cycleTime));
    QString people = qs(model::formatCount(step.headcount, 1));
    if (!step.people.empty()) {
        QStringList names;
        for (Id id : step.people)
            if (auto it = project.people.find(id); it != project.people.end())
                names << qs(it->second.name);
        people += QStringLiteral(" · ") + names.join(QStringLiteral(", "));
    }
    const std::pair<QString, QString> lines[kDataLines] = {
        {mapText("PT"), pt},
        {mapText("LT"), lt},
        {mapText("C/T"), ct},
        {mapText("%C&A"), step.pca ? qs(model::formatNumber(*step.pca, 1)) + QStringLiteral("%")
                                   : QStringLiteral("–")},
        {mapText("People"), people},
        {mapText("Systems"),
         step.systems.empty() ? QStringLiteral("–") : namesOf(project, step.systems)},
    };
    if (c.levelOfDetail < kDetailThreshold) {
        // Zoomed out: process and cycle time only, grown so that they stay readable.
        const qreal growth = zoomedOutGrowth(c.levelOfDetail);
        const qreal lineHeight = data.height() / 2;
        for (int i : {0, 2}) {
            const QString text = lines[i].first + QLatin1Char(' ') + lines[i].second;
            const qreal width = data.width() - 8;
            // A long line (a measured "P50 … (P85 …)") shrinks to fit, down to 60%.
            const qreal natural =
                QFontMetricsF(t.font(7.5 * growth, i == 0)).horizontalAdvance(text);
            const qreal scale = natural > width ? std::max(0.6, width / natural * 0.98) : 1.0;
            paintElidedText(
                p, QRectF(data.left() + 4, data.top() + (i / 2) * lineHeight, width, lineHeight),
                text, t.font(7.5 * growth * scale, i == 0), t.ink, Qt::AlignCenter);
        }
        return;
    }
    const QFont labelFont = t.font(7);
    const QFont valueFont = t.font(7.5);
    const QFontMetricsF labelMetrics(labelFont);
    for (int i = 0; i < kDataLines; ++i) {
        const QRectF line(data.left() + 6, data.top() + 4 + i * kDataLineHeight, data.width() - 12,
                          kDataLineHeight);
        paintElidedText(p, line, lines[i].first, labelFont, t.muted, Qt::AlignLeft);
        // The value takes what its label leaves: a measured "P50 … (P85 …)" needs the room.
        const qreal labelWidth =
            std::min<qreal>(44, labelMetrics.horizontalAdvance(lines[i].first) + 6);
        const QRectF valueBox = line.adjusted(labelWidth, 0, 0, 0);
        // A long value (a measured "P50 … (P85 …)") shrinks to fit, down to 5.5 pt.
        const qreal natural = QFontMetricsF(valueFont).horizontalAdvance(lines[i].second);
        const QFont font = natural > valueBox.width()
                               ? t.font(std::max(5.5, 7.5 * valueBox.width() / natural * 0.98))
                               : valueFont;
        paintElidedText(p, valueBox, lines[i].second, font, t.ink, Qt::AlignRight);
    }
}

void paintWait(QPainter& p, const PaintContext& c, const model::Wait& wait, ElementState state) {
    const Theme& t = theme();
    const QRectF body = bodyShape(ElementKind::Wait).translated(wait.pos.x, wait.pos.y);
    const QPolygonF triangle{QPointF(body.center().x(), body.top()), body.bottomRight(),
                             body.bottomLeft()};
    p.setPen(outlinePen(t, state, 1.6));
    p.setBrush(t.waitFill);
    p.drawPolygon(triangle);
    if (c.levelOfDetail < kOutlineThreshold)
        return;
    const QRectF glyph(body.center().x() - 10, body.center().y() - 2, 20, 20);
    if (wait.kind == model::WaitKind::Inventory) {
        p.setFont(t.font(13, true));
        p.setPen(t.ink);
        p.drawText(glyph.adjusted(0, -2, 0, 2), Qt::AlignCenter, QStringLiteral("I"));
    } else {
        // A clock: time spent waiting in a queue.
        const QRectF face = glyph.adjusted(3, 3, -3, -3);
        p.setPen(QPen(t.ink, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(face);
        p.drawLine(face.center(), face.center() + QPointF(0, -5));
        p.drawLine(face.center(), face.center() + QPointF(4, 0));
    }
    const bool overview = c.levelOfDetail < kDetailThreshold;
    const auto request = waitLabelRequest(c.map, wait, durationVoice(c), overview);
    const PlacedLabel label = laidOutLabel(c, *request);
    if (label.lines.isEmpty())
        return;
    // Zoomed out the count or the time stays, larger; the label and the days of stock go.
    // The laid-out box holds the figure at its largest: smaller, it stays centred in it.
    const qreal growth = zoomedOutGrowth(c.levelOfDetail);
    const qreal lineHeight = label.box.height() / static_cast<qreal>(label.lines.size());
    const QRectF figureLine(label.box.left() - 2, label.box.top(), label.box.width() + 4,
                            lineHeight);
    paintElidedText(p, figureLine, label.lines[0], waitFigureFont(overview ? growth : 1), t.ink,
                    Qt::AlignCenter);
    if (label.lines.size() > 1)
        paintElidedText(p, figureLine.translated(0, lineHeight), label.lines[1], waitLabelFont(),
                        t.muted, Qt::AlignCenter);
}

void paintParty(QPainter& p, const PaintContext& c, const model::Party& party, ElementState state) {
    const Theme& t = theme();
    const QRectF body = bodyShape(ElementKind::Supplier).translated(party.pos.x, party.pos.y);
    // The factory: a saw-tooth roof over a wide base, as in every VSM icon set.
    const qreal roof = body.height() * 0.38;
    const qreal tooth = body.width() / 3;
    QPolygonF outline;
    outline << body.bottomLeft() << QPointF(body.left(), body.top() + roof * 0.35);
    for (int i = 0; i < 3; ++i) {
        outline << QPointF(body.left() + tooth * i, body.top() + roof * 0.35)
                << QPointF(body.left() + tooth * (i + 1), body.top())
                << QPointF(body.left() + tooth * (i + 1), body.top() + roof * 0.35);
    }
    outline << QPointF(body.right(), body.top() + roof) << body.bottomRight();
    p.setPen(outlinePen(t, state));
    p.setBrush(t.partyFill);
    p.drawPolygon(outline);
    if (c.levelOfDetail < kOutlineThreshold)
        return;
    const QRectF inner(body.left() + 6, body.top() + roof + 2, body.width() - 12,
                       body.height() - roof - 4);
    paintWrappedText(p, inner.adjusted(0, 0, 0, -12), qs(party.name), t.font(8.5, true), t.ink, 2,
                     Qt::AlignCenter);
    paintElidedText(p, QRectF(inner.left(), inner.bottom() - 13, inner.width(), 12),
                    party.kind == model::PartyKind::Supplier ? mapText("supplier")
                                                             : mapText("customer"),
                    t.font(6.5), t.muted, Qt::AlignCenter);
}

void paintInfoBox(QPainter& p, const PaintContext& c, const model::InfoBox& box,
                  ElementState state) {
    const Theme& t = theme();
    const QRectF body = bodyShape(ElementKind::InfoBox).translated(box.pos.x, box.pos.y);
    p.setPen(outlinePen(t, state));
    p.setBrush(t.infoFill);
    p.drawRect(body);
    p.setPen(QPen(t.ink, 1));
    p.drawLine(QPointF(body.left(), body.top() + 6), QPointF(body.right(), body.top() + 6));
    if (c.levelOfDetail < kOutlineThreshold)
        return;
    const QRectF area = body.adjusted(6, 8, -6, -4);
    if (box.notes.empty()) {
        paintWrappedText(p, area, qs(box.name), t.font(8.5, true), t.ink, 2, Qt::AlignCenter);
    } else {
        paintElidedText(p, QRectF(area.left(), area.top() + 2, area.width(), 16), qs(box.name),
                        t.font(8.5, true), t.ink, Qt::AlignCenter);
        paintWrappedText(p, area.adjusted(0, 20, 0, 0), qs(box.notes), t.font(7), t.muted, 2,
                         Qt::AlignHCenter | Qt::AlignTop);
    }
}

void paintNote(QPainter& p, const PaintContext& c, const model::Note& note, ElementState state) {
    const Theme& t = theme();
    const QRectF body = bodyShape(ElementKind::Note).translated(note.pos.x, note.pos.y);
    constexpr qreal fold = 14;
    const QPolygonF paper{body.topLeft(), QPointF(body.right() - fold, body.top()),
                          QPointF(body.right(), body.top() + fold), body.bottomRight(),
                          body.bottomLeft()};
    p.setPen(state.selected ? outlinePen(t, state) : QPen(t.necessary.darker(115), 1));
    p.setBrush(t.noteFill);
    p.drawPolygon(paper);
    p.drawLine(QPointF(body.right() - fold, body.top()),
               QPointF(body.right() - fold, body.top() + fold));
    p.drawLine(QPointF(body.right() - fold, body.top() + fold),
               QPointF(body.right(), body.top() + fold));
    if (c.levelOfDetail < kOutlineThreshold)
        return;
    if (c.levelOfDetail < kDetailThreshold) {
        // Zoomed out, a note shows its first words large enough to read, not a blank box.
        paintWrappedText(p, body.adjusted(6, 4, -fold, -4), qs(note.text),
                         t.font(std::min(16.0, 4.5 / c.levelOfDetail)), t.ink, 2,
                         Qt::AlignLeft | Qt::AlignTop);
        return;
    }
    paintWrappedText(p, body.adjusted(8, 6, -fold - 2, -6), qs(note.text), t.font(7.5), t.ink, 5,
                     Qt::AlignLeft | Qt::AlignTop);
}

/// The arrowhead at the end of a path, pointing along its last segment.
QPolygonF arrowHead(const QPainterPath& path, qreal length, qreal width) {
    const QPointF tip = path.pointAtPercent(1);
    const qreal angle = qDegreesToRadians(path.angleAtPercent(1));
    const QPointF back(-std::cos(angle) * length, std::sin(angle) * length);
    const QPointF side(std::sin(angle) * width / 2, std::cos(angle) * width / 2);
    return {tip, tip + back + side, tip + back - side};
}

/// The path shortened at its end, so a thick stroke stops where the arrowhead starts. Flow
/// paths are polylines, so their elements are their corners.
QPainterPath trimmedEnd(const QPainterPath& path, qreal by) {
    const qreal keep = path.length() - by;
    if (keep <= 0)
        return path;
    QPainterPath out(path.elementAt(0));
    qreal walked = 0;
    for (int i = 1; i < path.elementCount(); ++i) {
        const QPointF a = path.elementAt(i - 1);
        const QPointF b = path.elementAt(i);
        const qreal segment = QLineF(a, b).length();
        if (walked + segment >= keep) {
            out.lineTo(a + (b - a) * ((keep - walked) / segment));
            return out;
        }
        out.lineTo(b);
        walked += segment;
    }
    return out;
}

/// The part of the segment a-b inside `area`, if any (Liang-Barsky).
std::optional<QLineF> clipSegment(QPointF a, QPointF b, const QRectF& area) {
    const QPointF d = b - a;
    qreal t0 = 0;
    qreal t1 = 1;
    const qreal p[4] = {-d.x(), d.x(), -d.y(), d.y()};
    const qreal q[4] = {a.x() - area.left(), area.right() - a.x(), a.y() - area.top(),
                        area.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (qFuzzyIsNull(p[i])) {
            if (q[i] < 0)
                return std::nullopt;
            continue;
        }
        const qreal r = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return std::nullopt;
    }
    return QLineF(a + d * t0, a + d * t1);
}

/// A polyline cut down to what can show inside the painter's clip, widened by `margin`. The
/// canvas clips each flow to its exposed part: a line across a huge map (a control box
/// informing a far-away step) then costs what its visible piece costs. Cuts lie outside the
/// clip, so what shows is unchanged; without a clip (exports) the path is returned as is.
/// For solid pens only: a dash pattern would restart at a cut.
QPainterPath visiblePart(const QPainter& p, const QPainterPath& path, qreal margin) {
    if (!p.hasClipping())
        return path;
    const QRectF area = p.clipBoundingRect().adjusted(-margin, -margin, margin, margin);
    if (area.contains(path.boundingRect()))
        return path;
    QPainterPath out;
    bool joined = false; // the last piece ended where the next segment starts
    for (int i = 1; i < path.elementCount(); ++i) {
        const QPointF a = path.elementAt(i - 1);
        const QPointF b = path.elementAt(i);
        const auto piece = clipSegment(a, b, area);
        if (!piece) {
            joined = false;
            continue;
        }
        if (!joined)
            out.moveTo(piece->p1());
        out.lineTo(piece->p2());
        joined = piece->p2() == b;
    }
    return out;
}

void paintTruck(QPainter& p, QPointF centre, const Theme& t) {
    p.setPen(QPen(t.ink, 1.2));
    p.setBrush(t.paper);
    p.drawRect(QRectF(centre.x() - 14, centre.y() - 8, 18, 12));
    p.drawRect(QRectF(centre.x() + 4, centre.y() - 4, 9, 8));
    p.setBrush(t.ink);
    p.drawEllipse(QPointF(centre.x() - 8, centre.y() + 6), 2.6, 2.6);
    p.drawEllipse(QPointF(centre.x() + 8, centre.y() + 6), 2.6, 2.6);
}

void paintPullSymbol(QPainter& p, QPointF centre, const Theme& t) {
    // The withdrawal arrow: an open circle with an arrowhead.
    const QRectF ring(centre.x() - 8, centre.y() - 8, 16, 16);
    p.setPen(QPen(t.ink, 1.6));
    p.setBrush(t.paper);
    p.drawArc(ring, 60 * 16, 290 * 16);
    const QPointF end(ring.center().x() + 8 * std::cos(qDegreesToRadians(60.0)),
                      ring.center().y() - 8 * std::sin(qDegreesToRadians(60.0)));
    p.setBrush(t.ink);
    p.drawPolygon(QPolygonF{end, end + QPointF(-6, -1), end + QPointF(-1, 5)});
}

} // namespace

void paintFlow(QPainter& p, const PaintContext& c, const model::Flow& flow, ElementState state) {
    const Theme& t = theme();
    const QPainterPath path = flowPath(c.map, flow);
    if (path.isEmpty())
        return;
    p.save();
    p.setBrush(Qt::NoBrush);
    if (state.selected || state.hovered) {
        QColor halo = t.selection;
        halo.setAlpha(state.selected ? 90 : 50);
        p.setPen(QPen(halo, 14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(visiblePart(p, path, 16));
    }
    const QPointF mid = flowMidpoint(path);
    const bool detail = c.levelOfDetail >= kDetailThreshold;
    // Symbols in the middle of a flow need room between the two ends.
    const bool roomForSymbol = detail && path.length() >= 64;
    switch (flow.kind) {
    case model::FlowKind::Push: {
        // The striped push arrow: a thick black band with white stripes across it.
        const QPainterPath band = trimmedEnd(path, 12);
        p.setPen(QPen(t.ink, 9, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(visiblePart(p, band, 16));
        if (detail) {
            QPen stripes(t.paper, 6, Qt::CustomDashLine, Qt::FlatCap, Qt::MiterJoin);
            stripes.setDashPattern({0.7, 0.7});
            p.setPen(stripes);
            p.drawPath(band);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(path, 14, 17));
        break;
    }
    case model::FlowKind::Pull:
        p.setPen(QPen(t.ink, 1.8));
        p.drawPath(visiblePart(p, trimmedEnd(path, 9), 16));
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(path, 10, 9));
        if (roomForSymbol)
            paintPullSymbol(p, mid, t);
        break;
    case model::FlowKind::Fifo: {
        // A lane: two rails with FIFO written between them.
        const QPainterPath lane = trimmedEnd(path, 10);
        const QPainterPath shown = visiblePart(p, lane, 24);
        p.setPen(QPen(t.ink, 14, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(shown);
        p.setPen(QPen(t.paper, 11, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(shown);
        p.setPen(Qt::NoPen);
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(path, 11, 12));
        // "FIFO max 10" where the lane is long enough, "FIFO" where only that fits.
        const QFont font = t.font(6.5, true);
        QString text = QStringLiteral("FIFO");
        if (flow.fifoMax) {
            const QString withMax = text + mapText(" max %1").arg(*flow.fifoMax);
            if (path.length() >= textWidth(font, withMax) + 28)
                text = withMax;
        }
        if (detail && path.length() >= textWidth(font, text) + 28) {
            const QRectF box(mid.x() - textWidth(font, text) / 2 - 3, mid.y() - 6,
                             textWidth(font, text) + 6, 12);
            p.setBrush(t.paper);
            p.drawRect(box);
            p.setFont(font);
            p.setPen(t.ink);
            p.drawText(box, Qt::AlignCenter, text);
        }
        break;
    }
    case model::FlowKind::ManualInformation:
        p.setPen(QPen(t.ink, 1.2));
        p.drawPath(visiblePart(p, trimmedEnd(path, 8), 16));
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(path, 9, 8));
        break;
    case model::FlowKind::ElectronicInformation: {
        // The lightning arrow: a zig-zag in the middle of a thin line.
        const QPointF start = path.pointAtPercent(0);
        const QPointF end = path.pointAtPercent(1);
        QLineF line(start, end);
        const qreal length = line.length();
        QPainterPath bolt(start);
        if (length > 40) {
            const QPointF dir = (end - start) / length;
            const QPointF normal(-dir.y(), dir.x());
            bolt.lineTo(mid - dir * 10);
            bolt.lineTo(mid + normal * 8 + dir * 2);
            bolt.lineTo(mid - normal * 8 - dir * 2);
            bolt.lineTo(mid + dir * 10);
        }
        bolt.lineTo(end);
        p.setPen(QPen(t.ink, 1.3, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(visiblePart(p, trimmedEnd(bolt, 8), 16));
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(bolt, 9, 8));
        break;
    }
    case model::FlowKind::Shipment:
        p.setPen(QPen(t.ink, 3.2, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.drawPath(visiblePart(p, trimmedEnd(path, 12), 16));
        p.setPen(Qt::NoPen);
        p.setBrush(t.ink);
        p.drawPolygon(arrowHead(path, 13, 13));
        if (roomForSymbol)
            paintTruck(p, mid + QPointF(0, -14), t);
        break;
    }

    if (!detail && flow.share && c.levelOfDetail >= kOutlineThreshold) {
        // Zoomed out a route's share stays, larger: the numbers that make the lead time. Its
        // laid-out box holds it at its largest; smaller, it stays centred in it.
        const qreal growth = zoomedOutGrowth(c.levelOfDetail);
        const QFont font = flowLabelFont(growth);
        const QString share = shareText(*flow.share);
        const QPointF centre =
            laidOutLabel(c, *flowLabelRequest(c.map, flow, durationVoice(c), true)).box.center();
        const qreal width = textWidth(font, share) + 8;
        const qreal height = 13 * growth;
        const QRectF box(centre.x() - width / 2, centre.y() - height / 2, width, height);
        p.setPen(Qt::NoPen);
        QColor backing = t.paper;
        backing.setAlpha(220);
        p.setBrush(backing);
        p.drawRoundedRect(box, 3, 3);
        paintElidedText(p, box, share, font, t.ink, Qt::AlignCenter);
    }
    if (detail) {
        if (c.metrics && std::binary_search(c.metrics->handoffFlows.begin(),
                                            c.metrics->handoffFlows.end(), flow.id)) {
            // The handoff marker: a baton ring near the end where the work changes hands,
            // beside the line (labels sit on its other side, lane texts on it).
            const qreal along = path.percentAtLength(std::max<qreal>(0, path.length() - 26));
            const qreal angle = qDegreesToRadians(path.angleAtPercent(along));
            const QPointF at =
                path.pointAtPercent(along) + QPointF(std::sin(angle), std::cos(angle)) * 15;
            p.setPen(QPen(t.paper, 1.5));
            p.setBrush(t.handoff);
            p.drawEllipse(at, 7.5, 7.5);
            p.setFont(t.font(6.5, true));
            p.setPen(t.paper);
            p.drawText(QRectF(at.x() - 7, at.y() - 7, 14, 14), Qt::AlignCenter,
                       QStringLiteral("H"));
        }
        if (const auto request = flowLabelRequest(c.map, flow, durationVoice(c))) {
            // Where the map's layout put it: above the line, or moved clear of other texts.
            const PlacedLabel label = laidOutLabel(c, *request);
            p.setPen(Qt::NoPen);
            QColor backing = t.paper;
            backing.setAlpha(220);
            p.setBrush(backing);
            p.drawRoundedRect(label.box, 3, 3);
            paintElidedText(p, label.box.adjusted(3, 0, -3, 0), label.lines.value(0),
                            flowLabelFont(), t.ink, Qt::AlignCenter);
        }
    }
    p.restore();
}

void paintRedPen(QPainter& p, const PaintContext& c, const model::RedPen& pen, ElementState state) {
    const Theme& t = theme();
    const QRectF ring = redPenEllipse(c.map, pen);
    p.save();
    p.setBrush(Qt::NoBrush);
    if (state.selected || state.hovered) {
        QColor halo = t.selection;
        halo.setAlpha(state.selected ? 90 : 50);
        p.setPen(QPen(halo, 10));
        p.drawEllipse(ring);
    }
    // Two passes, slightly off each other: a ring drawn by hand with a red marker.
    QColor ink = t.redPen;
    p.setPen(QPen(ink, 2.6, Qt::SolidLine, Qt::RoundCap));
    p.drawEllipse(ring);
    ink.setAlpha(150);
    p.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap));
    p.translate(ring.center());
    p.rotate(-2.5);
    p.drawArc(
        QRectF(-ring.width() / 2 - 3, -ring.height() / 2 + 2, ring.width() + 4, ring.height() - 2),
        20 * 16, 300 * 16);
    p.restore();

    if (c.levelOfDetail < kOutlineThreshold)
        return;
    // The workshop's work on this place: "3 ideas · 1 action: in progress".
    if (const std::optional<PenBadge> badge = redPenBadge(c.project, c.map, pen)) {
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(t.redPen);
        p.drawRoundedRect(badge->box, 7, 7);
        p.setFont(redPenBadgeFont());
        p.setPen(Qt::white);
        p.drawText(badge->box, Qt::AlignCenter, badge->text);
        p.restore();
    }
    const QString text = redPenCaption(c.project, pen);
    if (text.isEmpty())
        return;
    // Zoomed out the caption is written larger, from its own layout: the meaning stays,
    // and the larger type does not run into its neighbours either.
    const bool overview = c.levelOfDetail < kDetailThreshold;
    const qreal pointSize = overview ? kOverviewCaptionPointSize : kCaptionPointSize;
    const PlacedLabel label = laidOutLabel(c, {pen.id, ring, text});
    // The lines as laid out, each centred in the caption's box.
    const QFont font = captionFont(pointSize);
    const qreal lineHeight = QFontMetricsF(font).height();
    p.setFont(font);
    p.setPen(t.redPen);
    for (int i = 0; i < label.lines.size(); ++i)
        p.drawText(QRectF(label.box.left() - 1, label.box.top() + i * lineHeight,
                          label.box.width() + 2, lineHeight),
                   Qt::AlignHCenter | Qt::AlignVCenter, label.lines[i]);
}

void paintElement(QPainter& painter, const PaintContext& context, Id element, ElementState state) {
    const model::Map& map = context.map;
    if (auto it = map.steps.find(element); it != map.steps.end())
        paintStep(painter, context, it->second, state);
    else if (auto w = map.waits.find(element); w != map.waits.end())
        paintWait(painter, context, w->second, state);
    else if (auto pa = map.parties.find(element); pa != map.parties.end())
        paintParty(painter, context, pa->second, state);
    else if (auto b = map.infoBoxes.find(element); b != map.infoBoxes.end())
        paintInfoBox(painter, context, b->second, state);
    else if (auto n = map.notes.find(element); n != map.notes.end())
        paintNote(painter, context, n->second, state);
    else if (auto r = map.redPens.find(element); r != map.redPens.end())
        paintRedPen(painter, context, r->second, state);
}

model::DurationVoice durationVoice(const PaintContext& context) {
    const model::Calendar& calendar = context.project.props.calendar;
    return {context.units ? *context.units : model::durationUnitsOf(context.map, calendar),
            &calendar};
}

void paintMap(QPainter& painter, const PaintContext& context) {
    registerFonts();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // The texts laid out once for the whole map, so that none sits on another.
    LabelLayout labels;
    PaintContext withLabels = context;
    // The map's units found once, not for every element.
    const model::DurationUnits units =
        context.units ? *context.units
                      : model::durationUnitsOf(context.map, context.project.props.calendar);
    withLabels.units = &units;
    const bool overview = context.levelOfDetail < kDetailThreshold;
    if (!(overview ? context.overviewLabels : context.labels)) {
        labels = layoutMapLabels(context.project, context.map,
                                 overview ? kOverviewCaptionPointSize : kCaptionPointSize);
        (overview ? withLabels.overviewLabels : withLabels.labels) = &labels;
    }
    // What lies wholly outside the visible part is left out: a report's tile pages would
    // otherwise each record the whole map. An element's bounds take in its text and, with a
    // margin, the marks drawn beside its shape (badges, handoff rings, arrowheads).
    const LabelLayout* placed = overview ? withLabels.overviewLabels : withLabels.labels;
    const auto seen = [&](Id id, QRectF bounds) {
        if (context.visible.isEmpty())
            return true;
        if (auto label = placed->find(id); label != placed->end())
            bounds |= label->second.box;
        constexpr qreal margin = 60;
        return bounds.adjusted(-margin, -margin, margin, margin).intersects(context.visible);
    };
    const model::Map& map = context.map;
    for (const auto& [id, flow] : map.flows)
        if (seen(id, flowPath(map, flow).boundingRect()))
            paintFlow(painter, withLabels, flow);
    for (Id id : map.placedElements()) {
        if (map.redPens.contains(id))
            continue;
        const QRectF body = bodyRect(map, id);
        QRectF bounds = paintShape(*map.kindOf(id)).translated(body.center()) | body;
        if (const model::Step* step = map.findStep(id))
            bounds |= dataBoxRect(*step);
        if (seen(id, bounds))
            paintElement(painter, withLabels, id);
    }
    for (const auto& [id, pen] : map.redPens)
        if (seen(id, redPenEllipse(map, pen)))
            paintRedPen(painter, withLabels, pen);
    painter.restore();
}

} // namespace gemba::render
