#include "presentation_band.h"

#include "editor_document.h"
#include "gemba/metrics/metrics.h"
#include "gemba/model/duration_units.h"
#include "gemba/model/units.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScreen>
#include <QWindow>
#include <algorithm>

namespace gemba::app {

PresentationBand::PresentationBand(EditorDocument& document, std::function<model::Id()> currentMap,
                                   QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_currentMap(std::move(currentMap))
    , m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("presentationBand"));
    // Light on dark, across the whole width under the map, as on a projector's slide.
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("#presentationBand { background: #212121; }"
                                 "#presentationFigures { color: white; }"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_label->setObjectName(QStringLiteral("presentationFigures"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignCenter);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->addWidget(m_label);
    connect(&m_document, &EditorDocument::metricsUpdated, this, [this] { refresh(); });
    applyFont();
}

int PresentationBand::pixelSizeFor(int screenHeight) {
    return std::max(36, screenHeight / 30);
}

void PresentationBand::applyFont() {
    const QScreen* screen =
        window() && window()->windowHandle() ? window()->windowHandle()->screen() : nullptr;
    const int height = std::max(screen ? screen->geometry().height() : 0, window()->height());
    QFont large = font();
    large.setPixelSize(pixelSizeFor(height));
    m_label->setFont(large);
}

void PresentationBand::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    applyFont();
    fitHeight();
}

void PresentationBand::fitHeight() {
    // As tall as the wrapped figures need at this width, no more: the map keeps the rest.
    const int width = std::max(200, this->width() - 32);
    const int needed = m_label->heightForWidth(width) + 16;
    if (needed > 16 && needed != height())
        setFixedHeight(needed);
}

QString PresentationBand::text() const {
    QString plain = m_label->text();
    plain.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    plain.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    plain.remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
    plain.replace(QStringLiteral("  ·  "), QStringLiteral("\n"));
    return plain;
}

void PresentationBand::refresh() {
    applyFont();
    const model::Id mapId = m_currentMap ? m_currentMap() : model::kNoId;
    const model::Map* map = m_document.map(mapId);
    const metrics::MapMetrics* m = map ? m_document.metrics(mapId) : nullptr;
    if (!m) {
        m_label->setText(tr("No map"));
        return;
    }
    if (!m->valid) {
        m_label->setText(tr("Figures withheld: fix the errors in Findings"));
        return;
    }
    const model::Calendar& calendar = m_document.project().props.calendar;
    const model::DurationVoice voice{model::durationUnitsOf(*map, calendar), &calendar};
    const auto shown = [](const std::string& text) {
        return QString::fromStdString(text).replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    };
    // Process time and takt in the unit of the map's step times, as the map shows them.
    const auto duration = [&](double seconds) {
        return shown(model::formatDuration(seconds, calendar));
    };
    const auto stepTime = [&](double seconds) { return shown(voice.stepTime(seconds)); };
    const auto percent = [](double ratio) {
        return QString::fromStdString(model::formatPercent(ratio));
    };
    const auto item = [](const QString& name, const QString& value) {
        return QStringLiteral("%1&nbsp;<b>%2</b>").arg(name.toHtmlEscaped(), value);
    };
    QStringList items;
    items << item(tr("LT"), duration(m->leadTime)) << item(tr("PT"), stepTime(m->processTime))
          << item(tr("Activity"), percent(m->activityRatio))
          << item(tr("Rolled %C&A"), percent(m->rolledPca))
          << item(tr("Takt"), m->takt ? stepTime(*m->takt) : tr("no&nbsp;demand"));
    if (const model::Step* step = map->findStep(m->bottleneck))
        items << item(tr("Bottleneck"), QString::fromStdString(step->name).toHtmlEscaped());
    m_label->setText(items.join(QStringLiteral("  ·  ")));
    fitHeight();
}

} // namespace gemba::app
