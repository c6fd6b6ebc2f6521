#pragma once

#include <QColor>
#include <QFont>
#include <QString>

/// The look of a map: colours and type, in one place for the canvas and every export.
namespace gemba::render {

struct Theme {
    QColor ink{0x1f, 0x29, 0x33};
    QColor muted{0x5b, 0x67, 0x73};
    QColor faint{0xc5, 0xcc, 0xd3};
    QColor paper{0xff, 0xff, 0xff};
    QColor processFill{0xf3, 0xf6, 0xfa};
    QColor dataFill{0xff, 0xff, 0xff};
    QColor partyFill{0xee, 0xf2, 0xf7};
    QColor infoFill{0xf7, 0xf9, 0xfb};
    QColor waitFill{0xff, 0xf4, 0xd6};
    QColor noteFill{0xff, 0xf8, 0xc4};
    QColor redPen{0xd6, 0x1f, 0x26};
    QColor selection{0x1e, 0x6f, 0xd9};
    QColor bottleneck{0xc0, 0x39, 0x2b};
    QColor aboveTakt{0xe6, 0x7e, 0x22};
    QColor valueAdding{0x2e, 0x9e, 0x5b};
    QColor necessary{0xe0, 0xa8, 0x22};
    QColor waste{0xc0, 0x39, 0x2b};
    QColor handoff{0x7b, 0x3f, 0xb5};
    QColor ladderWait{0xc0, 0x39, 0x2b};
    QColor ladderProcess{0x2e, 0x9e, 0x5b};
    QColor critical{0x8e, 0x24, 0xaa}; ///< a simulation's criticality shading
    QString family = QStringLiteral("DejaVu Sans");

    /// The map's type face at a size in points.
    QFont font(qreal points, bool bold = false, bool italic = false) const;
};

/// The default theme.
const Theme& theme();

/// Registers the bundled DejaVu fonts once, so maps look the same on every machine. Needs a
/// QGuiApplication; called by everything that paints.
void registerFonts();

} // namespace gemba::render
