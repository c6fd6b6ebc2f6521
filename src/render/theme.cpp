#include "gemba/render/theme.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace gemba::render {

QFont Theme::font(qreal points, bool bold, bool italic) const {
    QFont font(family);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    font.setStyleHint(QFont::SansSerif);
    // Glyphs stay at their designed widths at every zoom, so text measured at 100% still fits
    // when the view or a PDF scales it.
    font.setHintingPreference(QFont::PreferNoHinting);
    // Without shaping, Latin text is drawn glyph by glyph: no "ﬁ" ligature stands for two
    // letters, so a PDF's text copies and searches as typed ("fi" is found in "finance").
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

const Theme& theme() {
    static const Theme instance;
    return instance;
}

void registerFonts() {
    static bool done = false;
    if (done || !QGuiApplication::instance())
        return;
    done = true;
    for (const char* file : {":/gemba/fonts/DejaVuSans.ttf", ":/gemba/fonts/DejaVuSans-Bold.ttf",
                             ":/gemba/fonts/DejaVuSans-Oblique.ttf"})
        QFontDatabase::addApplicationFont(QString::fromLatin1(file));
}

} // namespace gemba::render
