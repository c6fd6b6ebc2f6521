// Commands on the workshop: ideas, actions, reviews (list, add, update), the day summary, and
// the exports of the plan (CSV of ideas and actions, iCalendar of reviews and due dates).

#include "command.h"
#include "common.h"
#include "gemba/metrics/review.h"
#include "gemba/model/document.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/json_format.h"
#include "gemba/store/project_file.h"
#include "gemba/store/workshop_export.h"
#include "gemba/store/workshop_json.h"
#include "pdf_documents.h"
#include "text_table.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace fs = std::filesystem;
using namespace gemba::model;
using nlohmann::json;

namespace {

bool isJsonFile(const fs::path& file) {
    return file.extension() == ".json";
}

/// Writes the project back in the format it was read from.
void writeProject(const Project& project, const fs::path& file) {
    if (isJsonFile(file))
        store::writeJsonFile(project, file);
    else
        store::saveProject(project, file);
}

template <class E> E enumOption(const std::string& option, const std::string& text) {
    const auto value = enumFromName<E>(text);
    if (!value)
        throw UsageError("option " + option + ": unknown value '" + text + "' (expected one of " +
                         allNames<E>() + ")");
    return *value;
}

std::string dateOption(const std::string& option, const std::string& text) {
    if (!text.empty() && !isIsoDate(text))
        throw UsageError("option " + option + ": '" + text + "' is not a date (YYYY-MM-DD)");
    return text;
}

int intOption(const std::string& option, const std::string& text, int low, int high) {
    const auto value = parseNumber(text);
    if (!value || *value != static_cast<double>(static_cast<long long>(*value)) || *value < low ||
        *value > high)
        throw UsageError("option " + option + ": '" + text + "' is not a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high));
    return static_cast<int>(*value);
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text) {
        if (c == ',') {
            out.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    out.push_back(item);
    for (std::string& s : out) {
        while (!s.empty() && s.front() == ' ')
            s.erase(s.begin());
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
    }
    std::erase(out, std::string());
    return out;
}

Id idArgument(const std::string& what, const std::string& text) {
    const auto value = parseNumber(text);
    if (!value || *value < 1 || *value != static_cast<double>(static_cast<Id>(*value)))
        throw UsageError(what + ": '" + text + "' is not an id");
    return static_cast<Id>(*value);
}

std::vector<Id> idsOption(const std::string& option, const std::string& text) {
    std::vector<Id> ids;
    for (const std::string& item : splitList(text))
        ids.push_back(idArgument("option " + option, item));
    return ids;
}

/// A person by id or by exact name.
Id personOption(const Project& project, const std::string& file, const std::string& option,
                const std::string& text) {
    if (text.empty())
        return kNoId;
    for (const auto& [id, person] : project.people)
        if (person.name == text)
            return id;
    if (const auto number = parseNumber(text); number && project.people.contains(Id(*number)))
        return Id(*number);
    std::string names;
    for (const auto& [id, person] : project.people)
        names += (names.empty() ? "" : ", ") + person.name;
    throw Failure(file + ": option " + option + ": no person \"" + text +
                  "\" (people: " + (names.empty() ? "none" : names) + ")");
}

/// "lead_time=20 d": a figure and its value in the project's units.
Measure measureOption(const Project& project, const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos)
        throw UsageError(
            "option --measure: expected FIGURE=VALUE or FIGURE:ELEMENT=VALUE, found '" + text +
            "'");
    std::string figureText = text.substr(0, eq);
    Measure m;
    if (const auto colon = figureText.find(':'); colon != std::string::npos) {
        m.element = idArgument("option --measure", figureText.substr(colon + 1));
        figureText = figureText.substr(0, colon);
    }
    m.figure = enumOption<TargetFigure>("--measure", figureText);
    const std::string valueText = text.substr(eq + 1);
    if (store::isDurationFigure(m.figure)) {
        const auto parsed = parseDuration(valueText, project.props.calendar);
        if (!parsed.ok())
            throw UsageError("option --measure: " + parsed.error());
        m.value = parsed.value();
    } else {
        const auto value = parseNumber(valueText);
        if (!value)
            throw UsageError("option --measure: '" + valueText + "' is not a number");
        m.value = *value;
    }
    return m;
}

/// Applies one edit through the model's document (the edits the editor's undo stack uses) and
/// saves.
void applyAndSave(const Project& project, const Edit& edit, const fs::path& file) {
    Document document(project);
    document.apply(edit);
    writeProject(document.project(), file);
}

// --- ideas ---

void readIdeaOptions(const Args& args, const Project& project, const std::string& file,
                     Idea& idea) {
    if (auto v = args.value("--text"))
        idea.text = *v;
    if (auto v = args.value("--kind"))
        idea.kind = enumOption<IdeaKind>("--kind", *v);
    if (auto v = args.value("--status"))
        idea.status = enumOption<IdeaStatus>("--status", *v);
    if (auto v = args.value("--reason"))
        idea.reason = *v;
    if (auto v = args.value("--by"))
        idea.proposedBy = personOption(project, file, "--by", *v);
    if (auto v = args.value("--date"))
        idea.date = dateOption("--date", *v);
    if (auto v = args.value("--concerns"))
        idea.concerns = idsOption("--concerns", *v);
    if (auto v = args.value("--impact"))
        idea.impact = intOption("--impact", *v, 1, 5);
    if (auto v = args.value("--effort"))
        idea.effort = intOption("--effort", *v, 1, 5);
    if (auto v = args.value("--votes"))
        idea.votes = intOption("--votes", *v, 0, 1000000);
    auto level = [&](const char* option, std::optional<Level>& slot) {
        if (auto v = args.value(option)) {
            if (!idea.fit)
                idea.fit = FitChecklist{};
            slot = enumOption<Level>(option, *v);
        }
    };
    FitChecklist checklist = idea.fit.value_or(FitChecklist{});
    const bool hadFit = idea.fit.has_value();
    level("--repetitive", checklist.repetitive);
    level("--uniform", checklist.uniform);
    level("--mistake-cost", checklist.mistakeCost);
    level("--frequency", checklist.frequency);
    if (auto v = args.value("--data")) {
        idea.fit = idea.fit.value_or(FitChecklist{});
        checklist.data = enumOption<DataSource>("--data", *v);
    }
    if (idea.fit || hadFit)
        idea.fit = checklist;
}

json fitJson(const FitChecklist& checklist) {
    const FitAssessment a = assessFit(checklist);
    return json{{"fit", nameOf(a.fit)},
                {"reasons_for", a.reasonsFor},
                {"reasons_against", a.reasonsAgainst}};
}

std::string fitText(const Idea& idea) {
    if (!idea.fit)
        return "";
    return std::string(nameOf(assessFit(*idea.fit).fit));
}

int runIdeas(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    std::optional<IdeaStatus> status;
    if (auto v = args.value("--status"))
        status = enumOption<IdeaStatus>("--status", *v);
    Id map = kNoId;
    if (auto name = args.value("--map"))
        map = mapNamed(project, file, *name).id;
    std::vector<const Idea*> ideas;
    for (const auto& [id, idea] : project.workshop.ideas) {
        if (status && idea.status != *status)
            continue;
        if (map != kNoId) {
            bool concerns = false;
            for (Id c : idea.concerns)
                if (const Map* m = mapOfId(project, c); m && m->id == map)
                    concerns = true;
            if (!concerns)
                continue;
        }
        ideas.push_back(&idea);
    }
    if (args.has("--json")) {
        json out = json::array();
        for (const Idea* idea : ideas) {
            json item = store::toJson(*idea);
            if (idea->fit)
                item["fit_assessment"] = fitJson(*idea->fit);
            out.push_back(std::move(item));
        }
        context.out << out.dump(2) << "\n";
        return kExitOk;
    }
    using A = TextTable::Align;
    TextTable table({A::Right, A::Left, A::Left, A::Right, A::Right, A::Right, A::Left, A::Left});
    table.addRow({"id", "status", "kind", "impact", "effort", "votes", "fit", "idea"});
    for (const Idea* idea : ideas)
        table.addRow({std::to_string(idea->id), std::string(nameOf(idea->status)),
                      std::string(nameOf(idea->kind)),
                      idea->impact ? std::to_string(*idea->impact) : "",
                      idea->effort ? std::to_string(*idea->effort) : "",
                      std::to_string(idea->votes), fitText(*idea), idea->text});
    context.out << table.render();
    const FunnelCounts f = funnelCounts(project, map);
    context.out << "Funnel: " << f.proposed << " proposed, " << f.shortlisted << " shortlisted, "
                << f.selected << " selected, " << f.parked << " parked, " << f.rejected
                << " rejected\n";
    return kExitOk;
}

int runAddIdea(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    Project project = readProject(file);
    Idea idea;
    idea.text = args.positional[1];
    readIdeaOptions(args, project, file, idea);
    idea.id = project.allocateId();
    applyAndSave(project, *makeAdd(idea), file);
    context.out << "Added idea " << idea.id << " to " << file << "\n";
    return kExitOk;
}

int runUpdateIdea(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    const Id id = idArgument("IDEA", args.positional[1]);
    const auto it = project.workshop.ideas.find(id);
    if (it == project.workshop.ideas.end())
        throw Failure(file + ": no idea " + std::to_string(id));
    Idea idea = it->second;
    readIdeaOptions(args, project, file, idea);
    applyAndSave(project, SetIdea(kNoId, it->second, idea, "Update idea"), file);
    context.out << "Updated idea " << id << " in " << file << "\n";
    return kExitOk;
}

// --- actions ---

void readActionOptions(const Args& args, const Project& project, const std::string& file,
                       Action& action) {
    if (auto v = args.value("--title"))
        action.title = *v;
    if (auto v = args.value("--owner"))
        action.owner = personOption(project, file, "--owner", *v);
    if (auto v = args.value("--start"))
        action.start = dateOption("--start", *v);
    if (auto v = args.value("--due"))
        action.due = dateOption("--due", *v);
    if (auto v = args.value("--status"))
        action.status = enumOption<ActionStatus>("--status", *v);
    if (auto v = args.value("--reason"))
        action.reason = *v;
    if (auto v = args.value("--changes"))
        action.changes = idsOption("--changes", *v);
    if (auto v = args.value("--realises"))
        action.realises = v->empty() ? kNoId : mapNamed(project, file, *v).id;
    if (auto v = args.value("--notes"))
        action.notes = *v;
}

int runActions(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    std::optional<ActionStatus> status;
    if (auto v = args.value("--status"))
        status = enumOption<ActionStatus>("--status", *v);
    json out = json::array();
    using A = TextTable::Align;
    TextTable table({A::Right, A::Left, A::Left, A::Left, A::Left, A::Left});
    table.addRow({"id", "status", "owner", "start", "due", "action"});
    for (const auto& [id, action] : project.workshop.actions) {
        if (status && action.status != *status)
            continue;
        out.push_back(store::toJson(action));
        const auto owner = project.people.find(action.owner);
        table.addRow({std::to_string(id), std::string(nameOf(action.status)),
                      owner == project.people.end() ? "" : owner->second.name, action.start,
                      action.due,
                      action.title + (action.reason.empty() ? "" : " (" + action.reason + ")")});
    }
    context.out << (args.has("--json") ? out.dump(2) + "\n" : table.render());
    return kExitOk;
}

int runAddAction(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    Project project = readProject(file);
    Action action;
    action.title = args.positional[1];
    readActionOptions(args, project, file, action);
    action.id = project.allocateId();
    applyAndSave(project, *makeAdd(action), file);
    context.out << "Added action " << action.id << " to " << file << "\n";
    return kExitOk;
}

int runUpdateAction(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    const Id id = idArgument("ACTION", args.positional[1]);
    const auto it = project.workshop.actions.find(id);
    if (it == project.workshop.actions.end())
        throw Failure(file + ": no action " + std::to_string(id));
    Action action = it->second;
    readActionOptions(args, project, file, action);
    applyAndSave(project, SetAction(kNoId, it->second, action, "Update action"), file);
    context.out << "Updated action " << id << " in " << file << "\n";
    return kExitOk;
}

// --- reviews ---

void readReviewOptions(const Args& args, const Project& project, const std::string& file,
                       Review& review) {
    if (auto v = args.value("--title"))
        review.title = *v;
    if (auto v = args.value("--days"))
        review.dayOffset = intOption("--days", *v, 0, 100000);
    if (auto v = args.value("--date"))
        review.date = dateOption("--date", *v);
    if (auto v = args.value("--measured-map"))
        review.measuredMap = v->empty() ? kNoId : mapNamed(project, file, *v).id;
    if (auto v = args.value("--attendees")) {
        review.attendees.clear();
        for (const std::string& name : splitList(*v))
            review.attendees.push_back(personOption(project, file, "--attendees", name));
    }
    if (auto v = args.value("--measure"))
        for (const std::string& item : splitList(*v)) {
            const Measure m = measureOption(project, item);
            std::erase_if(review.measures, [&](const Measure& old) {
                return old.figure == m.figure && old.element == m.element;
            });
            review.measures.push_back(m);
        }
    if (auto v = args.value("--progress"))
        for (const std::string& item : splitList(*v)) {
            const auto eq = item.find('=');
            if (eq == std::string::npos)
                throw UsageError("option --progress: expected ACTION=STATUS, found '" + item + "'");
            const Id action = idArgument("option --progress", item.substr(0, eq));
            if (!project.workshop.actions.contains(action))
                throw Failure(file + ": option --progress: no action " + std::to_string(action));
            const ActionStatus status = enumOption<ActionStatus>("--progress", item.substr(eq + 1));
            std::erase_if(review.progress,
                          [&](const ActionProgress& p) { return p.action == action; });
            review.progress.push_back({action, status, ""});
        }
    if (auto v = args.value("--decision"))
        review.decisions.push_back(*v);
}

std::string figureText(TargetFigure figure, const std::optional<double>& value,
                       const Calendar& calendar) {
    return metrics::figureValueText(figure, value, calendar);
}

int runReviews(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    const metrics::ReviewTable table = metrics::reviewTable(project);
    const Workshop& w = project.workshop;
    const Calendar& calendar = project.props.calendar;
    if (args.has("--json")) {
        json out = json::object();
        json reviews = json::array();
        for (std::size_t i = 0; i < table.reviews.size(); ++i) {
            json item = store::toJson(w.reviews.at(table.reviews[i]));
            item["effective_date"] = table.dates[i];
            reviews.push_back(std::move(item));
        }
        out["reviews"] = std::move(reviews);
        json rows = json::array();
        for (const metrics::ReviewRow& row : table.rows) {
            auto value = [](const std::optional<double>& v) { return v ? json(*v) : json(); };
            json actual = json::array();
            json progress = json::array();
            for (std::size_t i = 0; i < row.actual.size(); ++i) {
                actual.push_back(value(row.actual[i]));
                progress.push_back(value(metrics::progressToGoal(row, i)));
            }
            rows.push_back(json{{"label", row.label},
                                {"figure", nameOf(row.target.figure)},
                                {"baseline", value(row.baseline)},
                                {"goal", value(row.goal)},
                                {"actual", std::move(actual)},
                                {"progress", std::move(progress)},
                                {"notes", row.notes}});
        }
        out["figures"] = std::move(rows);
        context.out << out.dump(2) << "\n";
        return kExitOk;
    }
    using A = TextTable::Align;
    TextTable reviews({A::Right, A::Left, A::Left, A::Left});
    reviews.addRow({"id", "date", "review", "measured"});
    for (std::size_t i = 0; i < table.reviews.size(); ++i) {
        const Review& r = w.reviews.at(table.reviews[i]);
        const Map* measured = project.findMap(r.measuredMap);
        std::string how = measured ? "map \"" + measured->props.name + "\"" : "";
        if (!r.measures.empty())
            how += (how.empty() ? "" : " and ") + std::to_string(r.measures.size()) + " typed";
        reviews.addRow({std::to_string(r.id), table.dates[i].empty() ? "(no date)" : table.dates[i],
                        r.title, how});
    }
    context.out << reviews.render();
    std::vector<A> align = {A::Left, A::Right, A::Right};
    std::vector<std::string> header = {"figure", "baseline", "target"};
    for (std::size_t i = 0; i < table.reviews.size(); ++i) {
        align.push_back(A::Right);
        header.push_back(w.reviews.at(table.reviews[i]).title);
    }
    TextTable figures(align);
    figures.addRow(header);
    for (const metrics::ReviewRow& row : table.rows) {
        std::vector<std::string> cells = {row.label,
                                          figureText(row.target.figure, row.baseline, calendar),
                                          figureText(row.target.figure, row.goal, calendar)};
        for (const auto& actual : row.actual)
            cells.push_back(figureText(row.target.figure, actual, calendar));
        figures.addRow(cells);
    }
    if (!table.rows.empty())
        context.out << "\n" << figures.render();
    for (const metrics::ReviewRow& row : table.rows)
        for (const std::string& note : row.notes)
            context.err << file << ": " << row.label << ": " << note << "\n";
    return kExitOk;
}

int runAddReview(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    Project project = readProject(file);
    Review review;
    review.title = args.positional[1];
    readReviewOptions(args, project, file, review);
    review.id = project.allocateId();
    applyAndSave(project, *makeAdd(review), file);
    context.out << "Added review " << review.id << " to " << file << " on "
                << reviewDate(project.workshop.props, review) << "\n";
    return kExitOk;
}

int runUpdateReview(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    const Id id = idArgument("REVIEW", args.positional[1]);
    const auto it = project.workshop.reviews.find(id);
    if (it == project.workshop.reviews.end())
        throw Failure(file + ": no review " + std::to_string(id));
    Review review = it->second;
    readReviewOptions(args, project, file, review);
    applyAndSave(project, SetReview(kNoId, it->second, review, "Update review"), file);
    context.out << "Updated review " << id << " in " << file << "\n";
    return kExitOk;
}

// --- summary and exports ---

int runSummary(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    Project project = readProject(file);
    const std::string date = dateOption("--date", args.value("--date").value_or(""));
    if (date.empty())
        throw UsageError("option --date is required (YYYY-MM-DD)");
    DaySummary summary = draftDaySummary(project, date);
    context.out << "Summary of " << date << "\n\nDone:\n"
                << summary.done << "\n\nDecisions:\n"
                << (summary.decisions.empty() ? "- none" : summary.decisions) << "\n\nNext:\n"
                << (summary.nextAgenda.empty() ? "- nothing open" : summary.nextAgenda) << "\n";
    if (args.has("--save")) {
        summary.id = project.allocateId();
        applyAndSave(project, *makeAdd(summary), file);
        context.err << "Kept as day summary " << summary.id << " in " << file << "\n";
    }
    return kExitOk;
}

int runExportPlan(const Args& args, Context& context) {
    const std::string file = args.positional[0];
    const Project project = readProject(file);
    const std::string format = args.value("--format").value_or("");
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("option -o is required");
    if (format == "plan-pdf" || format == "reviews-pdf")
        return writeWorkshopPdf(args, context, project, format, *output);
    std::string text;
    if (format == "ideas-csv")
        text = store::ideasCsv(project);
    else if (format == "actions-csv")
        text = store::actionsCsv(project);
    else if (format == "ics")
        text = store::workshopIcs(project);
    else
        throw UsageError(
            "option --format: expected ideas-csv, actions-csv, ics, plan-pdf or reviews-pdf, "
            "found '" +
            format + "'");
    if (*output == "-")
        context.out << text;
    else
        store::writeTextFile(text, *output);
    return kExitOk;
}

const OptionSpec kJsonOption{"--json", "", "", "JSON instead of a table"};

std::vector<OptionSpec> ideaOptions() {
    return {
        {"--text", "", "TEXT", "the idea's text"},
        {"--kind", "", "KIND", "remove, simplify, combine, automate, use_ai, standardise, other"},
        {"--status", "", "STATUS", "proposed, shortlisted, selected, parked, rejected"},
        {"--reason", "", "TEXT", "why it was parked, rejected or selected"},
        {"--by", "", "PERSON", "who proposed it (name or id)"},
        {"--date", "", "DATE", "when (YYYY-MM-DD)"},
        {"--concerns", "", "IDS", "ids of maps, steps, flows, waits or red pens, by commas"},
        {"--impact", "", "1-5", "impact the room gives"},
        {"--effort", "", "1-5", "effort the room gives"},
        {"--votes", "", "N", "votes"},
        {"--repetitive", "", "LEVEL", "fit checklist: how repetitive (low, medium, high)"},
        {"--uniform", "", "LEVEL", "fit checklist: how uniform the requests are"},
        {"--data", "", "WHERE", "fit checklist: system, mixed or paper"},
        {"--mistake-cost", "", "LEVEL", "fit checklist: how costly a mistake is"},
        {"--frequency", "", "LEVEL", "fit checklist: how often it occurs"}};
}

std::vector<OptionSpec> actionOptions() {
    return {{"--title", "", "TEXT", "the action's title"},
            {"--owner", "", "PERSON", "who owns it (name or id)"},
            {"--start", "", "DATE", "start date (YYYY-MM-DD)"},
            {"--due", "", "DATE", "due date (YYYY-MM-DD)"},
            {"--status", "", "STATUS", "planned, in_progress, done, dropped, blocked"},
            {"--reason", "", "TEXT", "why blocked or dropped"},
            {"--changes", "", "IDS", "ids of the ideas, red pens and steps it acts on"},
            {"--realises", "", "MAP", "the future-state map it realises"},
            {"--notes", "", "TEXT", "notes"}};
}

std::vector<OptionSpec> reviewOptions() {
    return {
        {"--title", "", "TEXT", "the review's title"},
        {"--days", "", "N", "days after the workshop's end date (30, 60, 90)"},
        {"--date", "", "DATE", "a date of its own (moves the review)"},
        {"--measured-map", "", "MAP", "a map recording the stream at the review"},
        {"--measure", "", "FIG=VALUE", "typed figures by commas: lead_time=20 d, rolled_pca=0.4"},
        {"--progress", "", "ID=STATUS", "actions' statuses at the review, by commas"},
        {"--attendees", "", "PEOPLE", "who attended, by commas"},
        {"--decision", "", "TEXT", "adds a decision"}};
}

} // namespace

std::vector<Command> withWorkshopCommands(std::vector<Command> rows) {
    std::vector<Command> workshop = {
        {"ideas",
         "list the ideas and the funnel",
         "FILE [--status S] [--map NAME] [--json]",
         "Lists the ideas with status, kind, scores and the derived automation/AI fit, then the\n"
         "funnel's counts. --json writes each idea as in the JSON format, with the fit's\n"
         "reasons (fit_assessment).",
         {{"--status", "", "STATUS", "only ideas of this status"},
          {"--map", "", "NAME", "only ideas that concern this map or its elements"},
          kJsonOption},
         1,
         1,
         runIdeas},
        {"add-idea", "add an idea", "FILE TEXT [options]",
         "Adds an idea to the project and saves it. Ids for --concerns are those `export-json`\n"
         "shows.",
         ideaOptions(), 2, 2, runAddIdea},
        {"update-idea", "change an idea: status, scores, checklist", "FILE ID [options]",
         "Changes the given fields of an idea and saves the project.", ideaOptions(), 2, 2,
         runUpdateIdea},
        {"actions",
         "list the action plan",
         "FILE [--status S] [--json]",
         "Lists the actions with status, owner and dates.",
         {{"--status", "", "STATUS", "only actions of this status"}, kJsonOption},
         1,
         1,
         runActions},
        {"add-action", "add an action to the plan", "FILE TITLE [options]",
         "Adds an action and saves the project.", actionOptions(), 2, 2, runAddAction},
        {"update-action", "change an action: status, owner, dates", "FILE ID [options]",
         "Changes the given fields of an action and saves the project.", actionOptions(), 2, 2,
         runUpdateAction},
        {"reviews",
         "list the reviews and their figures",
         "FILE [--json]",
         "Lists the reviews by date, then per goal and per action's expected effect the\n"
         "baseline, the target and the actual value at each review (typed, else from the\n"
         "review's measured map). Why a value is missing goes to standard error.",
         {kJsonOption},
         1,
         1,
         runReviews},
        {"add-review", "add a review (30, 60, 90 days or another)", "FILE TITLE [options]",
         "Adds a review and saves the project.", reviewOptions(), 2, 2, runAddReview},
        {"update-review", "record a review: figures, statuses, decisions", "FILE ID [options]",
         "Changes a review and saves the project.", reviewOptions(), 2, 2, runUpdateReview},
        {"summary",
         "draft the summary of a workshop day",
         "FILE --date DATE [--save]",
         "Drafts the day's summary from what was captured since the last kept summary (steps,\n"
         "red pens, ideas, actions, parking-lot items, lessons), the decisions and the next\n"
         "day's agenda. --save keeps it in the project.",
         {{"--date", "", "DATE", "the workshop day (YYYY-MM-DD)"},
          {"--save", "", "", "keep the draft as the day's summary"}},
         1,
         1,
         runSummary},
        {"export-plan",
         "export ideas or actions as CSV, reviews and due dates as .ics, plan or reviews as PDF",
         "FILE --format ideas-csv|actions-csv|ics|plan-pdf|reviews-pdf -o OUT",
         "Writes the ideas or the actions as CSV (for spreadsheets and issue trackers), an\n"
         "iCalendar file of the review meetings and the actions' due dates, or a PDF: the\n"
         "action plan (owners, dates, statuses, expected effects, timeline, review schedule)\n"
         "or the review report (baseline, target and actual per figure with a chart each,\n"
         "the actions' progress, attendees and decisions). -o - writes text to standard\n"
         "output.",
         {{"--format", "", "FORMAT", "ideas-csv, actions-csv, ics, plan-pdf or reviews-pdf"},
          {"--output", "-o", "OUT", "the file to write, or -"},
          {"--group", "", "BY", "plan-pdf: timeline lanes by owner (default) or status"},
          {"--today", "", "DATE", "PDF: the date taken as today (default: the current date)"},
          {"--page", "", "SIZE", "PDF: A4 (default), A3 or Letter"},
          {"--portrait", "", "", "PDF: portrait pages instead of landscape"}},
         1,
         1,
         runExportPlan},
    };
    for (Command& command : workshop)
        rows.push_back(std::move(command));
    return rows;
}

} // namespace gemba::cli
