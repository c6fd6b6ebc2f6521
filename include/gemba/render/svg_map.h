#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/project.h"

#include <QByteArray>

/// The map picture as SVG for other tools: each element of the map is a group with a stable id
/// (`step-12`, the element's id, as the CSV map table's `ref`), a class per kind and data-*
/// attributes carrying its figures; the title names the map once.
namespace gemba::render {

/// The SVG text of the picture paintMapPicture draws. Throws ExportError when Qt's SVG writer
/// cannot start.
QByteArray mapSvg(const model::Project& project, const model::Map& map,
                  const metrics::MapMetrics& metrics);

} // namespace gemba::render
