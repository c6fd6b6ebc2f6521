#pragma once

#include "gemba/model/project.h"

#include <filesystem>
#include <string>

/// The workshop for other programs: CSV of ideas and of actions (spreadsheets, issue trackers)
/// and an iCalendar file (RFC 5545, written with libical) of the review meetings and the
/// actions' due dates. Columns and events: docs/file-format.md.
namespace gemba::store {

/// One row per idea, in id order, with a header row.
std::string ideasCsv(const model::Project& project);
/// One row per action, in id order, with a header row.
std::string actionsCsv(const model::Project& project);
/// A VCALENDAR with an all-day VEVENT per review that has a date and per action that has a
/// due date. `stamp` is the DTSTAMP (UTC, "20260304T120000Z"); empty: now.
std::string workshopIcs(const model::Project& project, const std::string& stamp = {});

/// Written atomically; InputError naming the file on failure.
void writeTextFile(const std::string& text, const std::filesystem::path& file);

} // namespace gemba::store
