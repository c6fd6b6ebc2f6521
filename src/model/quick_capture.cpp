#include "gemba/model/quick_capture.h"

#include "gemba/model/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <sstream>
#include <vector>

namespace gemba::model {

namespace {

using Kind = QuickCapture::Kind;
using Placement = QuickCapture::Placement;

bool startsWithDigit(const std::string& token) {
    return !token.empty() && (std::isdigit(static_cast<unsigned char>(token.front())) ||
                              (token.front() == '.' && token.size() > 1));
}

bool isOneOf(const std::string& token, std::initializer_list<std::string_view> words) {
    const std::string lower = toLower(token);
    return std::ranges::find(words, lower) != words.end();
}

/// "30%" as 30, or nothing when the token is not a percentage.
std::optional<double> percentOf(const std::string& token) {
    if (token.size() < 2 || token.back() != '%')
        return std::nullopt;
    return parseNumber(token.substr(0, token.size() - 1));
}

struct ValueTag {
    std::string_view word;
    std::optional<ValueClass> value;
    unsigned waste;
};

constexpr std::array kValueTags = {
    ValueTag{"va", ValueClass::ValueAdding, 0},
    ValueTag{"nva", ValueClass::NecessaryNonValueAdding, 0},
    ValueTag{"waste", ValueClass::Waste, 0},
    ValueTag{"defects", ValueClass::Waste, static_cast<unsigned>(WasteKind::Defects)},
    ValueTag{"waiting", ValueClass::Waste, static_cast<unsigned>(WasteKind::Waiting)},
    ValueTag{"overproduction", ValueClass::Waste, static_cast<unsigned>(WasteKind::Overproduction)},
    ValueTag{"overprocessing", ValueClass::Waste, static_cast<unsigned>(WasteKind::OverProcessing)},
    ValueTag{"handoffs", ValueClass::Waste, static_cast<unsigned>(WasteKind::HandoffsTransport)},
    ValueTag{"motion", ValueClass::Waste, static_cast<unsigned>(WasteKind::MotionTaskSwitching)},
    ValueTag{"inventory", ValueClass::Waste, static_cast<unsigned>(WasteKind::Inventory)},
    ValueTag{"talent", ValueClass::Waste, static_cast<unsigned>(WasteKind::UnusedTalent)},
};

/// `@Legal_team` -> "Legal team": an underscore stands for a space inside one word.
std::string tagText(const std::string& token) {
    std::string out = token.substr(1);
    std::ranges::replace(out, '_', ' ');
    return out;
}

/// "1,200" -> 1200, "1200" -> 1200, "12.5" -> 12.5; "1,5" is refused (a decimal comma or a
/// mistyped thousand?).
Parsed<double> parseQuantity(const std::string& token) {
    static const std::regex grouped(R"(\d{1,3}(,\d{3})+)");
    if (token.find(',') != std::string::npos) {
        if (!std::regex_match(token, grouped))
            return {"'" + token +
                    "' is not a count (write 1200 or 1,200; a decimal takes a point)"};
        std::string digits = token;
        std::erase(digits, ',');
        return {*parseNumber(digits)};
    }
    const auto number = parseNumber(token);
    if (!number)
        return {"'" + token + "' is not a count"};
    return {*number};
}

/// A duration read off the end of a line: the tokens it came from, its parts.
struct Piece {
    std::size_t first = 0; ///< first token
    double value = 0;
    std::optional<TimeUnit> unit; ///< empty for "1:30" (already seconds)
};

/// Reads duration pieces off the end of tokens[0, end): "30 min", "30min", "1:30". Returns
/// them in line order, and an error for what cannot be read for sure ("30 m").
Parsed<std::vector<Piece>> trailingPieces(const std::vector<std::string>& tokens, std::size_t end,
                                          std::size_t maxPieces, const Calendar& calendar) {
    std::vector<Piece> pieces;
    auto problem = [](const Parsed<double>& parsed) -> std::optional<std::string> {
        if (!parsed.ok() && parsed.error().find("ambiguous") != std::string::npos)
            return parsed.error();
        return std::nullopt;
    };
    while (end > 0 && pieces.size() < maxPieces) {
        const std::string& last = tokens[end - 1];
        if (end >= 2 && startsWithDigit(tokens[end - 2]) && !startsWithDigit(last)) {
            const auto number = parseNumber(tokens[end - 2]);
            const auto unit = timeUnitFromText(last);
            if (number && unit) {
                pieces.push_back({end - 2, *number, unit});
                end -= 2;
                continue;
            }
            const auto parsed = parseDuration(tokens[end - 2] + " " + last, calendar);
            if (auto error = problem(parsed))
                return {*error};
        }
        if (startsWithDigit(last)) {
            const auto parsed = parseDuration(last, calendar);
            if (parsed.ok()) {
                // Glued ("30min") or a clock ("1:30"): split off the unit again to compound.
                std::size_t split = 0;
                while (
                    split < last.size() &&
                    (std::isdigit(static_cast<unsigned char>(last[split])) || last[split] == '.'))
                    ++split;
                const auto unit = timeUnitFromText(std::string_view(last).substr(split));
                if (unit && last.find(':') == std::string::npos)
                    pieces.push_back({end - 1, *parseNumber(last.substr(0, split)), unit});
                else
                    pieces.push_back({end - 1, parsed.value(), std::nullopt});
                --end;
                continue;
            }
            if (auto error = problem(parsed))
                return {*error};
        }
        break;
    }
    std::ranges::reverse(pieces);
    return {pieces};
}

/// A group of pieces that make one duration, from token `first` on.
struct Duration {
    std::size_t first = 0;
    double seconds = 0;
};

/// Joins pieces into durations: "1 h 30 min" is one, "30 min 2 d" two.
std::vector<Duration> groupPieces(const std::vector<Piece>& pieces, const Calendar& calendar) {
    std::vector<Duration> out;
    std::vector<std::pair<double, TimeUnit>> parts;
    for (const Piece& piece : pieces) {
        if (piece.unit && !parts.empty()) {
            auto extended = parts;
            extended.push_back({piece.value, *piece.unit});
            if (auto seconds = compoundDuration(extended, calendar)) {
                parts = std::move(extended);
                out.back().seconds = *seconds;
                continue;
            }
        }
        parts.clear();
        if (piece.unit) {
            parts.push_back({piece.value, *piece.unit});
            out.push_back({piece.first, piece.value * secondsPer(*piece.unit, calendar)});
        } else {
            out.push_back({piece.first, piece.value});
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& tokens, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += (i > from ? " " : "") + tokens[i];
    return out;
}

} // namespace

Parsed<QuickCapture> parseQuickCapture(std::string_view line, const Calendar& calendar) {
    std::vector<std::string> tokens;
    std::istringstream words{std::string(line)};
    for (std::string word; words >> word;)
        tokens.push_back(word);
    if (tokens.empty())
        return {std::string("the line is empty")};

    QuickCapture result;
    // Where the element goes: beside the current one, or a loop back from it.
    if (isOneOf(tokens.front(), {"and", "parallel", "||"})) {
        result.placement = Placement::Parallel;
        tokens.erase(tokens.begin());
    } else if (isOneOf(tokens.front(), {"or", "alt"})) {
        result.placement = Placement::Alternative;
        const auto share = tokens.size() > 1 ? percentOf(tokens[1]) : std::nullopt;
        if (!share)
            return {std::string("an alternative route needs its share first: or 30% Fast "
                                "track 2 h")};
        if (*share <= 0 || *share >= 100)
            return {"the share " + tokens[1] +
                    " of an alternative must be above 0% and below 100%"};
        result.share = *share / 100.0;
        tokens.erase(tokens.begin(), tokens.begin() + 2);
    } else if (tokens.size() >= 2 && isOneOf(tokens[0], {"back"}) && isOneOf(tokens[1], {"to"})) {
        result.kind = Kind::Loop;
        const auto share = percentOf(tokens.back());
        if (tokens.size() < 4 || !share)
            return {std::string("a loop names the step it goes back to and the share that "
                                "returns: back to Draft 20%")};
        if (*share <= 0 || *share >= 100)
            return {"the return share " + tokens.back() + " must be above 0% and below 100%"};
        result.share = *share / 100.0;
        result.name = joined(tokens, 2, tokens.size() - 1);
        return {result};
    }
    if (tokens.empty())
        return {std::string("a step needs a name")};

    // What it is: a step unless the line starts with a wait's or an inventory's word.
    if (isOneOf(tokens.front(), {"wait", "waiting", "queue"}))
        result.kind = Kind::Wait;
    else if (isOneOf(tokens.front(), {"inventory", "stock"}))
        result.kind = Kind::Inventory;

    // Tags stand anywhere: @role, #system, !value, x2 (headcount).
    std::vector<std::string> rest;
    bool tagged = false;
    for (const std::string& token : tokens) {
        if (token.size() > 1 && token.front() == '@') {
            if (!result.role.empty())
                return {"two roles (@" + result.role + " and " + token + "): a step has one"};
            result.role = tagText(token);
            tagged = true;
        } else if (token.size() > 1 && token.front() == '#') {
            result.systems.push_back(tagText(token));
            tagged = true;
        } else if (token.size() > 1 && token.front() == '!') {
            const std::string word = toLower(token.substr(1));
            const auto tag = std::ranges::find(kValueTags, word, &ValueTag::word);
            if (tag == kValueTags.end())
                return {"unknown tag " + token +
                        " (use !va, !nva or !waste, or a waste: !defects, !waiting, "
                        "!overproduction, !overprocessing, !handoffs, !motion, !inventory, "
                        "!talent)"};
            if (result.value && tag->value && *result.value != *tag->value)
                return {"a step has one value class; " + token + " contradicts an earlier tag"};
            result.value = tag->value;
            result.wastes |= tag->waste;
            tagged = true;
        } else if (token.size() > 1 && (token.front() == 'x' || token.front() == 'X') &&
                   startsWithDigit(token.substr(1))) {
            const auto count = parseNumber(token.substr(1));
            if (!count || *count <= 0)
                return {"headcount " + token + " must be a number above 0 (x2)"};
            result.headcount = *count;
            tagged = true;
        } else {
            rest.push_back(token);
        }
    }
    if (tagged && result.kind != Kind::Step)
        return {std::string("roles, systems, headcounts and value tags belong to steps, not to "
                            "waits or inventories")};

    std::size_t end = rest.size();
    if (result.kind == Kind::Inventory) {
        // inventory [label] 1,200 [pcs]
        if (end >= 2 && !startsWithDigit(rest[end - 1]) && startsWithDigit(rest[end - 2]))
            --end; // the items' unit word: pcs, forms, orders
        if (end < 1 || !startsWithDigit(rest[end - 1]))
            return {std::string("an inventory needs its count: inventory 1,200 or "
                                "inventory 1200 pcs")};
        const auto quantity = parseQuantity(rest[end - 1]);
        if (!quantity.ok())
            return {quantity.error()};
        result.quantity = quantity.value();
        --end;
        result.name = end > 1 ? joined(rest, 0, end) : std::string();
        return {result};
    }

    if (end > 0 && result.kind == Kind::Step) {
        if (const auto pca = percentOf(rest[end - 1])) {
            if (*pca <= 0 || *pca > 100)
                return {"%C&A " + rest[end - 1] + " must be above 0% and at most 100%"};
            result.pca = *pca;
            --end;
        }
    }
    const auto pieces = trailingPieces(rest, end, 6, calendar);
    if (!pieces.ok())
        return {pieces.error()};
    std::vector<Duration> durations = groupPieces(pieces.value(), calendar);
    const std::size_t wanted = result.kind == Kind::Wait ? 1 : 2;
    // Durations beyond those wanted are part of the name ("Plan 2 wk sprint 1 h").
    if (durations.size() > wanted)
        durations.erase(durations.begin(),
                        durations.begin() + static_cast<long>(durations.size() - wanted));
    if (!durations.empty())
        end = durations.front().first;

    if (result.kind == Kind::Wait) {
        if (durations.empty())
            return {std::string("a wait needs its time: wait 2 d")};
        result.waitTime = durations.front().seconds;
        result.name = end > 1 ? joined(rest, 0, end) : std::string();
        return {result};
    }

    result.name = joined(rest, 0, end);
    if (result.name.empty())
        return {std::string("a step needs a name before its times")};
    if (durations.size() == 2) {
        result.processTime = durations[0].seconds;
        result.leadTime = durations[1].seconds;
    } else if (durations.size() == 1) {
        result.processTime = durations[0].seconds;
    }
    if (result.processTime && result.leadTime && *result.leadTime < *result.processTime)
        return {"lead time " + formatDuration(*result.leadTime, calendar) +
                " is shorter than process time " + formatDuration(*result.processTime, calendar)};
    return {result};
}

} // namespace gemba::model
