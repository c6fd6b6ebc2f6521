#include "gemba/model/workshop.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace gemba::model {

FitAssessment assessFit(const FitChecklist& c) {
    FitAssessment out;
    std::vector<std::string> blockers;
    std::vector<std::string> concerns;
    auto open = [&](const char* question) {
        concerns.push_back(std::string("not yet answered: ") + question);
    };

    if (!c.repetitive)
        open("how repetitive the work is");
    else if (*c.repetitive == Level::High)
        out.reasonsFor.push_back("the work is highly repetitive");
    else if (*c.repetitive == Level::Medium)
        concerns.push_back("the work is only partly repetitive");
    else
        blockers.push_back("the work is rarely the same twice: little to automate");

    if (!c.uniform)
        open("how uniform the requests are");
    else if (*c.uniform == Level::High)
        out.reasonsFor.push_back("the requests are uniform, mostly the same few questions");
    else if (*c.uniform == Level::Medium)
        concerns.push_back("the requests vary: some will still need a person");
    else
        blockers.push_back("each request is specific and technical");

    if (!c.data)
        open("where the data is");
    else if (*c.data == DataSource::System)
        out.reasonsFor.push_back("the data is in a system");
    else if (*c.data == DataSource::Mixed)
        concerns.push_back("part of the data is on paper or in people's heads");
    else
        blockers.push_back("the data is on paper: digitise it first");

    if (!c.mistakeCost)
        open("how costly a mistake is");
    else if (*c.mistakeCost == Level::Low)
        out.reasonsFor.push_back("a mistake is cheap to put right");
    else if (*c.mistakeCost == Level::Medium)
        concerns.push_back("a mistake has a cost: plan a person's check");
    else
        concerns.push_back("a mistake is costly: a person must check every result");

    if (!c.frequency)
        open("how often the work occurs");
    else if (*c.frequency == Level::Low)
        concerns.push_back("the work is rare: the saving may not repay the effort");
    else
        out.reasonsFor.push_back(*c.frequency == Level::High ? "the work occurs often"
                                                             : "the work occurs regularly");

    out.fit = !blockers.empty() ? Fit::Poor : !concerns.empty() ? Fit::Possible : Fit::Good;
    out.reasonsAgainst = std::move(blockers);
    out.reasonsAgainst.insert(out.reasonsAgainst.end(), concerns.begin(), concerns.end());
    return out;
}

Id Workshop::largestIdInUse() const {
    Id largest = kNoId;
    auto consider = [&](const auto& collection) {
        if (!collection.empty())
            largest = std::max(largest, collection.rbegin()->first);
    };
    consider(ideas);
    consider(actions);
    consider(reviews);
    consider(parkingLot);
    consider(glossary);
    consider(lessons);
    consider(summaries);
    return largest;
}

namespace {

std::optional<std::chrono::year_month_day> parseDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    const int y = std::stoi(text.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                           std::chrono::day{d}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

} // namespace

bool isIsoDate(const std::string& text) {
    return parseDate(text).has_value();
}

std::string addDays(const std::string& isoDate, int days) {
    const auto date = parseDate(isoDate);
    if (!date)
        return {};
    const std::chrono::year_month_day moved{std::chrono::sys_days{*date} + std::chrono::days{days}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(moved.year()),
                  static_cast<unsigned>(moved.month()), static_cast<unsigned>(moved.day()));
    return text;
}

std::string reviewDate(const WorkshopProps& props, const Review& review) {
    if (!review.date.empty())
        return review.date;
    return addDays(props.endDate, review.dayOffset);
}

} // namespace gemba::model
