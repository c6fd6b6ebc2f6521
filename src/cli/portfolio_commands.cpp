// portfolio: the value streams of a folder of project files side by side, and what they share.
#include "command.h"
#include "common.h"
#include "gemba/metrics/portfolio.h"
#include "gemba/model/names.h"
#include "gemba/model/units.h"
#include "gemba/store/errors.h"
#include "gemba/store/portfolio_csv.h"
#include "gemba/store/portfolio_sources.h"
#include "gemba/store/repository.h"
#include "pdf_documents.h"
#include "text_table.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

namespace gemba::cli {

namespace {

using metrics::Portfolio;
using metrics::SharedItem;
using metrics::StateFigures;
using metrics::StreamSummary;

const model::Calendar kHours; // times across streams: in the default calendar's units

std::string money(double value, const Portfolio& p) {
    const std::string currency = p.currency.empty() ? "(mixed currencies)" : p.currency;
    return count(value, 0) + " " + currency;
}

nlohmann::json stateJson(const std::optional<StateFigures>& f) {
    if (!f)
        return nullptr;
    nlohmann::json j = {{"map", f->map},
                        {"valid", f->valid},
                        {"friction_cost_per_year", f->frictionCostPerYear},
                        {"red_pen_cost_per_year", f->redPenCostPerYear}};
    if (f->valid) {
        j["lead_time_seconds"] = f->leadTime;
        j["lead_time_days"] = f->leadTimeDays;
        j["process_time_seconds"] = f->processTime;
        j["activity_ratio"] = f->activityRatio;
        j["rolled_pca"] = f->rolledPca;
    }
    return j;
}

nlohmann::json funnelJson(const std::array<int, metrics::kIdeaStatusCount>& funnel) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [status, name] : model::EnumNames<model::IdeaStatus>::table())
        j[std::string(name)] = funnel[static_cast<std::size_t>(status)];
    return j;
}

nlohmann::json itemsJson(const std::vector<SharedItem>& items, const Portfolio& p) {
    nlohmann::json out = nlohmann::json::array();
    for (const SharedItem& item : items) {
        nlohmann::json uses = nlohmann::json::array();
        for (const metrics::Use& u : item.uses)
            uses.push_back({{"stream", p.streams[u.stream].name},
                            {"steps", u.steps},
                            {"hands_on_seconds", u.handsOnSeconds},
                            {"red_pens", u.redPens},
                            {"red_pen_cost_per_year", u.redPenCostPerYear},
                            {"friction_hours_per_week", u.frictionHoursPerWeek},
                            {"friction_cost_per_year", u.frictionCostPerYear},
                            {"ideas", u.ideas}});
        nlohmann::json entry = {{"name", item.name},
                                {"streams", item.streams()},
                                {"steps", item.steps},
                                {"hands_on_seconds", item.handsOnSeconds},
                                {"share_of_work", item.shareOfWork},
                                {"red_pens", item.redPens},
                                {"red_pen_cost_per_year", item.redPenCostPerYear},
                                {"friction_hours_per_week", item.frictionHoursPerWeek},
                                {"friction_cost_per_year", item.frictionCostPerYear},
                                {"ideas", item.ideas},
                                {"spellings", item.spellings},
                                {"uses", uses}};
        if (!item.catalogueId.empty())
            entry["catalogue_id"] = item.catalogueId;
        out.push_back(std::move(entry));
    }
    return out;
}

nlohmann::json portfolioJson(const Portfolio& p, const std::vector<store::SkippedSource>& skipped) {
    nlohmann::json streams = nlohmann::json::array();
    for (const StreamSummary& s : p.streams)
        streams.push_back({{"name", s.name},
                           {"source", s.source},
                           {"currency", s.currency},
                           {"current", stateJson(s.current)},
                           {"future", stateJson(s.future)},
                           {"measured", stateJson(s.measured)},
                           {"open_actions", s.openActions},
                           {"ideas", funnelJson(s.funnel)}});
    nlohmann::json dependencies = nlohmann::json::array();
    for (const metrics::Dependency& d : p.dependencies)
        dependencies.push_back({{"supplier", p.streams[d.supplier].name},
                                {"customer", p.streams[d.customer].name},
                                {"via", d.via},
                                {"wait_seconds", d.waitSeconds}});
    nlohmann::json ideas = nlohmann::json::array();
    for (const metrics::SharedIdea& idea : p.sharedIdeas) {
        nlohmann::json names = nlohmann::json::array();
        for (std::size_t s : idea.streams)
            names.push_back(p.streams[s].name);
        ideas.push_back({{"text", idea.text}, {"streams", names}});
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const metrics::PortfolioAction& a : p.actions)
        actions.push_back({{"stream", p.streams[a.stream].name},
                           {"title", a.title},
                           {"status", model::nameOf(a.status)},
                           {"due", a.due},
                           {"owner", a.owner}});
    nlohmann::json skippedJson = nlohmann::json::array();
    for (const store::SkippedSource& s : skipped)
        skippedJson.push_back({{"source", s.source}, {"error", s.error}});
    return {{"streams", streams},
            {"currency", p.currency.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.currency)},
            {"currencies", p.currencies},
            {"hands_on_seconds", p.handsOnSeconds},
            {"systems", itemsJson(p.systems, p)},
            {"roles", itemsJson(p.roles, p)},
            {"people", itemsJson(p.people, p)},
            {"wastes", itemsJson(p.wastes, p)},
            {"dependencies", dependencies},
            {"shared_selected_ideas", ideas},
            {"ideas", funnelJson(p.funnel)},
            {"actions", actions},
            {"skipped", skippedJson}};
}

std::string stateCell(const std::optional<StateFigures>& f, double StateFigures::*figure,
                      const model::Calendar& calendar) {
    if (!f)
        return "-";
    if (!f->valid)
        return "errors";
    return duration((*f).*figure, calendar);
}

void writeItems(std::ostream& out, const std::string& title, const std::vector<SharedItem>& items,
                const Portfolio& p) {
    const auto shared = std::count_if(items.begin(), items.end(),
                                      [](const SharedItem& i) { return i.streams() > 1; });
    out << "\n"
        << title << " in more than one stream: " << count(static_cast<double>(shared)) << " of "
        << count(static_cast<double>(items.size())) << "\n";
    TextTable table({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                     TextTable::Align::Right, TextTable::Align::Left});
    table.addRow(
        {"", "streams", "steps", "share of work", "red pens", "friction", "ideas", "where"});
    for (const SharedItem& item : items) {
        if (item.streams() < 2)
            continue;
        std::string where;
        for (const metrics::Use& u : item.uses) {
            where += (where.empty() ? "" : "; ") + p.streams[u.stream].name + ": ";
            for (std::size_t i = 0; i < u.steps.size(); ++i)
                where += (i ? ", " : "") + u.steps[i];
        }
        // A catalogue entry's other spellings, so that a reader sees what was counted as one.
        std::string name = item.name;
        std::string also;
        for (const std::string& spelling : item.otherSpellings())
            also += (also.empty() ? "" : ", ") + spelling;
        if (!also.empty())
            name += " (also " + also + ")";
        table.addRow({name, count(static_cast<double>(item.streams())), count(item.steps),
                      percent(item.shareOfWork),
                      count(item.redPens) + " (" + money(item.redPenCostPerYear, p) + " a year)",
                      money(item.frictionCostPerYear, p) + " a year", count(item.ideas), where});
    }
    if (shared > 0)
        out << table.render();
}

void writeText(std::ostream& out, const Portfolio& p, const std::string& where) {
    out << "Portfolio of " << count(static_cast<double>(p.streams.size())) << " value streams in "
        << where << "\n";
    if (p.currency.empty() && !p.streams.empty()) {
        std::string list;
        for (const std::string& c : p.currencies)
            list += (list.empty() ? "" : ", ") + c;
        out << "Warning: the streams count money in different currencies (" << list
            << "); sums across streams add them as they are.\n";
    }
    out << "\nStreams (current state -> future state; measured: the latest review)\n";
    TextTable streams({TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                       TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                       TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                       TextTable::Align::Right});
    streams.addRow({"", "lead time", "future", "measured", "process time", "activity",
                    "rolled %C&A", "friction a year", "red pens a year", "open actions"});
    for (const StreamSummary& s : p.streams) {
        if (!s.current) {
            streams.addRow({s.name, "no current state"});
            continue;
        }
        const model::Calendar& calendar = s.calendar;
        const StateFigures& c = *s.current;
        streams.addRow({s.name, stateCell(s.current, &StateFigures::leadTime, calendar),
                        stateCell(s.future, &StateFigures::leadTime, calendar),
                        stateCell(s.measured, &StateFigures::leadTime, calendar),
                        stateCell(s.current, &StateFigures::processTime, calendar),
                        c.valid ? percent(c.activityRatio) : "-",
                        c.valid ? percent(c.rolledPca) : "-",
                        count(c.frictionCostPerYear, 0) + " " + s.currency,
                        count(c.redPenCostPerYear, 0) + " " + s.currency, count(s.openActions)});
    }
    out << streams.render();

    out << "\nTouch points (supplier stream -> customer stream)\n";
    if (p.dependencies.empty())
        out << "  none: no stream's supplier or customer is named like another stream\n";
    for (const metrics::Dependency& d : p.dependencies)
        out << "  " << p.streams[d.supplier].name << " -> " << p.streams[d.customer].name
            << " (via \"" << d.via << "\"), waits " << duration(d.waitSeconds, kHours) << "\n";

    writeItems(out, "Systems", p.systems, p);
    writeItems(out, "Roles", p.roles, p);
    writeItems(out, "People", p.people, p);
    writeItems(out, "Kinds of waste", p.wastes, p);

    out << "\nIdeas of every stream:";
    for (const auto& [status, name] : model::EnumNames<model::IdeaStatus>::table())
        out << " " << count(p.funnel[static_cast<std::size_t>(status)]) << " " << name;
    out << "\n";
    for (const metrics::SharedIdea& idea : p.sharedIdeas) {
        out << "  selected in " << idea.streams.size() << " streams: \"" << idea.text << "\" (";
        for (std::size_t i = 0; i < idea.streams.size(); ++i)
            out << (i ? ", " : "") << p.streams[idea.streams[i]].name;
        out << ")\n";
    }
    out << "\nActions (" << count(static_cast<double>(p.actions.size())) << ")\n";
    TextTable actions({TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                       TextTable::Align::Left, TextTable::Align::Left});
    for (const metrics::PortfolioAction& a : p.actions)
        actions.addRow({p.streams[a.stream].name, a.title, std::string(model::nameOf(a.status)),
                        a.due.empty() ? "-" : "due " + a.due, a.owner});
    out << actions.render();
}

int runPortfolio(const Args& args, Context& context) {
    if (args.has("--json") + args.has("--csv") + args.has("--pdf") > 1)
        throw UsageError("give one of --json, --csv and --pdf");
    const std::string where = args.positional.at(0);
    std::vector<store::SkippedSource> skipped;
    const std::vector<metrics::PortfolioSource> sources =
        store::readPortfolioSources(where, skipped);
    for (const store::SkippedSource& s : skipped)
        context.err << s.source << ": skipped: " << s.error << "\n";
    const store::PortfolioCatalogue catalogue = store::readPortfolioCatalogue(where);
    Portfolio portfolio =
        metrics::buildPortfolio(sources, catalogue.stored ? &catalogue.catalogue : nullptr);
    if (auto pdf = args.value("--pdf")) {
        const int status = writePortfolioPdf(args, context, std::move(portfolio),
                                             store::urlForDisplay(where), *pdf);
        return skipped.empty() ? status : kExitFindings;
    }
    if (args.has("--json"))
        context.out << portfolioJson(portfolio, skipped).dump(2) << "\n";
    else if (args.has("--csv"))
        context.out << store::portfolioCsv(portfolio);
    else
        writeText(context.out, portfolio, store::urlForDisplay(where));
    return skipped.empty() ? kExitOk : kExitFindings;
}

} // namespace

Command portfolioCommand() {
    return {"portfolio",
            "show the value streams of a folder side by side, and what they share",
            "FOLDER|postgresql://REPOSITORY [--json|--csv|--pdf FILE [--today DATE] [--page SIZE] "
            "[--portrait]]",
            "Reads every .gemba file of FOLDER (not its subfolders), or every project of the\n"
            "repository you may read, as one value stream each, and shows\n"
            "each stream's key figures (current, future and latest measured state), the touch\n"
            "points where a stream's supplier or customer is another stream, the systems,\n"
            "roles, people and kinds of waste found in several streams with their red pens,\n"
            "friction and ideas, the ideas' funnel and every action. A file that cannot be read\n"
            "is named on standard error and left out, and the exit code is then 1.",
            {{"--json", "", "", "the whole portfolio as JSON"},
             {"--csv", "", "", "one row per stream and state, for a spreadsheet"},
             {"--pdf", "", "FILE", "the portfolio as a PDF document"},
             {"--today", "", "DATE", "PDF: the date on its pages (default: the current date)"},
             {"--page", "", "SIZE", "PDF: A4 (default), A3 or Letter"},
             {"--portrait", "", "", "PDF: portrait pages instead of landscape"}},
            1,
            1,
            runPortfolio};
}

} // namespace gemba::cli
