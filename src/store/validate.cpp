#include "validate.h"

#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "text_util.h"

#include <cmath>
#include <unordered_map>

namespace gemba::store::detail {

using namespace gemba::model;

std::string_view subjectName(Subject subject) {
    switch (subject) {
    case Subject::Project:
        return "project";
    case Subject::Person:
        return "person";
    case Subject::System:
        return "system";
    case Subject::Map:
        return "map";
    case Subject::Step:
        return "step";
    case Subject::Wait:
        return "wait";
    case Subject::Party:
        return "party";
    case Subject::InfoBox:
        return "info box";
    case Subject::Note:
        return "note";
    case Subject::RedPen:
        return "red pen";
    case Subject::Flow:
        return "flow";
    case Subject::Idea:
        return "idea";
    case Subject::Action:
        return "action";
    case Subject::Review:
        return "review";
    case Subject::ParkingItem:
        return "parking lot item";
    case Subject::Term:
        return "glossary term";
    case Subject::Lesson:
        return "lesson";
    case Subject::DaySummary:
        return "day summary";
    }
    return "entity";
}

namespace {

std::string show(double value) {
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "infinity" : "-infinity";
    return formatNumber(value, 6);
}

} // namespace

std::optional<std::string> checkFinite(double value) {
    if (!std::isfinite(value))
        return show(value) + " is not a finite number";
    return std::nullopt;
}

std::optional<std::string> checkDuration(double seconds) {
    if (auto bad = checkFinite(seconds))
        return bad;
    if (seconds < 0)
        return show(seconds) + " s is negative; durations cannot be";
    return std::nullopt;
}

std::optional<std::string> checkPercent(double value) {
    if (auto bad = checkFinite(value))
        return bad;
    if (value < 0 || value > 100)
        return show(value) + " is not a percentage from 0 to 100";
    return std::nullopt;
}

std::optional<std::string> checkShare(double value) {
    if (auto bad = checkFinite(value))
        return bad;
    if (value < 0 || value > 1)
        return show(value) + " is not a share from 0 to 1";
    return std::nullopt;
}

std::optional<std::string> checkPositive(double value) {
    if (auto bad = checkFinite(value))
        return bad;
    if (value <= 0)
        return show(value) + " is not above 0";
    return std::nullopt;
}

std::optional<std::string> checkNonNegative(double value) {
    if (auto bad = checkFinite(value))
        return bad;
    if (value < 0)
        return show(value) + " is negative";
    return std::nullopt;
}

std::optional<std::string> checkText(std::string_view text) {
    if (!isValidUtf8(text))
        return std::string("the text is not valid UTF-8");
    return std::nullopt;
}

namespace {

/// Walks a project and stops at the first broken rule (thrown as a Violation, caught at the
/// top: the walk is deep and a broken rule ends it).
class Checker {
public:
    explicit Checker(const Project& project)
        : m_project(project) {
        std::size_t ids = project.people.size() + project.systems.size();
        for (const Map& map : project.maps)
            ids += 1 + map.steps.size() + map.waits.size() + map.parties.size() +
                   map.infoBoxes.size() + map.notes.size() + map.redPens.size() + map.flows.size();
        const Workshop& w = project.workshop;
        ids += w.ideas.size() + w.actions.size() + w.reviews.size() + w.parkingLot.size() +
               w.glossary.size() + w.lessons.size() + w.summaries.size();
        m_owner.reserve(ids);
    }

    void run() {
        const ProjectProps& props = m_project.props;
        m_subject = Subject::Project;
        text("name", props.name);
        text("description", props.description);
        text("currency", props.currency);
        rule("calendar/hours_per_day", checkPositive(props.calendar.hoursPerDay));
        if (props.calendar.hoursPerDay > 24)
            fail("calendar/hours_per_day",
                 show(props.calendar.hoursPerDay) + " hours is more than a day");
        rule("calendar/days_per_week", checkPositive(props.calendar.daysPerWeek));
        if (props.calendar.daysPerWeek > 7)
            fail("calendar/days_per_week",
                 show(props.calendar.daysPerWeek) + " days is more than a week");
        rule("calendar/days_per_month", checkPositive(props.calendar.daysPerMonth));
        if (props.calendar.daysPerMonth > 31)
            fail("calendar/days_per_month",
                 show(props.calendar.daysPerMonth) + " days is more than a month");
        rule("default_hourly_rate", checkNonNegative(props.defaultHourlyRate));

        for (const auto& [id, person] : m_project.people)
            checkPerson(id, person);
        for (const auto& [id, system] : m_project.systems)
            checkSystem(id, system);

        m_subject = Subject::Project;
        m_map = kNoId;
        m_id = kNoId;
        teamMember("team/sponsor", props.team.sponsor);
        teamMember("team/process_owner", props.team.processOwner);
        teamMember("team/facilitator", props.team.facilitator);
        for (std::size_t i = 0; i < props.team.experts.size(); ++i)
            if (!m_project.people.contains(props.team.experts[i]))
                teamMember("team/experts/" + std::to_string(i), props.team.experts[i]);

        for (const Map& map : m_project.maps)
            checkMap(map);
        checkWorkshop();

        m_subject = Subject::Project;
        m_map = kNoId;
        m_id = kNoId;
        Id largest = kNoId;
        for (const auto& [id, _] : m_owner)
            largest = std::max(largest, id);
        if (m_project.nextId <= largest)
            fail("next_id", "next_id " + std::to_string(m_project.nextId) +
                                " is not above every id in use (the largest is " +
                                std::to_string(largest) + ")");
        if (m_project.nextId > kMaxId)
            fail("next_id", "next_id " + std::to_string(m_project.nextId) + " is too large");
    }

private:
    // Field names are string views: the walk visits every field of every entity, and builds a
    // string only for the one rule that fails.
    [[noreturn]] void fail(std::string_view field, std::string problem) {
        throw Violation{m_subject, m_map, m_id, std::string(field), std::move(problem)};
    }
    void rule(std::string_view field, std::optional<std::string> problem) {
        if (problem)
            fail(field, std::move(*problem));
    }
    void rule(std::string_view field, const std::optional<double>& value,
              std::optional<std::string> (*check)(double)) {
        if (value)
            rule(field, check(*value));
    }
    void text(std::string_view field, const std::string& value) {
        if (auto bad = checkText(value))
            fail(field, std::move(*bad));
    }
    template <class E> void enumValue(std::string_view field, E value) {
        if (nameOf(value).empty())
            fail(field, "unknown value " + std::to_string(static_cast<long long>(value)));
    }
    void reference(std::string_view field, Id id) {
        if (id > kMaxId)
            fail(field, "id " + std::to_string(id) + " is too large");
    }

    /// Claims `id` for the current entity: ids are positive and unique across the project.
    void claim(Subject subject, Id map, Id id) {
        m_subject = subject;
        m_map = map;
        m_id = id;
        if (id == kNoId)
            fail("id", "ids must be positive");
        if (id > kMaxId)
            fail("id", "id " + std::to_string(id) + " is too large (at most " +
                           std::to_string(kMaxId) + ")");
        const auto [it, added] = m_owner.emplace(id, subject);
        if (!added)
            fail("id", "id " + std::to_string(id) + " is already used by a " +
                           std::string(subjectName(it->second)));
    }

    void position(const Point& pos) {
        rule("position/x", checkFinite(pos.x));
        rule("position/y", checkFinite(pos.y));
    }

    void teamMember(std::string_view field, Id person) {
        if (person != kNoId && !m_project.people.contains(person))
            fail(field, "id " + std::to_string(person) + " is not a person of the project");
    }

    void checkPerson(Id key, const Person& person) {
        claim(Subject::Person, kNoId, key);
        if (person.id != key)
            fail("id", "the person is filed under id " + std::to_string(key));
        text("name", person.name);
        text("role", person.role);
        rule("hourly_cost", person.hourlyCost, checkNonNegative);
        text("catalogue", person.catalogue);
    }

    void checkSystem(Id key, const System& system) {
        claim(Subject::System, kNoId, key);
        if (system.id != key)
            fail("id", "the system is filed under id " + std::to_string(key));
        text("name", system.name);
        enumValue("kind", system.kind);
        text("catalogue", system.catalogue);
    }

    template <class T> void element(Subject subject, const Map& map, Id key, const T& entity) {
        claim(subject, map.id, key);
        if (entity.id != key)
            fail("id", "the element is filed under id " + std::to_string(key));
        reference("origin", entity.origin);
    }

    void checkMap(const Map& map) {
        claim(Subject::Map, map.id, map.id);
        const MapProps& props = map.props;
        text("name", props.name);
        enumValue("state", props.state);
        reference("made_from", props.madeFrom);
        text("trigger", props.trigger);
        text("done", props.done);
        text("notes", props.notes);
        if (props.demand) {
            rule("demand/quantity", checkNonNegative(props.demand->quantity));
            enumValue("demand/per", props.demand->per);
        }
        rule("available_time_per_day", props.availableTimePerDay, checkDuration);

        for (const auto& [id, step] : map.steps)
            checkStep(map, id, step);
        for (const auto& [id, wait] : map.waits) {
            element(Subject::Wait, map, id, wait);
            enumValue("kind", wait.kind);
            text("label", wait.label);
            rule("time", wait.time, checkDuration);
            rule("time/min", wait.timeMin, checkDuration);
            rule("time/max", wait.timeMax, checkDuration);
            rule("quantity", wait.quantity, checkNonNegative);
            position(wait.pos);
        }
        for (const auto& [id, party] : map.parties) {
            element(Subject::Party, map, id, party);
            enumValue("kind", party.kind);
            text("name", party.name);
            text("notes", party.notes);
            position(party.pos);
        }
        for (const auto& [id, box] : map.infoBoxes) {
            element(Subject::InfoBox, map, id, box);
            text("name", box.name);
            text("notes", box.notes);
            position(box.pos);
        }
        for (const auto& [id, note] : map.notes) {
            element(Subject::Note, map, id, note);
            text("text", note.text);
            position(note.pos);
        }
        for (const auto& [id, pen] : map.redPens) {
            element(Subject::RedPen, map, id, pen);
            text("reason", pen.reason);
            rule("cost", pen.cost, checkNonNegative);
            position(pen.pos);
            for (std::size_t i = 0; i < pen.targets.size(); ++i) {
                const Id target = pen.targets[i];
                if (target == id || !map.contains(target))
                    fail("targets/" + std::to_string(i),
                         "element " + std::to_string(target) + " is not on this map");
            }
        }
        for (const auto& [id, flow] : map.flows) {
            element(Subject::Flow, map, id, flow);
            enumValue("kind", flow.kind);
            text("label", flow.label);
            if (flow.fifoMax && *flow.fifoMax < 1)
                fail("fifo_max", std::to_string(*flow.fifoMax) + " is not above 0");
            rule("share", flow.share, checkShare);
            rule("wait", flow.wait, checkDuration);
            for (auto [field, end] : {std::pair{"from", flow.from}, std::pair{"to", flow.to}}) {
                const auto kind = map.kindOf(end);
                if (!kind || *kind == ElementKind::Flow)
                    fail(field,
                         "element " + std::to_string(end) + " is not a placed element of this map");
            }
        }
    }

    void checkStep(const Map& map, Id key, const Step& step) {
        element(Subject::Step, map, key, step);
        text("name", step.name);
        text("description", step.description);
        text("role", step.role);
        rule("headcount", checkPositive(step.headcount));
        for (std::size_t i = 0; i < step.people.size(); ++i)
            if (!m_project.people.contains(step.people[i]))
                fail("people/" + std::to_string(i),
                     "id " + std::to_string(step.people[i]) + " is not a person of the project");
        for (std::size_t i = 0; i < step.systems.size(); ++i)
            if (!m_project.systems.contains(step.systems[i]))
                fail("systems/" + std::to_string(i),
                     "id " + std::to_string(step.systems[i]) + " is not a system of the project");
        rule("process_time", step.processTime, checkDuration);
        rule("process_time/min", step.processTimeMin, checkDuration);
        rule("process_time/max", step.processTimeMax, checkDuration);
        rule("cycle_time", step.cycleTime, checkDuration);
        rule("lead_time", step.leadTime, checkDuration);
        rule("pca", step.pca, checkPercent);
        rule("batch_size", step.batchSize, checkPositive);
        rule("changeover", step.changeover, checkDuration);
        rule("uptime", step.uptime, checkPercent);
        rule("defect_rate", step.defectRate, checkPercent);
        if (step.breakdown) {
            rule("breakdown/mtbf", checkDuration(step.breakdown->mtbf));
            rule("breakdown/mttr", checkDuration(step.breakdown->mttr));
        }
        if (step.measurement) {
            text("measurement/provenance", step.measurement->provenance);
            const std::pair<const char*, const model::Distribution*> quantities[] = {
                {"process_time", &step.measurement->processTime},
                {"lead_time", &step.measurement->leadTime},
                {"wait_before", &step.measurement->waitBefore}};
            for (const auto& [quantity, d] : quantities) {
                const std::string place = std::string("measurement/") + quantity;
                for (double value : {d->min, d->p50, d->p85, d->p95, d->max, d->mean})
                    rule(place, checkDuration(value));
            }
        }
        enumValue("value", step.value);
        if ((step.wastes & ~kAllWasteKinds) != 0)
            fail("wastes", "unknown waste bits " + std::to_string(step.wastes & ~kAllWasteKinds));
        for (std::size_t i = 0; i < step.frictions.size(); ++i) {
            const Friction& friction = step.frictions[i];
            auto field = [i](const char* name) {
                return "frictions/" + std::to_string(i) + "/" + name;
            };
            if (auto bad = checkText(friction.what))
                fail(field("what"), *bad);
            if (auto bad = checkNonNegative(friction.minutesPerOccurrence))
                fail(field("minutes_per_occurrence"), *bad);
            if (auto bad = checkNonNegative(friction.occurrencesPerWeek))
                fail(field("occurrences_per_week"), *bad);
        }
        for (std::size_t i = 0; i < step.artifacts.size(); ++i)
            if (auto bad = checkText(step.artifacts[i]))
                fail("artifacts/" + std::to_string(i), *bad);
        for (const auto& [figure, source] : step.sources) {
            if (nameOf(figure).empty())
                fail("sources", "unknown figure " + std::to_string(static_cast<int>(figure)));
            const std::string base = "sources/" + std::string(nameOf(figure));
            enumValue(base + "/basis", source.basis);
            text(base + "/source", source.source);
            text(base + "/date", source.date);
        }
        position(step.pos);
    }

    // --- the workshop: values and ids. References that do not resolve are not refused here:
    // model::checkWorkshop reports them as findings, so a file with one still opens.

    template <class T> void workshopEntity(Subject subject, Id key, const T& entity) {
        claim(subject, kNoId, key);
        if (entity.id != key)
            fail("id", "the entry is filed under id " + std::to_string(key));
    }
    void ids(std::string_view field, const std::vector<Id>& list) {
        for (Id id : list)
            reference(field, id);
    }
    void target(const std::string& field, const Target& t) {
        // The field names are built only for a target that breaks a rule.
        auto finite = [](const std::optional<double>& v) { return !v || !checkFinite(*v); };
        if (!nameOf(t.figure).empty() && t.map <= kMaxId && t.element <= kMaxId && finite(t.from) &&
            finite(t.to) && finite(t.changePercent))
            return;
        enumValue(field + "/figure", t.figure);
        reference(field + "/map", t.map);
        reference(field + "/element", t.element);
        rule(field + "/from", t.from, checkFinite);
        rule(field + "/to", t.to, checkFinite);
        rule(field + "/change_percent", t.changePercent, checkFinite);
    }
    void score(std::string_view field, const std::optional<int>& value) {
        if (value && (*value < 1 || *value > 5))
            fail(field, std::to_string(*value) + " is not a score from 1 to 5");
    }

    void checkWorkshop() {
        const Workshop& w = m_project.workshop;
        m_subject = Subject::Project;
        m_map = kNoId;
        m_id = kNoId;
        text("workshop/problem", w.props.problem);
        text("workshop/start_date", w.props.startDate);
        text("workshop/end_date", w.props.endDate);
        text("workshop/place", w.props.place);
        for (std::size_t i = 0; i < w.props.goals.size(); ++i) {
            const std::string base = "workshop/goals/" + std::to_string(i);
            text(base + "/text", w.props.goals[i].text);
            target(base + "/target", w.props.goals[i].target);
        }
        for (const auto& [id, idea] : w.ideas) {
            workshopEntity(Subject::Idea, id, idea);
            text("text", idea.text);
            text("date", idea.date);
            text("reason", idea.reason);
            reference("proposed_by", idea.proposedBy);
            ids("concerns", idea.concerns);
            enumValue("kind", idea.kind);
            enumValue("status", idea.status);
            score("impact", idea.impact);
            score("effort", idea.effort);
            if (idea.votes < 0)
                fail("votes", std::to_string(idea.votes) + " is negative");
        }
        for (const auto& [id, action] : w.actions) {
            workshopEntity(Subject::Action, id, action);
            text("title", action.title);
            text("start", action.start);
            text("due", action.due);
            text("reason", action.reason);
            text("notes", action.notes);
            enumValue("status", action.status);
            reference("owner", action.owner);
            reference("realises", action.realises);
            ids("changes", action.changes);
            if (action.effect)
                target("effect", *action.effect);
        }
        for (const auto& [id, review] : w.reviews) {
            workshopEntity(Subject::Review, id, review);
            text("title", review.title);
            text("date", review.date);
            text("notes", review.notes);
            if (review.dayOffset < 0)
                fail("day_offset", std::to_string(review.dayOffset) + " days is negative");
            ids("attendees", review.attendees);
            reference("measured_map", review.measuredMap);
            for (std::size_t i = 0; i < review.progress.size(); ++i) {
                // A review records every action: name the fields only of an entry that breaks
                // a rule.
                const ActionProgress& entry = review.progress[i];
                if (entry.action <= kMaxId && !nameOf(entry.status).empty() &&
                    !checkText(entry.note))
                    continue;
                const std::string base = "progress/" + std::to_string(i);
                reference(base + "/action", review.progress[i].action);
                enumValue(base + "/status", review.progress[i].status);
                text(base + "/note", review.progress[i].note);
            }
            for (std::size_t i = 0; i < review.decisions.size(); ++i)
                text("decisions/" + std::to_string(i), review.decisions[i]);
            for (std::size_t i = 0; i < review.measures.size(); ++i) {
                const std::string base = "measures/" + std::to_string(i);
                enumValue(base + "/figure", review.measures[i].figure);
                reference(base + "/element", review.measures[i].element);
                rule(base + "/value", checkFinite(review.measures[i].value));
            }
        }
        for (const auto& [id, item] : w.parkingLot) {
            workshopEntity(Subject::ParkingItem, id, item);
            text("text", item.text);
            text("date", item.date);
            reference("raised_by", item.raisedBy);
            reference("moved_to", item.movedTo);
        }
        for (const auto& [id, term] : w.glossary) {
            workshopEntity(Subject::Term, id, term);
            text("term", term.term);
            text("meaning", term.meaning);
        }
        for (const auto& [id, lesson] : w.lessons) {
            workshopEntity(Subject::Lesson, id, lesson);
            text("text", lesson.text);
            text("date", lesson.date);
        }
        for (const auto& [id, summary] : w.summaries) {
            workshopEntity(Subject::DaySummary, id, summary);
            text("date", summary.date);
            text("done", summary.done);
            text("decisions", summary.decisions);
            text("next_agenda", summary.nextAgenda);
            reference("watermark", summary.watermark);
        }
    }

    const Project& m_project;
    std::unordered_map<Id, Subject> m_owner;
    Subject m_subject = Subject::Project;
    Id m_map = kNoId;
    Id m_id = kNoId;
};

} // namespace

std::optional<Violation> findViolation(const Project& project) {
    try {
        Checker(project).run();
    } catch (Violation& violation) {
        return std::move(violation);
    }
    return std::nullopt;
}

} // namespace gemba::store::detail
