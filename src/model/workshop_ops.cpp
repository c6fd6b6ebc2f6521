#include "gemba/model/workshop_ops.h"

#include "gemba/model/names.h"

#include <algorithm>
#include <cctype>

namespace gemba::model {

namespace {

template <class T> EditPtr addEdit(const T& value, std::string description) {
    return std::make_unique<SetEntity<T>>(kNoId, std::nullopt, value, std::move(description));
}

std::string counted(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

/// Clears a target's references to removed maps and elements; true when it changed.
void detachTarget(Target& target, const std::set<Id>& removed) {
    if (removed.contains(target.map))
        target.map = kNoId;
    if (removed.contains(target.element))
        target.element = kNoId;
}

void clearIf(Id& slot, const std::set<Id>& removed) {
    if (removed.contains(slot))
        slot = kNoId;
}

void eraseIn(std::vector<Id>& ids, const std::set<Id>& removed) {
    std::erase_if(ids, [&](Id id) { return removed.contains(id); });
}

template <class T>
void updateIfChanged(std::vector<EditPtr>& edits, const T& before, const T& after,
                     const char* description) {
    if (before != after)
        edits.push_back(std::make_unique<SetEntity<T>>(kNoId, before, after, description));
}

} // namespace

EditPtr makeAdd(const Idea& idea) {
    return addEdit(idea, "Add idea");
}
EditPtr makeAdd(const Action& action) {
    return addEdit(action, "Add action");
}
EditPtr makeAdd(const Review& review) {
    return addEdit(review, "Add review");
}
EditPtr makeAdd(const ParkingItem& item) {
    return addEdit(item, "Add parking-lot item");
}
EditPtr makeAdd(const Term& term) {
    return addEdit(term, "Add glossary term");
}
EditPtr makeAdd(const Lesson& lesson) {
    return addEdit(lesson, "Add lesson learned");
}
EditPtr makeAdd(const DaySummary& summary) {
    return addEdit(summary, "Add day summary");
}

std::vector<EditPtr> detachWorkshopReferences(const Project& project, const std::set<Id>& removed) {
    std::vector<EditPtr> edits;
    const Workshop& w = project.workshop;
    for (const auto& [id, idea] : w.ideas) {
        if (removed.contains(id))
            continue;
        Idea kept = idea;
        eraseIn(kept.concerns, removed);
        clearIf(kept.proposedBy, removed);
        updateIfChanged(edits, idea, kept, "Update idea's links");
    }
    for (const auto& [id, action] : w.actions) {
        if (removed.contains(id))
            continue;
        Action kept = action;
        eraseIn(kept.changes, removed);
        clearIf(kept.owner, removed);
        clearIf(kept.realises, removed);
        if (kept.effect)
            detachTarget(*kept.effect, removed);
        updateIfChanged(edits, action, kept, "Update action's links");
    }
    for (const auto& [id, review] : w.reviews) {
        if (removed.contains(id))
            continue;
        Review kept = review;
        eraseIn(kept.attendees, removed);
        std::erase_if(kept.progress,
                      [&](const ActionProgress& p) { return removed.contains(p.action); });
        clearIf(kept.measuredMap, removed);
        std::erase_if(kept.measures, [&](const Measure& m) { return removed.contains(m.element); });
        updateIfChanged(edits, review, kept, "Update review's links");
    }
    for (const auto& [id, item] : w.parkingLot) {
        if (removed.contains(id))
            continue;
        ParkingItem kept = item;
        clearIf(kept.raisedBy, removed);
        clearIf(kept.movedTo, removed);
        updateIfChanged(edits, item, kept, "Update parking-lot item");
    }
    WorkshopProps props = w.props;
    for (Goal& goal : props.goals)
        detachTarget(goal.target, removed);
    if (props != w.props)
        edits.push_back(std::make_unique<SetWorkshopProps>(w.props, props, "Update goals"));
    return edits;
}

EditPtr removeMapWithReferences(const Project& project, Id mapId, std::string description) {
    const auto it = std::find_if(project.maps.begin(), project.maps.end(),
                                 [&](const Map& m) { return m.id == mapId; });
    if (it == project.maps.end())
        return nullptr;
    std::set<Id> removed{mapId};
    for (Id id : it->placedElements())
        removed.insert(id);
    for (const auto& [id, flow] : it->flows)
        removed.insert(id);
    auto compound = std::make_unique<CompoundEdit>(description);
    for (auto& edit : detachWorkshopReferences(project, removed))
        compound->add(std::move(edit));
    compound->add(std::make_unique<RemoveMap>(
        *it, static_cast<std::size_t>(it - project.maps.begin()), std::move(description)));
    return compound;
}

EditPtr removeWorkshopItems(const Project& project, std::span<const Id> ids) {
    const Workshop& w = project.workshop;
    std::set<Id> removed;
    std::vector<EditPtr> removals;
    auto take = [&](const auto& collection, Id id) {
        const auto it = collection.find(id);
        if (it == collection.end())
            return false;
        using T = typename std::decay_t<decltype(collection)>::mapped_type;
        removals.push_back(
            std::make_unique<SetEntity<T>>(kNoId, it->second, std::nullopt, "Delete"));
        removed.insert(id);
        return true;
    };
    for (Id id : ids) {
        if (removed.contains(id))
            continue;
        take(w.ideas, id) || take(w.actions, id) || take(w.reviews, id) || take(w.parkingLot, id) ||
            take(w.glossary, id) || take(w.lessons, id) || take(w.summaries, id);
    }
    if (removed.empty())
        return nullptr;
    auto compound = std::make_unique<CompoundEdit>(
        "Delete " + counted(removed.size(), "workshop item", "workshop items"));
    for (auto& edit : detachWorkshopReferences(project, removed))
        compound->add(std::move(edit));
    for (auto& edit : removals)
        compound->add(std::move(edit));
    return compound;
}

const Map* mapOfId(const Project& project, Id id) {
    if (id == kNoId)
        return nullptr;
    for (const Map& map : project.maps)
        if (map.id == id || map.contains(id))
            return &map;
    return nullptr;
}

std::string kindOfId(const Project& project, Id id) {
    if (id == kNoId)
        return {};
    for (const Map& map : project.maps) {
        if (map.id == id)
            return "map";
        if (auto kind = map.kindOf(id))
            return std::string(nameOf(*kind));
    }
    const Workshop& w = project.workshop;
    if (project.people.contains(id))
        return "person";
    if (project.systems.contains(id))
        return "system";
    if (w.ideas.contains(id))
        return "idea";
    if (w.actions.contains(id))
        return "action";
    if (w.reviews.contains(id))
        return "review";
    if (w.parkingLot.contains(id))
        return "parking-lot item";
    if (w.glossary.contains(id))
        return "glossary term";
    if (w.lessons.contains(id))
        return "lesson";
    if (w.summaries.contains(id))
        return "day summary";
    return {};
}

namespace {

/// Collects findings about one workshop entity's references.
class WorkshopChecker {
public:
    WorkshopChecker(const Project& project, std::vector<WorkshopFinding>& out)
        : m_project(project)
        , m_out(out) {}

    void error(Id id, std::string message) { m_out.push_back({true, id, std::move(message)}); }
    void warning(Id id, std::string message) { m_out.push_back({false, id, std::move(message)}); }

    /// `what` refers to `target`, which must be one of `allowed` kinds.
    void reference(Id owner, const std::string& what, Id target,
                   std::initializer_list<std::string_view> allowed) {
        if (target == kNoId)
            return;
        const std::string kind = kindOfId(m_project, target);
        if (kind.empty()) {
            error(owner, what + " refers to " + std::to_string(target) +
                             ", which no longer exists (deleted?)");
            return;
        }
        for (std::string_view a : allowed)
            if (a == kind)
                return;
        std::string list;
        for (std::string_view a : allowed)
            list += (list.empty() ? "" : " or ") + std::string(a);
        error(owner,
              what + " refers to " + std::to_string(target) + ", a " + kind + ", not a " + list);
    }
    void date(Id owner, const std::string& what, const std::string& text) {
        if (!text.empty() && !isIsoDate(text))
            error(owner, what + " '" + text + "' is not a date (YYYY-MM-DD)");
    }
    void target(Id owner, const std::string& what, const Target& t) {
        reference(owner, what + "'s map", t.map, {"map"});
        const bool perElement =
            t.figure == TargetFigure::StepLeadTime || t.figure == TargetFigure::WaitTime;
        if (perElement && t.element == kNoId)
            error(owner, what + " is on one " +
                             (t.figure == TargetFigure::WaitTime ? "wait" : "step") +
                             " but names none");
        reference(owner, what, t.element, {t.figure == TargetFigure::WaitTime ? "wait" : "step"});
        if (!t.from && !t.to && !t.changePercent)
            warning(owner, what + " has no target value (to, or a change in percent)");
    }

private:
    const Project& m_project;
    std::vector<WorkshopFinding>& m_out;
};

} // namespace

std::vector<WorkshopFinding> checkWorkshop(const Project& project) {
    std::vector<WorkshopFinding> out;
    WorkshopChecker check(project, out);
    const Workshop& w = project.workshop;
    const std::initializer_list<std::string_view> concernable = {
        "map", "step", "wait", "supplier", "customer", "info_box", "red_pen", "flow"};
    for (const auto& [id, idea] : w.ideas) {
        const std::string name = "idea " + std::to_string(id);
        for (Id concern : idea.concerns)
            check.reference(id, name, concern, concernable);
        check.reference(id, name + "'s proposer", idea.proposedBy, {"person"});
        check.date(id, name + "'s date", idea.date);
        if ((idea.status == IdeaStatus::Rejected || idea.status == IdeaStatus::Parked) &&
            idea.reason.empty())
            check.warning(id,
                          name + " is " + std::string(nameOf(idea.status)) + " without a reason");
    }
    for (const auto& [id, action] : w.actions) {
        const std::string name = "action " + std::to_string(id) + " \"" + action.title + "\"";
        for (Id change : action.changes)
            check.reference(id, name, change, {"idea", "red_pen", "step"});
        check.reference(id, name + "'s owner", action.owner, {"person"});
        check.reference(id, name + "'s future state", action.realises, {"map"});
        check.date(id, name + "'s start", action.start);
        check.date(id, name + "'s due date", action.due);
        if (isIsoDate(action.start) && isIsoDate(action.due) && action.due < action.start)
            check.error(id, name + " is due (" + action.due + ") before it starts (" +
                                action.start + ")");
        if (action.status == ActionStatus::Blocked && action.reason.empty())
            check.warning(id, name + " is blocked without a reason");
        if (action.owner == kNoId)
            check.warning(id, name + " has no owner");
        if (action.effect)
            check.target(id, name + "'s expected effect", *action.effect);
    }
    for (const auto& [id, review] : w.reviews) {
        const std::string name = "review " + std::to_string(id) + " \"" + review.title + "\"";
        for (Id person : review.attendees)
            check.reference(id, name + "'s attendee", person, {"person"});
        for (const ActionProgress& p : review.progress)
            check.reference(id, name + "'s action status", p.action, {"action"});
        check.reference(id, name + "'s measured map", review.measuredMap, {"map"});
        for (const Measure& m : review.measures)
            check.reference(id, name + "'s measure", m.element,
                            {m.figure == TargetFigure::WaitTime ? "wait" : "step"});
        check.date(id, name + "'s date", review.date);
    }
    for (const auto& [id, item] : w.parkingLot) {
        const std::string name = "parking-lot item " + std::to_string(id);
        check.reference(id, name + " raised by", item.raisedBy, {"person"});
        check.reference(id, name + " moved to", item.movedTo, {"idea", "action"});
        check.date(id, name + "'s date", item.date);
    }
    for (const auto& [id, lesson] : w.lessons)
        check.date(id, "lesson " + std::to_string(id) + "'s date", lesson.date);
    for (const auto& [id, summary] : w.summaries)
        check.date(id, "day summary " + std::to_string(id) + "'s date", summary.date);
    for (std::size_t i = 0; i < w.props.goals.size(); ++i)
        check.target(kNoId, "goal " + std::to_string(i + 1), w.props.goals[i].target);
    check.date(kNoId, "the workshop's start date", w.props.startDate);
    check.date(kNoId, "the workshop's end date", w.props.endDate);
    return out;
}

FunnelCounts funnelCounts(const Project& project, Id map) {
    FunnelCounts counts;
    for (const auto& [id, idea] : project.workshop.ideas) {
        if (map != kNoId) {
            const bool concerns =
                std::any_of(idea.concerns.begin(), idea.concerns.end(), [&](Id concern) {
                    const Map* holder = mapOfId(project, concern);
                    return holder && holder->id == map;
                });
            if (!concerns)
                continue;
        }
        switch (idea.status) {
        case IdeaStatus::Proposed:
            ++counts.proposed;
            break;
        case IdeaStatus::Shortlisted:
            ++counts.shortlisted;
            break;
        case IdeaStatus::Selected:
            ++counts.selected;
            break;
        case IdeaStatus::Parked:
            ++counts.parked;
            break;
        case IdeaStatus::Rejected:
            ++counts.rejected;
            break;
        }
    }
    return counts;
}

PenAttachments penAttachments(const Project& project, Id redPen) {
    PenAttachments out;
    // The funnel's order of progress, and the plan's.
    auto ideaRank = [](IdeaStatus s) {
        switch (s) {
        case IdeaStatus::Selected:
            return 3;
        case IdeaStatus::Shortlisted:
            return 2;
        case IdeaStatus::Proposed:
            return 1;
        default:
            return 0;
        }
    };
    auto actionRank = [](ActionStatus s) {
        switch (s) {
        case ActionStatus::Done:
            return 8;
        case ActionStatus::InProgress:
            return 7;
        case ActionStatus::Blocked:
            return 6;
        case ActionStatus::Planned:
            return 5;
        default:
            return 0;
        }
    };
    int best = -1;
    std::set<Id> ideasOnPen;
    for (const auto& [id, idea] : project.workshop.ideas)
        if (std::find(idea.concerns.begin(), idea.concerns.end(), redPen) != idea.concerns.end()) {
            ++out.ideas;
            ideasOnPen.insert(id);
            if (ideaRank(idea.status) > best) {
                best = ideaRank(idea.status);
                out.mostAdvanced = nameOf(idea.status);
            }
        }
    for (const auto& [id, action] : project.workshop.actions) {
        const bool attached = std::any_of(action.changes.begin(), action.changes.end(), [&](Id c) {
            return c == redPen || ideasOnPen.contains(c);
        });
        if (!attached)
            continue;
        ++out.actions;
        if (actionRank(action.status) > best) {
            best = actionRank(action.status);
            out.mostAdvanced = nameOf(action.status);
        }
    }
    return out;
}

DaySummary draftDaySummary(const Project& project, const std::string& date) {
    const Workshop& w = project.workshop;
    // The latest summary of an earlier day marks where this day began.
    Id since = kNoId;
    std::string sinceDate;
    for (const auto& [id, summary] : w.summaries)
        if (summary.date < date && summary.date >= sinceDate) {
            sinceDate = summary.date;
            since = summary.watermark;
        }
    auto isNew = [&](Id id) { return id >= since; };

    std::vector<std::string> done;
    for (const Map& map : project.maps) {
        std::size_t steps = 0;
        std::size_t pens = 0;
        for (const auto& [id, step] : map.steps)
            steps += isNew(id) ? 1 : 0;
        for (const auto& [id, pen] : map.redPens)
            pens += isNew(id) ? 1 : 0;
        if (isNew(map.id) && since != kNoId)
            done.push_back("drew the map \"" + map.props.name + "\"");
        if (steps > 0 || pens > 0) {
            std::string line = "on \"" + map.props.name + "\": ";
            if (steps > 0)
                line += counted(steps, "step", "steps") + " captured";
            if (steps > 0 && pens > 0)
                line += ", ";
            if (pens > 0)
                line += counted(pens, "red pen", "red pens");
            done.push_back(line);
        }
    }
    std::size_t ideas = 0;
    std::vector<std::string> decisions;
    for (const auto& [id, idea] : w.ideas) {
        ideas += isNew(id) ? 1 : 0;
        if (idea.status == IdeaStatus::Selected)
            decisions.push_back("home run: " + idea.text);
    }
    if (ideas > 0)
        done.push_back(counted(ideas, "idea", "ideas") + " proposed");
    std::size_t actions = 0;
    for (const auto& [id, action] : w.actions)
        if (isNew(id)) {
            ++actions;
            decisions.push_back("action: " + action.title);
        }
    if (actions > 0)
        done.push_back(counted(actions, "action", "actions") + " planned");
    std::size_t parked = 0;
    for (const auto& [id, item] : w.parkingLot)
        parked += isNew(id) ? 1 : 0;
    if (parked > 0)
        done.push_back(counted(parked, "parking-lot item", "parking-lot items") + " raised");
    std::size_t lessons = 0;
    for (const auto& [id, lesson] : w.lessons)
        lessons += isNew(id) ? 1 : 0;
    if (lessons > 0)
        done.push_back(counted(lessons, "lesson", "lessons") + " learned");

    // The agenda follows the workshop's order: red pen, ideas, shortlist, home runs, plan.
    std::vector<std::string> agenda;
    std::size_t pensTotal = 0;
    for (const Map& map : project.maps)
        pensTotal += map.redPens.size();
    const FunnelCounts funnel = funnelCounts(project);
    if (project.maps.empty())
        agenda.push_back("map the current state");
    else if (pensTotal == 0)
        agenda.push_back("red-pen the current state");
    else if (funnel.total() == 0)
        agenda.push_back("collect ideas for the red-penned places");
    else if (funnel.shortlisted + funnel.selected == 0)
        agenda.push_back("shortlist the " +
                         counted(funnel.proposed, "proposed idea", "proposed ideas"));
    else if (funnel.selected == 0)
        agenda.push_back("choose the home runs among the " +
                         counted(funnel.shortlisted, "shortlisted idea", "shortlisted ideas"));
    std::size_t selectedWithoutAction = 0;
    for (const auto& [id, idea] : w.ideas) {
        if (idea.status != IdeaStatus::Selected)
            continue;
        const Id ideaId = id; // a structured binding cannot be captured before C++20's clang 16
        const bool planned = std::any_of(w.actions.begin(), w.actions.end(), [&](const auto& a) {
            return std::find(a.second.changes.begin(), a.second.changes.end(), ideaId) !=
                   a.second.changes.end();
        });
        selectedWithoutAction += planned ? 0 : 1;
    }
    if (selectedWithoutAction > 0)
        agenda.push_back("plan actions for " +
                         counted(selectedWithoutAction, "home run", "home runs"));
    std::size_t unowned = 0;
    for (const auto& [id, action] : w.actions)
        unowned += (action.owner == kNoId || action.due.empty()) ? 1 : 0;
    if (unowned > 0)
        agenda.push_back("give owners and due dates to " + counted(unowned, "action", "actions"));
    std::size_t open = 0;
    for (const auto& [id, item] : w.parkingLot)
        open += item.resolved ? 0 : 1;
    if (open > 0)
        agenda.push_back("go through " +
                         counted(open, "open parking-lot item", "open parking-lot items"));

    auto join = [](const std::vector<std::string>& lines) {
        std::string out;
        for (const std::string& line : lines)
            out += (out.empty() ? "" : "\n") + ("- " + line);
        return out;
    };
    DaySummary summary;
    summary.date = date;
    summary.done = done.empty() ? "- nothing captured since the last summary" : join(done);
    summary.decisions = join(decisions);
    summary.nextAgenda = join(agenda);
    summary.watermark = project.nextId;
    return summary;
}

namespace {

bool isWordChar(char c) {
    // Bytes of UTF-8 sequences count as letters: "Büro" is one word.
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

char lowerAscii(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool occursAsWord(std::string_view text, std::string_view term, bool exactCase) {
    if (term.empty() || term.size() > text.size())
        return false;
    for (std::size_t at = 0; at + term.size() <= text.size(); ++at) {
        bool same = true;
        for (std::size_t i = 0; i < term.size() && same; ++i)
            same = exactCase ? text[at + i] == term[i]
                             : lowerAscii(text[at + i]) == lowerAscii(term[i]);
        if (!same)
            continue;
        const bool startsWord = at == 0 || !isWordChar(text[at - 1]);
        const std::size_t end = at + term.size();
        const bool endsWord = end == text.size() || !isWordChar(text[end]);
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

} // namespace

std::vector<const Term*> glossaryTermsIn(const Workshop& workshop, std::string_view text) {
    std::vector<const Term*> found;
    for (const auto& [id, term] : workshop.glossary) {
        const bool acronym = std::none_of(term.term.begin(), term.term.end(), [](char c) {
            return std::islower(static_cast<unsigned char>(c));
        });
        if (occursAsWord(text, term.term, acronym))
            found.push_back(&term);
    }
    return found;
}

} // namespace gemba::model
