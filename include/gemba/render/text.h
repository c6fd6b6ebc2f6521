#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <limits>

class QPainter;

/// Text that always fits its box: elided on one line, or wrapped over a few lines with the
/// last one elided. Used wherever a map writes user text, so nothing spills over.
namespace gemba::render {

/// A user-visible string of a painted map, through Qt's translation (context "Map").
QString mapText(const char* sourceText);

qreal textWidth(const QFont& font, const QString& text);

void paintElidedText(QPainter& painter, const QRectF& box, const QString& text, const QFont& font,
                     const QColor& colour, Qt::Alignment alignment);

/// Wraps at word boundaries into at most `maxLines` lines, shrinking nothing; the block is
/// placed in `box` by `alignment`.
void paintWrappedText(QPainter& painter, const QRectF& box, const QString& text, const QFont& font,
                      const QColor& colour, int maxLines, Qt::Alignment alignment);

/// The lines paintWrappedText would draw.
QStringList wrapText(const QString& text, const QFont& font, qreal width, int maxLines);

/// `maxLines` for a text that is wrapped whole, however many lines it takes.
inline constexpr int kAllLines = std::numeric_limits<int>::max();

} // namespace gemba::render
