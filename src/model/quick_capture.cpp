#include "gemba/model/quick_capture.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace gemba::model {

namespace {

bool startsWithDigit(const std::string& token) {
    return !token.empty() && (std::isdigit(static_cast<unsigned char>(token.front())) ||
                              (token.front() == '.' && token.size() > 1));
}

} // namespace

Parsed<QuickCapture> parseQuickCapture(std::string_view line, const Calendar& calendar) {
    std::vector<std::string> tokens;
    std::istringstream words{std::string(line)};
    for (std::string word; words >> word;)
        tokens.push_back(word);

    QuickCapture result;
    std::vector<double> durations; // found from the end, so in reverse order
    std::size_t end = tokens.size();
    if (end > 0 && tokens[end - 1].size() > 1 && tokens[end - 1].back() == '%') {
        const std::string number = tokens[end - 1].substr(0, tokens[end - 1].size() - 1);
        if (auto value = parseNumber(number)) {
            if (*value <= 0 || *value > 100)
                return {"%C&A " + tokens[end - 1] + " must be above 0% and at most 100%"};
            result.pca = *value;
            --end;
        }
    }
    while (end > 0 && durations.size() < 2) {
        // "30 min" (two tokens) or "30min" (one).
        if (end >= 2 && startsWithDigit(tokens[end - 2]) && !startsWithDigit(tokens[end - 1])) {
            const auto parsed = parseDuration(tokens[end - 2] + " " + tokens[end - 1], calendar);
            if (parsed.ok()) {
                durations.push_back(parsed.value());
                end -= 2;
                continue;
            }
            if (parsed.error().find("ambiguous") != std::string::npos)
                return {parsed.error()};
        }
        if (startsWithDigit(tokens[end - 1])) {
            const auto parsed = parseDuration(tokens[end - 1], calendar);
            if (parsed.ok()) {
                durations.push_back(parsed.value());
                --end;
                continue;
            }
            if (parsed.error().find("ambiguous") != std::string::npos)
                return {parsed.error()};
        }
        break;
    }
    for (std::size_t i = 0; i < end; ++i)
        result.name += (i ? " " : "") + tokens[i];
    if (result.name.empty())
        return {std::string("a step needs a name before its times")};
    if (durations.size() == 2) {
        result.processTime = durations[1];
        result.leadTime = durations[0];
    } else if (durations.size() == 1) {
        result.processTime = durations[0];
    }
    if (result.processTime && result.leadTime && *result.leadTime < *result.processTime)
        return {"lead time " + formatDuration(*result.leadTime, calendar) +
                " is shorter than process time " + formatDuration(*result.processTime, calendar)};
    return {result};
}

} // namespace gemba::model
