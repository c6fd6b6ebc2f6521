#include "gemba/render/text.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

namespace gemba::render {

QString mapText(const char* sourceText) {
    return QCoreApplication::translate("Map", sourceText);
}

qreal textWidth(const QFont& font, const QString& text) {
    return QFontMetricsF(font).horizontalAdvance(text);
}

void paintElidedText(QPainter& painter, const QRectF& box, const QString& text, const QFont& font,
                     const QColor& colour, Qt::Alignment alignment) {
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    painter.setPen(colour);
    painter.drawText(box, static_cast<int>(alignment | Qt::AlignVCenter),
                     metrics.elidedText(text, Qt::ElideRight, box.width()));
}

QStringList wrapText(const QString& text, const QFont& font, qreal width, int maxLines) {
    const QFontMetricsF metrics(font);
    QStringList lines;
    // A word wider than the box is split where it must be, with a hyphen where the split falls
    // between two letters ("correspon-" / "dence"): a box never cuts the middle of a word it
    // has lines for.
    QStringList words;
    for (const QString& word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString rest = word;
        while (metrics.horizontalAdvance(rest) > width && rest.size() > 1) {
            auto piece = [&](qsizetype length) {
                const bool hyphen = rest[length - 1].isLetter() && rest[length].isLetter();
                return hyphen ? rest.left(length) + QLatin1Char('-') : rest.left(length);
            };
            qsizetype fit = 1;
            while (fit + 1 < rest.size() && metrics.horizontalAdvance(piece(fit + 1)) <= width)
                ++fit;
            words << piece(fit);
            rest = rest.mid(fit);
        }
        words << rest;
    }
    QString current;
    for (const QString& word : words) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        // The last allowed line takes everything left; it is elided below.
        if (current.isEmpty() || metrics.horizontalAdvance(candidate) <= width ||
            lines.size() + 1 >= maxLines) {
            current = candidate;
            continue;
        }
        lines << current;
        current = word;
    }
    if (!current.isEmpty())
        lines << current;
    for (QString& line : lines)
        line = metrics.elidedText(line, Qt::ElideRight, width);
    return lines;
}

void paintWrappedText(QPainter& painter, const QRectF& box, const QString& text, const QFont& font,
                      const QColor& colour, int maxLines, Qt::Alignment alignment) {
    const QFontMetricsF metrics(font);
    const QStringList lines = wrapText(text, font, box.width(), maxLines);
    const qreal lineHeight = metrics.height();
    const qreal blockHeight = lineHeight * lines.size();
    qreal top = box.top();
    if (alignment & Qt::AlignVCenter)
        top = box.center().y() - blockHeight / 2;
    else if (alignment & Qt::AlignBottom)
        top = box.bottom() - blockHeight;
    const Qt::Alignment horizontal = alignment & Qt::AlignHorizontal_Mask;
    painter.setFont(font);
    painter.setPen(colour);
    for (int i = 0; i < lines.size(); ++i)
        painter.drawText(QRectF(box.left(), top + i * lineHeight, box.width(), lineHeight),
                         static_cast<int>(horizontal | Qt::AlignVCenter), lines[i]);
}

} // namespace gemba::render
