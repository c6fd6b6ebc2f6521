#include "gemba/store/errors.h"
#include "gemba/store/events.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace gemba;
using store::DateOrder;
using store::EventReadOptions;

namespace {

std::int64_t at(int y, int mo, int d, int h, int mi = 0, int s = 0) {
    return static_cast<std::int64_t>(model::dayFromCivil(y, mo, d)) * 86400 + h * 3600 + mi * 60 +
           s;
}

model::EventLog csv(const std::string& text, EventReadOptions options = {}) {
    std::istringstream in(text);
    return store::readEventCsv(in, "log.csv", options);
}

std::string csvError(const std::string& text, EventReadOptions options = {}) {
    try {
        csv(text, options);
    } catch (const store::InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("timestamps: ISO 8601, zones and spreadsheet forms", "[events]") {
    using store::parseTimestamp;
    const auto iso = DateOrder::Unstated;
    CHECK(parseTimestamp("2026-03-04T14:05:00Z", iso, 0).value() == at(2026, 3, 4, 14, 5));
    CHECK(parseTimestamp("2026-03-04 14:05", iso, 0).value() == at(2026, 3, 4, 14, 5));
    CHECK(parseTimestamp("2026-03-04T14:05:00.250+01:00", iso, 0).value() == at(2026, 3, 4, 13, 5));
    CHECK(parseTimestamp("2026-03-04T14:05:00-0530", iso, 0).value() == at(2026, 3, 4, 19, 35));
    CHECK(parseTimestamp("2026-03-04", iso, 0).value() == at(2026, 3, 4, 0));
    // A timestamp without a zone is in the given default zone.
    CHECK(parseTimestamp("2026-03-04 14:05", iso, 60).value() == at(2026, 3, 4, 13, 5));
    CHECK(parseTimestamp("04/03/2026 14:05", DateOrder::DayFirst, 0).value() ==
          at(2026, 3, 4, 14, 5));
    CHECK(parseTimestamp("04/03/2026 14:05", DateOrder::MonthFirst, 0).value() ==
          at(2026, 4, 3, 14, 5));
    CHECK(parseTimestamp("04.03.2026 14:05:30", DateOrder::DayFirst, 0).value() ==
          at(2026, 3, 4, 14, 5, 30));
    CHECK(parseTimestamp("04/03/2026 14:05", iso, 0).error().find("date order") !=
          std::string::npos);
    CHECK(parseTimestamp("13/13/2026", DateOrder::DayFirst, 0).error().find("day/month/year") !=
          std::string::npos);
    CHECK_FALSE(parseTimestamp("2026-02-30 10:00", iso, 0).ok());
    CHECK_FALSE(parseTimestamp("2026-03-04 25:00", iso, 0).ok());
    CHECK_FALSE(parseTimestamp("yesterday", iso, 0).ok());
    CHECK_FALSE(parseTimestamp("2026-03-04T10:00+99:00", iso, 0).ok());
}

TEST_CASE("event CSV: default columns, end times, out of order, duplicates", "[events]") {
    const model::EventLog log = csv("Case,Activity,Start,End,Resource,Team,Type\n"
                                    "A,Review,2026-03-04 10:00,2026-03-04 11:00,Ann,QA,bug\n"
                                    "A,Build,2026-03-04 08:00,2026-03-04 09:00,Bob,Dev,bug\n"
                                    "A,Review,2026-03-04 10:00,2026-03-04 11:00,Ann,QA,bug\n"
                                    "\n"
                                    "B,Build,2026-03-05T08:00+01:00,2026-03-05T09:00+01:00,,,\n");
    REQUIRE(log.events.size() == 3);
    CHECK(log.duplicatesDropped == 1);
    CHECK(log.items == std::vector<std::string>{"A", "B"});
    CHECK(log.activities[log.events[0].activity] == "Build"); // sorted by start within A
    CHECK(log.events[0].row == 3);
    CHECK(log.resources[log.events[1].resource] == "Ann");
    CHECK(log.roles[log.events[1].role] == "QA");
    CHECK(log.types[log.itemTypes[0]] == "bug");
    CHECK(log.events[2].start == at(2026, 3, 5, 7)); // mixed zones end in UTC
}

TEST_CASE("event CSV: mapped columns, semicolons, lifecycle and rows without an end", "[events]") {
    EventReadOptions options;
    options.columns.item = "Ticket";
    options.columns.activity = "Step";
    options.columns.timestamp = "When";
    options.dateOrder = DateOrder::DayFirst;
    const model::EventLog log = csv("Ticket;Step;When;Lifecycle\n"
                                    "T1;Code;04/03/2026 09:00;start\n"
                                    "T1;Code;04/03/2026 11:00;complete\n"
                                    "T1;Test;04/03/2026 12:00;complete\n"
                                    "T1;Ship;05/03/2026 09:00;start\n",
                                    options);
    REQUIRE(log.events.size() == 3);
    CHECK(log.events[0].start == at(2026, 3, 4, 9));
    CHECK(log.events[0].end == at(2026, 3, 4, 11));
    CHECK(log.events[1].start == log.events[1].end); // a complete alone is an instant
    CHECK(log.events[2].open);                       // started, never completed

    // Without end or lifecycle columns, a row lasts until the item's next event.
    const model::EventLog chain = csv("item,status,timestamp\n"
                                      "X,Open,2026-03-04 09:00\n"
                                      "X,Doing,2026-03-04 10:00\n"
                                      "X,Done,2026-03-04 12:00\n");
    REQUIRE(chain.events.size() == 3);
    CHECK(chain.events[0].end == at(2026, 3, 4, 10));
    CHECK(chain.events[1].end == at(2026, 3, 4, 12));
    CHECK(chain.events[2].end == chain.events[2].start);
}

TEST_CASE("event CSV: a bad row names its row and column, nothing is returned", "[events]") {
    CHECK(csvError("case,activity,timestamp\nA,Build,2026-03-04 10:00\nA,Test,soon\n") ==
          "log.csv: row 3, column 'timestamp' (C): 'soon' is not a timestamp like "
          "2026-03-04T14:05:00Z or 04/03/2026 14:05");
    CHECK(csvError("case,activity,start,end\nA,Build,2026-03-04 10:00,2026-03-04 09:00\n")
              .find("row 2, column 'end' (D): ends (2026-03-04T09:00:00Z) before it starts") !=
          std::string::npos);
    CHECK(csvError("case,activity,timestamp\n,Build,2026-03-04 10:00\n") ==
          "log.csv: row 2, column 'case' (A): is empty");
    CHECK(csvError("id,when\n1,2026-03-04\n").find("no column for the activity") !=
          std::string::npos);
    EventReadOptions options;
    options.columns.item = "Issue";
    CHECK(csvError("case,activity,timestamp\n", options) ==
          "log.csv: row 1: no column 'Issue' for the item");
    CHECK(csvError("") == "log.csv: the file is empty: no header row");
    CHECK(csvError("case,activity,timestamp\n\"A,Build,2026-03-04\n").find("never closed") !=
          std::string::npos);
    CHECK(csvError("case,activity,timestamp\nA,\xff\xfe,2026-03-04\n").find("UTF-8") !=
          std::string::npos);
}

TEST_CASE("status history: each status lasts until the next change; the last is open", "[events]") {
    std::istringstream in("Key,From Status,To Status,Changed At,Author\n"
                          "J-1,Open,In Progress,2026-03-06 16:00,ann\n"
                          "J-1,In Progress,Done,2026-03-09 10:00,ann\n"
                          "J-1,,Open,2026-03-06 09:00,bob\n"
                          "J-2,Open,In Progress,2026-03-09 09:00,bob\n");
    const model::EventLog log = store::readStatusHistoryCsv(in, "jira.csv", {});
    REQUIRE(log.events.size() == 4);
    CHECK(log.activities[log.events[0].activity] == "Open");
    CHECK(log.events[0].end == at(2026, 3, 6, 16));
    CHECK(log.events[1].end == at(2026, 3, 9, 10));
    CHECK(log.events[2].open); // J-1 is Done now
    CHECK(log.events[3].open); // J-2 is in progress
}

TEST_CASE("XES: traces, start and complete, streamed with expat", "[events]") {
    const std::string xes = R"(<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <string key="concept:name" value="the log's name is not a case"/>
  <trace>
    <string key="concept:name" value="case-1"/>
    <event>
      <string key="concept:name" value="Build"/>
      <string key="lifecycle:transition" value="start"/>
      <date key="time:timestamp" value="2026-03-04T09:00:00.000+01:00"/>
      <string key="org:resource" value="Ann"/>
    </event>
    <event>
      <string key="concept:name" value="Build"/>
      <string key="lifecycle:transition" value="complete"/>
      <date key="time:timestamp" value="2026-03-04T11:00:00.000+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Ship"/>
      <date key="time:timestamp" value="2026-03-04T12:00:00Z"/>
    </event>
  </trace>
</log>)";
    std::istringstream in(xes);
    const model::EventLog log = store::readXes(in, "log.xes", {});
    REQUIRE(log.events.size() == 2);
    CHECK(log.items == std::vector<std::string>{"case-1"});
    CHECK(log.events[0].start == at(2026, 3, 4, 8));
    CHECK(log.events[0].end == at(2026, 3, 4, 10));
    CHECK(log.resources[log.events[0].resource] == "Ann");
    CHECK(log.events[1].start == log.events[1].end);

    auto xesError = [](const std::string& text) {
        std::istringstream bad(text);
        try {
            store::readXes(bad, "log.xes", {});
        } catch (const store::InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(xesError("<log><trace><string key=\"concept:name\" value=\"c\"/>\n<event>"
                   "<string key=\"concept:name\" value=\"A\"/></event></trace></log>") ==
          "log.xes: line 2: an event without time:timestamp");
    CHECK(xesError("<log><trace>").find("not well-formed XML") != std::string::npos);
    CHECK(xesError("<log><trace><event><string key=\"concept:name\" value=\"A\"/>"
                   "<date key=\"time:timestamp\" value=\"2026-03-04\"/></event></trace></log>") ==
          "log.xes: line 1: a trace without concept:name (the item's id)");
    CHECK(xesError("").find("empty") != std::string::npos);
}
