#pragma once

#include "gemba/model/calendar.h"

#include <cstdint>
#include <iosfwd>
#include <string>

/// Event logs of a software-delivery process with known parameters, for the tests, the
/// example and the benchmark. Every item arrives at a random working instant and goes:
///   Backlog (wait) -> Analyse -> [Design, share designShare] -> Ready for dev (wait)
///   -> Develop -> Code review -> [back to Develop via Changes requested (wait),
///   share reworkShare of the reviews] -> Ready for test (wait) -> Test and Docs in parallel
///   -> Deploy
/// and a share hotfixShare goes Analyse -> Hotfix -> Deploy instead (a rare route). Each step
/// and wait takes a log-normal working time with the given median (sigma 0.5), counted on
/// `hours` (working hours and holidays): the derived medians must come back.
namespace gemba::bench {

struct EventLogParameters {
    std::size_t items = 2000;
    double arrivalsPerDay = 40; ///< items arriving per working day
    std::uint64_t seed = 12;
    std::string firstDay = "2026-01-05";
    model::WorkingHours hours = defaultHours();
    double designShare = 0.25;
    double reworkShare = 0.20; ///< of the reviews, sent back to Develop
    double hotfixShare = 0.01;
    double sigma = 0.5;
    // Medians, in working hours.
    double backlog = 8, analyse = 2, design = 4, readyForDev = 6, develop = 8, review = 1,
           changesRequested = 2, readyForTest = 4, test = 3, docs = 1.5, deploy = 0.5, hotfix = 3;

    /// Office hours with the holidays of the first half of 2026 in many offices.
    static model::WorkingHours defaultHours();
};

/// What was written.
struct GeneratedLog {
    std::size_t items = 0;
    std::size_t events = 0;
};

/// Event CSV: case,activity,start,end,resource,role,type with ISO 8601 UTC timestamps.
GeneratedLog writeEventCsv(std::ostream& out, const EventLogParameters& parameters);
/// The same events as XES (start and complete of each activity).
GeneratedLog writeEventXes(std::ostream& out, const EventLogParameters& parameters);

} // namespace gemba::bench
