#include "gemba/store/workshop_export.h"

#include "atomic_file.h"
#include "csv.h"
#include "gemba/model/names.h"
#include "gemba/model/workshop.h"
#include "gemba/store/errors.h"
#include "text_util.h"

#include <ctime>
#include <libical/ical.h>
#include <memory>

namespace gemba::store {

using namespace gemba::model;
using detail::csvCell;

namespace {

std::string personName(const Project& project, Id id) {
    const auto it = project.people.find(id);
    return it == project.people.end() ? std::string() : it->second.name;
}

std::string idList(const std::vector<Id>& ids) {
    std::string out;
    for (Id id : ids)
        out += (out.empty() ? "" : " ") + std::to_string(id);
    return out;
}

std::string row(std::initializer_list<std::string> cells) {
    std::string line;
    bool first = true;
    for (const std::string& cell : cells) {
        if (!first)
            line += ',';
        line += csvCell(cell);
        first = false;
    }
    return line + "\r\n";
}

std::string optionalInt(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

/// A target in words and the file's numbers: "lead_time to 288000".
std::string targetText(const Target& t) {
    std::string text(nameOf(t.figure));
    if (t.element != kNoId)
        text += " of " + std::to_string(t.element);
    if (t.from)
        text += " from " + detail::exactNumber(*t.from);
    if (t.to)
        text += " to " + detail::exactNumber(*t.to);
    if (t.changePercent)
        text += " change " + detail::exactNumber(*t.changePercent) + "%";
    return text;
}

} // namespace

std::string ideasCsv(const Project& project) {
    std::string out = row({"id", "text", "kind", "status", "reason", "impact", "effort", "votes",
                           "proposed by", "date", "concerns", "fit", "fit reasons"});
    for (const auto& [id, idea] : project.workshop.ideas) {
        std::string fit;
        std::string reasons;
        if (idea.fit) {
            const FitAssessment a = assessFit(*idea.fit);
            fit = nameOf(a.fit);
            for (const std::string& r : a.reasonsFor)
                reasons += (reasons.empty() ? "+ " : "; + ") + r;
            for (const std::string& r : a.reasonsAgainst)
                reasons += (reasons.empty() ? "- " : "; - ") + r;
        }
        out += row({std::to_string(id), idea.text, std::string(nameOf(idea.kind)),
                    std::string(nameOf(idea.status)), idea.reason, optionalInt(idea.impact),
                    optionalInt(idea.effort), std::to_string(idea.votes),
                    personName(project, idea.proposedBy), idea.date, idList(idea.concerns), fit,
                    reasons});
    }
    return out;
}

std::string actionsCsv(const Project& project) {
    std::string out = row({"id", "title", "owner", "start", "due", "status", "reason", "changes",
                           "expected effect", "realises", "notes"});
    for (const auto& [id, action] : project.workshop.actions) {
        const Map* realises = project.findMap(action.realises);
        out += row({std::to_string(id), action.title, personName(project, action.owner),
                    action.start, action.due, std::string(nameOf(action.status)), action.reason,
                    idList(action.changes), action.effect ? targetText(*action.effect) : "",
                    realises ? realises->props.name : "", action.notes});
    }
    return out;
}

namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype dateOf(const std::string& iso) {
    icaltimetype t = icaltime_null_date();
    t.year = std::stoi(iso.substr(0, 4));
    t.month = std::stoi(iso.substr(5, 2));
    t.day = std::stoi(iso.substr(8, 2));
    t.is_date = 1;
    return t;
}

/// An all-day event; the calendar takes ownership.
void addEvent(icalcomponent* calendar, const std::string& uid, const std::string& date,
              const std::string& summary, const std::string& description,
              const icaltimetype& stamp) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(event, icalproperty_new_dtstart(dateOf(date)));
    // DTEND of an all-day event is the next day (exclusive), as calendars expect.
    icalcomponent_add_property(event, icalproperty_new_dtend(dateOf(addDays(date, 1))));
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    if (!description.empty())
        icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_component(calendar, event);
}

} // namespace

std::string workshopIcs(const Project& project, const std::string& stampText) {
    const icaltimetype stamp =
        stampText.empty() ? icaltime_current_time_with_zone(icaltimezone_get_utc_timezone())
                          : icaltime_from_string(stampText.c_str());
    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Gemba//Gemba//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    const std::string name = project.props.name.empty() ? "Gemba project" : project.props.name;
    // UIDs stay the same from one export to the next, so a re-import updates the events.
    std::string slug;
    for (char c : name)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    const std::string domain = "." + slug + "@gemba";
    const Workshop& w = project.workshop;
    for (const auto& [id, review] : w.reviews) {
        const std::string date = reviewDate(w.props, review);
        if (!isIsoDate(date))
            continue;
        std::string description = "Review of the action plan of " + name + ".";
        for (Id person : review.attendees)
            if (const auto it = project.people.find(person); it != project.people.end())
                description += "\nAttendee: " + it->second.name;
        addEvent(calendar.get(), "review-" + std::to_string(id) + domain, date,
                 review.title + " (" + name + ")", description, stamp);
    }
    for (const auto& [id, action] : w.actions) {
        if (!isIsoDate(action.due))
            continue;
        std::string description = "Status: " + std::string(nameOf(action.status));
        const std::string owner = personName(project, action.owner);
        if (!owner.empty())
            description += "\nOwner: " + owner;
        addEvent(calendar.get(), "action-" + std::to_string(id) + domain, action.due,
                 "Due: " + action.title + " (" + name + ")", description, stamp);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text ? text : "";
    free(text);
    return out;
}

void writeTextFile(const std::string& text, const std::filesystem::path& file) {
    detail::writeFileAtomically(file, text);
}

} // namespace gemba::store
