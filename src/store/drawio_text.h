#pragma once

#include "gemba/model/project.h"
#include "gemba/model/units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The text of draw.io labels: HTML reduced to lines, and the figures of data boxes as draw.io
/// users type them ("C/T=44 sec", "Uptime 87%", "Avail=27,600"). Rules: docs/file-format.md.
namespace gemba::store::detail {

/// A label's text: tags dropped, <br>, <div>, <p>, <tr> and <li> ending lines, table cells of
/// one row joined by a space, character references decoded, spaces collapsed, empty lines
/// dropped. Line ends break lines in both kinds of label, as draw.io draws them.
std::string labelText(std::string_view label, bool html);
std::vector<std::string> lines(std::string_view text);

/// A number as draw.io users write it. Thousands separated by ',' or '.' ("27,600", "27.600",
/// "1,234,567") and a decimal point or comma ("1.5", "1,5"). A single separator followed by
/// exactly three digits is a thousands separator when `grouping` is allowed, and makes the
/// number ambiguous (nothing, with `ambiguous` set) when it is not.
std::optional<double> readNumber(std::string_view text, bool grouping, bool* ambiguous = nullptr);

/// A duration with its unit ("44 sec", "60 min", "5 dy", "2 wk"), in seconds, or the reason
/// it is refused: no unit, the ambiguous "m", a grouped number.
struct DurationRead {
    std::optional<double> seconds;
    std::string problem;
    /// Half a unit of the last digit written, in seconds: "45 sec" agrees with 44.6 s.
    double tolerance = 0;
    std::optional<model::TimeUnit> unit; ///< the unit written
};
DurationRead readDuration(std::string_view text, const model::Calendar& calendar);

/// The figures of one data box.
struct DataBoxFigures {
    std::optional<double> processTime;
    std::optional<double> cycleTime;
    std::optional<double> leadTime;
    std::optional<double> changeover;
    std::optional<double> uptime;
    std::optional<double> availability;     ///< "Avail= 80%": a share of time, read as uptime
    std::optional<double> availableSeconds; ///< "Avail=27,600": seconds available per day
    std::optional<double> pca;
    std::optional<double> batchSize;
    std::optional<double> defectRate;
    std::optional<double> operators;
    std::vector<std::string> unread;  ///< lines that name no figure Gemba reads
    std::vector<std::string> refused; ///< "line: why"
};

DataBoxFigures readDataBox(const std::vector<std::string>& lines, const model::Calendar& calendar);

/// A "key = value" (or "key: value", or "key value") line split in two, the key lowered with
/// its spaces dropped ("C / T" -> "c/t"). Nothing when the line has no value.
std::optional<std::pair<std::string, std::string>> splitKeyValue(std::string_view line);

/// Text escaped for XML attributes and for HTML labels.
std::string escapeXml(std::string_view text);

} // namespace gemba::store::detail
