#include "gemba/render/export.h"

#include "gemba/metrics/compare.h"
#include "gemba/model/units.h"
#include "gemba/render/report.h"
#include "gemba/render/svg_map.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "gemba/render/timeline.h"
#include "gemba/store/csv_steps.h"
#include "pdf_navigation.h"
#include "report_parts.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QSaveFile>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#ifndef GEMBA_VERSION
#error "GEMBA_VERSION must be defined by the build (the project version)"
#endif

namespace gemba::render {

using detail::qs;

namespace {

constexpr qreal kPictureMargin = 16;
constexpr qreal kTitleLine = 30;
constexpr QSizeF kEmptyMap(630, 120);

/// The resolution fonts are measured at when no device is given (the screen's, 96 offscreen).
/// Pictures are painted with their device at this resolution, so text keeps the width it was
/// measured with, and scaled to the resolution wanted.
int textDpi() {
    return QPicture().logicalDpiY();
}

QRectF mapArea(const model::Map& map) {
    const QRectF content = detail::mapContentRect(map);
    return content.isEmpty() ? QRectF(QPointF(0, 0), kEmptyMap) : content;
}

/// A QSaveFile that keeps the first failed write's reason. QFileDevice clears its error on
/// the next write that only fills its buffer, and writers such as the SVG generator's text
/// stream ignore failed writes: without this, a full disk gave "Unknown error", or a cut SVG
/// reported as written.
class RecordingSaveFile : public QSaveFile {
public:
    using QSaveFile::QSaveFile;
    const QString& firstError() const { return m_firstError; }

protected:
    qint64 writeData(const char* data, qint64 len) override {
        errno = 0;
        const qint64 written = QSaveFile::writeData(data, len);
        const int reason = errno;
        if ((written != len || error() != QFileDevice::NoError) && m_firstError.isEmpty()) {
            m_firstError = errorString();
            if ((m_firstError.isEmpty() || m_firstError == QLatin1String("Unknown error")) &&
                reason != 0)
                m_firstError = QString::fromLocal8Bit(std::strerror(reason));
        }
        return written;
    }

private:
    QString m_firstError;
};

/// An open temporary file that becomes `path` on commit().
class AtomicFile {
public:
    explicit AtomicFile(const QString& path)
        : m_file(path)
        , m_path(path) {
        if (!m_file.open(QIODevice::WriteOnly))
            fail(m_file.errorString());
    }
    QSaveFile& device() { return m_file; }
    void commit() {
        // The first failed write says why ("No space left on device"); what commit() says
        // after it may only be "Unknown error".
        if (!m_file.firstError().isEmpty() || !m_file.flush())
            fail(m_file.errorString());
        if (!m_file.commit())
            fail(m_file.errorString());
    }
    /// Throws, naming the first failed write when there was one: it is why the encoder or
    /// writer gave up.
    [[noreturn]] void fail(const QString& why) {
        const QString reason = m_file.firstError().isEmpty() ? why : m_file.firstError();
        m_file.cancelWriting();
        throw ExportError(m_path.toStdString() + ": cannot write: " + reason.toStdString());
    }

private:
    RecordingSaveFile m_file;
    QString m_path;
};

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

/// A number the way every locale reads it back: a decimal point, no grouping, round-trip.
std::string csvNumber(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string unitOf(metrics::Quantity quantity, const model::Project& project) {
    switch (quantity) {
    case metrics::Quantity::Duration:
        return "s";
    case metrics::Quantity::Ratio:
        return "ratio";
    case metrics::Quantity::Count:
        return "count";
    case metrics::Quantity::Money:
        return project.props.currency;
    case metrics::Quantity::Hours:
        return "h";
    case metrics::Quantity::Items:
        return "items";
    case metrics::Quantity::Days:
        return "d";
    }
    return {};
}

} // namespace

QRectF mapPictureRect(const model::Map& map, const metrics::MapMetrics& metrics) {
    const QRectF area = mapArea(map);
    const QRectF timeline = timelineRect(area, &metrics);
    return area.united(timeline).adjusted(-kPictureMargin, -kPictureMargin - kTitleLine,
                                          kPictureMargin, kPictureMargin);
}

void paintMapPicture(QPainter& p, const model::Project& project, const model::Map& map,
                     const metrics::MapMetrics& metrics, bool withElements) {
    registerFonts();
    const Theme& t = theme();
    const QRectF area = mapArea(map);
    const QRectF whole = mapPictureRect(map, metrics);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF title(whole.left() + kPictureMargin, whole.top() + kPictureMargin,
                       whole.width() - 2 * kPictureMargin, 20);
    QString state;
    switch (map.props.state) {
    case model::MapState::Current:
        state = mapText("current state");
        break;
    case model::MapState::Future:
        state = mapText("future state");
        break;
    case model::MapState::Ideal:
        state = mapText("ideal state");
        break;
    }
    paintElidedText(p, title,
                    qs(project.props.name) + QStringLiteral(" — ") + qs(map.props.name) +
                        QStringLiteral(" (") + state + QStringLiteral(")"),
                    t.font(11, true), t.ink, Qt::AlignLeft);
    const PaintContext context{project, map, &metrics, 1};
    if (detail::mapContentRect(map).isEmpty()) {
        paintElidedText(p, area, mapText("This map is empty."), t.font(10, false, true), t.muted,
                        Qt::AlignCenter);
    } else if (withElements) {
        paintMap(p, context);
    }
    paintTimeline(p, context, timelineRect(area, &metrics));
    p.restore();
}

double imageDpi(const model::Map& map, const metrics::MapMetrics& metrics,
                const ImageOptions& options) {
    if (options.width)
        return *options.width / mapPictureRect(map, metrics).width() * kUnitsPerInch;
    return options.dpi;
}

QImage renderMapImage(const model::Project& project, const model::Map& map,
                      const ImageOptions& options) {
    registerFonts();
    const metrics::MapMetrics metrics = metrics::computeMetrics(project, map);
    const QRectF rect = mapPictureRect(map, metrics);
    const double dpi = imageDpi(map, metrics, options);
    if (!(dpi > 0) || !std::isfinite(dpi))
        throw ExportError("the resolution must be above 0 pixels per inch");
    const double scale = dpi / kUnitsPerInch;
    const double width = options.width ? *options.width : std::ceil(rect.width() * scale);
    const double height = std::ceil(rect.height() * scale);
    if (width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels)
        throw ExportError("the image would be " + model::formatNumber(width, 0) + " × " +
                          model::formatNumber(height, 0) +
                          " pixels, more than Gemba draws: choose a lower resolution or width");
    if (width < 1 || height < 1)
        throw ExportError("the image would have no pixels: choose a higher resolution or width");
    QImage image(static_cast<int>(width), static_cast<int>(height),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw ExportError("not enough memory for an image of " + model::formatNumber(width, 0) +
                          " × " + model::formatNumber(height, 0) + " pixels");
    image.fill(options.transparent ? QColor(Qt::transparent) : theme().paper);
    // Fonts resolve at the image's resolution: keep it at the one text is measured at while
    // painting, and scale; the file then records the resolution asked for.
    const double dotsPerMeter = textDpi() / 0.0254;
    image.setDotsPerMeterX(static_cast<int>(std::lround(dotsPerMeter)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dotsPerMeter)));
    {
        QPainter painter(&image);
        painter.scale(scale, scale);
        painter.translate(-rect.topLeft());
        paintMapPicture(painter, project, map, metrics);
    }
    image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    return image;
}

void writePng(const QString& path, const model::Project& project, const model::Map& map,
              const ImageOptions& options) {
    QImage image;
    try {
        image = renderMapImage(project, map, options);
    } catch (const ExportError& e) {
        throw ExportError(path.toStdString() + ": " + e.what());
    }
    // Text chunks: image viewers and catalogues show the map's name without opening it.
    image.setText(QStringLiteral("Title"),
                  qs(project.props.name) + QStringLiteral(" — ") + qs(map.props.name));
    image.setText(QStringLiteral("Software"),
                  QStringLiteral("Gemba %1").arg(QStringLiteral(GEMBA_VERSION)));
    // Encoded in memory first: a write error inside libpng jumps past Qt's cleanup and leaks
    // the image, and the disk's own message ("No space left on device") names the cause better.
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            throw ExportError(path.toStdString() + ": the PNG encoder failed");
    }
    AtomicFile file(path);
    if (file.device().write(png) != png.size())
        file.fail(file.device().errorString());
    file.commit();
}

void writeSvg(const QString& path, const model::Project& project, const model::Map& map) {
    const metrics::MapMetrics metrics = metrics::computeMetrics(project, map);
    AtomicFile file(path);
    QByteArray svg;
    try {
        svg = mapSvg(project, map, metrics);
    } catch (const ExportError& e) {
        file.fail(QString::fromUtf8(e.what()));
    }
    if (file.device().write(svg) != svg.size())
        file.fail(file.device().errorString());
    file.commit();
}

void writePdfReport(const QString& path, const PagedDocument& report) {
    AtomicFile file(path);
    // Written to memory first: the outline, the document information and the page links Qt's
    // writer leaves out are added to the finished bytes (pdf_navigation.h).
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QString creator = QStringLiteral("Gemba %1").arg(QStringLiteral(GEMBA_VERSION));
    {
        QPdfWriter writer(&buffer);
        // Vector output at a fine grid; page content is scaled to it (see PagedDocument::print).
        writer.setResolution(1200);
        writer.setPageLayout(report.pageLayout());
        writer.setTitle(report.title());
        writer.setCreator(creator);
        QPainter painter;
        if (!painter.begin(&writer))
            file.fail(QStringLiteral("the PDF writer could not start"));
        const bool printed = report.print(painter, writer);
        painter.end();
        if (!printed)
            file.fail(QStringLiteral("the PDF writer could not add a page"));
    }
    std::vector<detail::PdfBookmark> bookmarks;
    for (const PagedDocument::Bookmark& mark : report.bookmarks())
        bookmarks.emplace_back(mark.title, mark.page);
    std::vector<detail::PdfLink> links;
    constexpr qreal pointsPerUnit = 72.0 / kUnitsPerInch;
    for (const PagedDocument::Link& link : report.links()) {
        const QRectF& a = link.area;
        links.push_back({link.page, QRectF(a.topLeft() * pointsPerUnit, a.size() * pointsPerUnit),
                         link.target});
    }
    const QByteArray bytes = detail::withNavigation(buffer.data(),
                                                    {report.title(), report.author(),
                                                     report.subject(), report.keywords(), creator},
                                                    bookmarks, links)
                                 .value_or(buffer.data());
    if (file.device().write(bytes) != bytes.size())
        file.fail(file.device().errorString());
    file.commit();
}

std::string stepsCsv(const model::Project& project, const model::Map& map) {
    const std::vector<model::Id> order = metrics::stepsInFlowOrder(project, map);
    return store::exportCsvSteps(project, map, order);
}

std::string metricsCsv(const model::Project& project, const model::Map& map,
                       const metrics::MapMetrics& m) {
    std::string out = "key,label,value,unit\r\n";
    // What the figures are of: the map, and the demand and time that set its takt.
    out += "map,Map," + csvField(map.props.name) + ",name\r\n";
    out += "demand_per_day,Customer demand per day," +
           (m.demandPerDay ? csvNumber(*m.demandPerDay) : std::string()) + ",items\r\n";
    out += "available_time_per_day_seconds,Available time per day," +
           (m.valid ? csvNumber(m.availableTimePerDay) : std::string()) + ",s\r\n";
    // The figures and their keys come from the comparison table, so that they are named as
    // `gemba-cli metrics --json` and `compare --json` name them; a map compared with itself
    // gives each figure once.
    const metrics::Comparison self = metrics::compare(project, map, map);
    for (const metrics::MetricChange& figure : self.metrics) {
        const std::optional<double>& value = figure.after;
        out += csvField(figure.key) + "," + csvField(figure.label) + "," +
               (value ? csvNumber(*value) : std::string()) + "," +
               csvField(unitOf(figure.quantity, project)) + "\r\n";
    }
    std::string bottleneck;
    if (m.valid && m.bottleneck != model::kNoId)
        bottleneck = map.nameOf(m.bottleneck);
    out += "bottleneck,Bottleneck," + csvField(bottleneck) + ",step\r\n";
    return out;
}

void writeTextFile(const QString& path, const std::string& text) {
    AtomicFile file(path);
    const auto size = static_cast<qint64>(text.size());
    if (file.device().write(text.data(), size) != size)
        file.fail(file.device().errorString());
    file.commit();
}

} // namespace gemba::render
