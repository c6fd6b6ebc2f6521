#include "event_generator.h"

#include <cmath>
#include <functional>
#include <ostream>
#include <random>
#include <vector>

namespace gemba::bench {

model::WorkingHours EventLogParameters::defaultHours() {
    model::WorkingHours hours = model::WorkingHours::office();
    for (const char* day : {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                            "2026-05-25", "2026-12-25", "2026-12-26"})
        hours.holidays.push_back(*model::parseIsoDate(day));
    return hours;
}

namespace {

struct Event {
    std::string activity;
    std::int64_t start;
    std::int64_t end;
    const char* resource;
    const char* role;
};

/// Calls `sink(item name, type, events)` for each generated item.
GeneratedLog generate(
    const EventLogParameters& p,
    const std::function<void(const std::string&, const char*, const std::vector<Event>&)>& sink) {
    const model::WorkingClock clock(p.hours);
    std::mt19937_64 random(p.seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::normal_distribution<double> normal(0.0, 1.0);
    auto hoursOf = [&](double median) {
        return median * 3600.0 * std::exp(p.sigma * normal(random));
    };
    const auto first = static_cast<std::int64_t>(*model::parseIsoDate(p.firstDay)) * 86400 -
                       std::int64_t{p.hours.utcOffsetMinutes} * 60;
    const double secondsPerDay = p.hours.secondsPerWeek() / 5.0;
    const double gap = secondsPerDay / p.arrivalsPerDay; // working seconds between arrivals
    const char* developers[] = {"Ana", "Ben", "Chen", "Dara", "Eli"};
    const char* testers[] = {"Fay", "Gus"};
    GeneratedLog written;
    std::vector<Event> events;
    double arrivalWork = 0;
    for (std::size_t i = 0; i < p.items; ++i) {
        arrivalWork += gap * -std::log(1.0 - uniform(random)); // Poisson arrivals
        std::int64_t t = clock.advance(first, arrivalWork);
        events.clear();
        auto stage = [&](const char* activity, double median, const char* resource,
                         const char* role) {
            const std::int64_t end = clock.advance(t, hoursOf(median));
            events.push_back({activity, t, end, resource, role});
            t = end;
        };
        const char* developer = developers[random() % 5];
        stage("Backlog", p.backlog, "", "");
        stage("Analyse", p.analyse, "Pia", "Product");
        if (uniform(random) < p.hotfixShare) {
            stage("Hotfix", p.hotfix, developer, "Dev");
        } else {
            if (uniform(random) < p.designShare)
                stage("Design", p.design, "Uma", "Design");
            stage("Ready for dev", p.readyForDev, "", "");
            stage("Develop", p.develop, developer, "Dev");
            stage("Code review", p.review, developers[(random() % 4 + 1) % 5], "Dev");
            while (uniform(random) < p.reworkShare) {
                stage("Changes requested", p.changesRequested, "", "");
                stage("Develop", p.develop, developer, "Dev");
                stage("Code review", p.review, "Ana", "Dev");
            }
            stage("Ready for test", p.readyForTest, "", "");
            // Test and Docs start together; the item goes on when both are done.
            const std::int64_t start = t;
            const std::int64_t testEnd = clock.advance(start, hoursOf(p.test));
            const std::int64_t docsEnd = clock.advance(start, hoursOf(p.docs));
            events.push_back({"Test", start, testEnd, testers[random() % 2], "QA"});
            events.push_back({"Docs", start, docsEnd, "Wes", "Writers"});
            t = std::max(testEnd, docsEnd);
        }
        stage("Deploy", p.deploy, "Oz", "Ops");
        const char* type = uniform(random) < 0.3 ? "bug" : "story";
        sink("SD-" + std::to_string(i + 1), type, events);
        ++written.items;
        written.events += events.size();
    }
    return written;
}

void writeTimestamp(std::ostream& out, std::int64_t instant) {
    out << model::isoTimestamp(instant);
}

} // namespace

GeneratedLog writeEventCsv(std::ostream& out, const EventLogParameters& parameters) {
    out << "case,activity,start,end,resource,role,type\n";
    return generate(parameters, [&](const std::string& item, const char* type,
                                    const std::vector<Event>& events) {
        for (const Event& e : events) {
            out << item << ',' << e.activity << ',';
            writeTimestamp(out, e.start);
            out << ',';
            writeTimestamp(out, e.end);
            out << ',' << e.resource << ',' << e.role << ',' << type << '\n';
        }
    });
}

GeneratedLog writeEventXes(std::ostream& out, const EventLogParameters& parameters) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n";
    const GeneratedLog written = generate(parameters, [&](const std::string& item, const char* type,
                                                          const std::vector<Event>& events) {
        out << " <trace>\n  <string key=\"concept:name\" value=\"" << item << "\"/>\n"
            << "  <string key=\"type\" value=\"" << type << "\"/>\n";
        for (const Event& e : events)
            for (const bool start : {true, false}) {
                out << "  <event><string key=\"concept:name\" value=\"" << e.activity
                    << "\"/><string key=\"lifecycle:transition\" value=\""
                    << (start ? "start" : "complete") << "\"/><date key=\"time:timestamp\" "
                    << "value=\"";
                writeTimestamp(out, start ? e.start : e.end);
                out << "\"/>";
                if (*e.resource)
                    out << "<string key=\"org:resource\" value=\"" << e.resource << "\"/>";
                out << "</event>\n";
            }
        out << " </trace>\n";
    });
    out << "</log>\n";
    return written;
}

} // namespace gemba::bench
