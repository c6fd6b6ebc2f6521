#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <optional>
#include <stdexcept>
#include <string>

class QPainter;

/// Taking a map out of Gemba: the PDF report, SVG and PNG pictures of the map with its
/// timeline, and CSV tables of its steps and figures. Every file is written whole or not at
/// all: to a temporary file first, renamed into place on success.
namespace gemba::render {

class PagedDocument;

/// An export that could not be made or written. what() names the file and says why.
class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ImageOptions {
    /// Pixels per inch. At 96 the map is drawn at 100%, one pixel per unit.
    double dpi = 96;
    /// The image's width in pixels; when given, it sets the resolution and `dpi` is ignored.
    std::optional<int> width;
    bool transparent = false; ///< no background: the paper shows through
};

/// The largest image side, and the most pixels, an export draws.
inline constexpr int kMaxImageSide = 30000;
inline constexpr double kMaxImagePixels = 250e6;

/// The area a picture of a map covers, in scene units: its title line, the map and the
/// timeline under it, wrapped onto rows for the metrics' rungs as the canvas wraps it, with
/// a margin.
QRectF mapPictureRect(const model::Map& map, const metrics::MapMetrics& metrics);

/// Paints the title line, the map and its timeline in scene units (see mapPictureRect).
void paintMapPicture(QPainter& painter, const model::Project& project, const model::Map& map,
                     const metrics::MapMetrics& metrics, bool withElements = true);

/// The map with its timeline as an image. Throws ExportError when the image would be larger
/// than kMaxImageSide or kMaxImagePixels.
QImage renderMapImage(const model::Project& project, const model::Map& map,
                      const ImageOptions& options = {});

/// The resolution, pixels per inch, a picture of the map gets at `options`.
double imageDpi(const model::Map& map, const metrics::MapMetrics& metrics,
                const ImageOptions& options);

void writePng(const QString& path, const model::Project& project, const model::Map& map,
              const ImageOptions& options = {});

/// An SVG of the map with its timeline, in scene units, with its title and a description.
void writeSvg(const QString& path, const model::Project& project, const model::Map& map);

/// A report (or the one-page summary) as a vector PDF with its title and creator set; text
/// stays text.
void writePdfReport(const QString& path, const PagedDocument& report);

/// The step table in the columns `gemba-cli import-csv` reads, in flow order.
std::string stepsCsv(const model::Project& project, const model::Map& map);

/// One row per figure: key (as `gemba-cli metrics --json` names it), label, value, unit.
/// Durations are seconds, ratios 0-1; a map with errors has empty values.
std::string metricsCsv(const model::Project& project, const model::Map& map,
                       const metrics::MapMetrics& metrics);

/// Writes text to a file atomically. Throws ExportError.
void writeTextFile(const QString& path, const std::string& text);

} // namespace gemba::render
