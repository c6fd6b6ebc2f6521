#include "gemba/model/document.h"
#include "gemba/model/operations.h"
#include "gemba/model/workshop_ops.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

namespace {

/// A map with two steps and a red pen on the second, one person, an idea on the pen and an
/// action that changes the idea, the pen and the first step.
struct Fixture {
    Project project;
    Id map = kNoId, enter = kNoId, approve = kNoId, pen = kNoId, person = kNoId, idea = kNoId,
       action = kNoId, review = kNoId;

    Fixture() {
        Map m;
        m.id = map = project.allocateId();
        m.props.name = "Current state";
        Step a;
        a.id = enter = project.allocateId();
        a.name = "Enter order";
        Step b;
        b.id = approve = project.allocateId();
        b.name = "Approve";
        m.steps.emplace(a.id, a);
        m.steps.emplace(b.id, b);
        RedPen p;
        p.id = pen = project.allocateId();
        p.targets = {enter, approve};
        p.reason = "waits for a call";
        m.redPens.emplace(p.id, p);
        project.maps.push_back(m);
        Person anna;
        anna.id = person = project.allocateId();
        anna.name = "Anna";
        project.people.emplace(anna.id, anna);

        Idea i;
        i.id = idea = project.allocateId();
        i.text = "Approve in the CRM";
        i.concerns = {pen, approve};
        i.proposedBy = person;
        project.workshop.ideas.emplace(i.id, i);
        Action act;
        act.id = action = project.allocateId();
        act.title = "Approval button in the CRM";
        act.changes = {idea, pen, enter};
        act.owner = person;
        act.due = "2026-04-15";
        act.effect = Target{
            TargetFigure::StepLeadTime, map, approve, 5 * 8 * 3600.0, 1 * 8 * 3600.0, std::nullopt};
        project.workshop.actions.emplace(act.id, act);
        Review r;
        r.id = review = project.allocateId();
        r.title = "30-day review";
        r.dayOffset = 30;
        r.attendees = {person};
        r.progress = {{action, ActionStatus::InProgress, ""}};
        r.measures = {{TargetFigure::StepLeadTime, approve, 3 * 8 * 3600.0}};
        project.workshop.reviews.emplace(r.id, r);
    }
};

template <class T> void appliesAndReverts(const T& value, auto member) {
    Project project;
    Document doc(project);
    Changes seen;
    doc.addListener([&](const Changes& changes) { seen = changes; });
    SetEntity<T> add(kNoId, std::nullopt, value, "Add");
    doc.apply(add);
    CHECK((doc.project().workshop.*member).at(value.id) == value);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].subject == Change::Subject::Workshop);
    CHECK(seen[0].op == Change::Op::Added);
    CHECK(seen[0].id == value.id);
    T changed = value;
    changed.id = value.id;
    SetEntity<T> remove(kNoId, value, std::nullopt, "Remove");
    doc.apply(remove);
    CHECK((doc.project().workshop.*member).empty());
    doc.revert(remove);
    CHECK((doc.project().workshop.*member).at(value.id) == value);
    doc.revert(add);
    CHECK(sameContent(doc.project(), project));
}

} // namespace

TEST_CASE("every workshop edit applies and reverts", "[workshop][edit]") {
    Idea idea;
    idea.id = 5;
    idea.text = "Drop the spreadsheet";
    idea.fit = FitChecklist{Level::High, Level::High, DataSource::System, Level::Low, Level::High};
    appliesAndReverts(idea, &Workshop::ideas);
    Action action;
    action.id = 6;
    action.title = "Order form in the CRM";
    action.due = "2026-04-01";
    appliesAndReverts(action, &Workshop::actions);
    Review review;
    review.id = 7;
    review.title = "30-day review";
    review.decisions = {"keep going"};
    appliesAndReverts(review, &Workshop::reviews);
    appliesAndReverts(ParkingItem{8, "Licence costs?", kNoId, "2026-03-02", false, kNoId},
                      &Workshop::parkingLot);
    appliesAndReverts(Term{9, "SOW", "statement of work"}, &Workshop::glossary);
    appliesAndReverts(Lesson{10, "Invite finance on day one", ""}, &Workshop::lessons);
    appliesAndReverts(DaySummary{11, "2026-03-02", "mapped", "", "red pen", 12},
                      &Workshop::summaries);

    Project project;
    Document doc(project);
    WorkshopProps props;
    props.problem = "Customers wait five weeks";
    props.goals.push_back(
        Goal{"lead time under 10 d",
             Target{TargetFigure::LeadTime, 1, kNoId, 34 * 28800.0, 10 * 28800.0, std::nullopt}});
    SetWorkshopProps set(project.workshop.props, props, "Case for change");
    doc.apply(set);
    CHECK(doc.project().workshop.props == props);
    doc.revert(set);
    CHECK(doc.project().workshop.props == WorkshopProps{});
}

TEST_CASE("workshop ids count for the project's largest id", "[workshop]") {
    Fixture f;
    CHECK(f.project.largestIdInUse() == f.review);
}

TEST_CASE("deleting a step or a red pen leaves no dangling reference", "[workshop][edit]") {
    Fixture f;
    Document doc(f.project);
    CHECK(checkWorkshop(doc.project()).empty());

    const Id gone[] = {f.approve};
    EditPtr edit = removeElements(doc.project(), f.map, gone);
    doc.apply(*edit);
    const Project& p = doc.project();
    CHECK(p.workshop.ideas.at(f.idea).concerns == std::vector<Id>{f.pen});
    CHECK(p.workshop.actions.at(f.action).effect->element == kNoId);
    CHECK(p.workshop.reviews.at(f.review).measures.empty());
    // Nothing refers to a missing entity; the effect now names no step, which is reported.
    for (const WorkshopFinding& finding : checkWorkshop(p))
        CHECK(finding.message.find("no longer exists") == std::string::npos);

    const Id pen[] = {f.pen};
    EditPtr removePen = removeElements(doc.project(), f.map, pen);
    doc.apply(*removePen);
    CHECK(doc.project().workshop.ideas.at(f.idea).concerns.empty());
    CHECK(doc.project().workshop.actions.at(f.action).changes == std::vector<Id>{f.idea, f.enter});

    doc.revert(*removePen);
    doc.revert(*edit);
    CHECK(sameContent(doc.project(), f.project));
}

TEST_CASE("deleting a map, a person or an idea detaches the workshop from them",
          "[workshop][edit]") {
    Fixture f;
    Document doc(f.project);
    EditPtr removeMap = removeMapWithReferences(doc.project(), f.map, "Delete map");
    doc.apply(*removeMap);
    CHECK(doc.project().maps.empty());
    CHECK(doc.project().workshop.ideas.at(f.idea).concerns.empty());
    CHECK(doc.project().workshop.actions.at(f.action).changes == std::vector<Id>{f.idea});
    CHECK(doc.project().workshop.actions.at(f.action).effect->map == kNoId);
    doc.revert(*removeMap);
    CHECK(sameContent(doc.project(), f.project));

    EditPtr removeAnna = removePerson(doc.project(), f.person);
    doc.apply(*removeAnna);
    CHECK(doc.project().workshop.actions.at(f.action).owner == kNoId);
    CHECK(doc.project().workshop.ideas.at(f.idea).proposedBy == kNoId);
    CHECK(doc.project().workshop.reviews.at(f.review).attendees.empty());
    doc.revert(*removeAnna);

    const Id ids[] = {f.idea, f.action};
    EditPtr removeItems = removeWorkshopItems(doc.project(), ids);
    doc.apply(*removeItems);
    CHECK(doc.project().workshop.ideas.empty());
    CHECK(doc.project().workshop.actions.empty());
    CHECK(doc.project().workshop.reviews.at(f.review).progress.empty());
    doc.revert(*removeItems);
    CHECK(sameContent(doc.project(), f.project));
}

TEST_CASE("validation names a reference to a deleted step", "[workshop][validate]") {
    Fixture f;
    // A file written elsewhere can still hold a dangling reference: validation says so.
    f.project.maps[0].steps.erase(f.enter);
    const auto findings = checkWorkshop(f.project);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].error);
    CHECK(findings[0].id == f.action);
    CHECK(findings[0].message ==
          "action " + std::to_string(f.action) + " \"Approval button in the CRM\" refers to " +
              std::to_string(f.enter) + ", which no longer exists (deleted?)");

    f.project.workshop.actions.at(f.action).changes = {f.person};
    const auto wrongKind = checkWorkshop(f.project);
    REQUIRE(wrongKind.size() == 1);
    CHECK(wrongKind[0].message.find("a person, not a idea or red_pen or step") !=
          std::string::npos);

    f.project.workshop.actions.at(f.action).changes.clear();
    f.project.workshop.actions.at(f.action).start = "2026-05-01";
    f.project.workshop.actions.at(f.action).due = "2026-04-01";
    const auto dates = checkWorkshop(f.project);
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].message.find("is due (2026-04-01) before it starts (2026-05-01)") !=
          std::string::npos);
}

TEST_CASE("the AI and automation fit, case by case", "[workshop][fit]") {
    using L = Level;
    SECTION("FAQ-like, repetitive, in a system, cheap mistakes, often: good") {
        const auto a = assessFit({L::High, L::High, DataSource::System, L::Low, L::High});
        CHECK(a.fit == Fit::Good);
        CHECK(a.reasonsFor.size() == 5);
        CHECK(a.reasonsAgainst.empty());
    }
    SECTION("each request specific and technical: poor, whatever else") {
        const auto a = assessFit({L::High, L::Low, DataSource::System, L::Low, L::High});
        CHECK(a.fit == Fit::Poor);
        CHECK(a.reasonsAgainst ==
              std::vector<std::string>{"each request is specific and technical"});
        CHECK(a.reasonsFor.size() == 4); // the checklist is never hidden behind the verdict
    }
    SECTION("data on paper: poor") {
        CHECK(assessFit({L::High, L::High, DataSource::Paper, L::Low, L::High}).fit == Fit::Poor);
    }
    SECTION("work rarely the same twice: poor") {
        CHECK(assessFit({L::Low, L::High, DataSource::System, L::Low, L::High}).fit == Fit::Poor);
    }
    SECTION("a costly mistake: possible, with a person checking") {
        const auto a = assessFit({L::High, L::High, DataSource::System, L::High, L::High});
        CHECK(a.fit == Fit::Possible);
        CHECK(a.reasonsAgainst ==
              std::vector<std::string>{"a mistake is costly: a person must check every result"});
    }
    SECTION("rare work: possible") {
        CHECK(assessFit({L::High, L::High, DataSource::System, L::Low, L::Low}).fit ==
              Fit::Possible);
    }
    SECTION("medium answers and mixed data: possible") {
        CHECK(assessFit({L::Medium, L::High, DataSource::System, L::Low, L::High}).fit ==
              Fit::Possible);
        CHECK(assessFit({L::High, L::Medium, DataSource::System, L::Low, L::High}).fit ==
              Fit::Possible);
        CHECK(assessFit({L::High, L::High, DataSource::Mixed, L::Low, L::Medium}).fit ==
              Fit::Possible);
    }
    SECTION("open questions: possible, and each is named") {
        const auto a = assessFit({L::High, std::nullopt, DataSource::System, L::Low, L::High});
        CHECK(a.fit == Fit::Possible);
        CHECK(a.reasonsAgainst ==
              std::vector<std::string>{"not yet answered: how uniform the requests are"});
        CHECK(assessFit({}).reasonsAgainst.size() == 5);
    }
    SECTION("a blocker outweighs open questions") {
        CHECK(assessFit({L::Low, std::nullopt, std::nullopt, std::nullopt, std::nullopt}).fit ==
              Fit::Poor);
    }
}

TEST_CASE("review dates count calendar days from the workshop's end", "[workshop][dates]") {
    CHECK(addDays("2026-03-04", 30) == "2026-04-03");
    CHECK(addDays("2026-03-04", 60) == "2026-05-03");
    CHECK(addDays("2024-02-28", 1) == "2024-02-29");
    CHECK(addDays("2026-12-31", 1) == "2027-01-01");
    CHECK(addDays("2026-02-30", 1).empty());
    CHECK(addDays("not a date", 1).empty());
    CHECK(isIsoDate("2026-03-04"));
    CHECK_FALSE(isIsoDate("2026-3-4"));
    WorkshopProps props;
    props.endDate = "2026-03-04";
    Review review;
    review.dayOffset = 90;
    CHECK(reviewDate(props, review) == "2026-06-02");
    review.date = "2026-06-05"; // moved
    CHECK(reviewDate(props, review) == "2026-06-05");
}

TEST_CASE("the funnel counts ideas per stage and per map", "[workshop][funnel]") {
    Fixture f;
    Idea other;
    other.id = f.project.allocateId();
    other.text = "Elsewhere";
    other.status = IdeaStatus::Rejected;
    other.reason = "out of scope";
    f.project.workshop.ideas.emplace(other.id, other);
    f.project.workshop.ideas.at(f.idea).status = IdeaStatus::Selected;
    const FunnelCounts all = funnelCounts(f.project);
    CHECK(all.total() == 2);
    CHECK(all.selected == 1);
    CHECK(all.rejected == 1);
    const FunnelCounts onMap = funnelCounts(f.project, f.map);
    CHECK(onMap.total() == 1);
    CHECK(onMap.selected == 1);

    const PenAttachments pen = penAttachments(f.project, f.pen);
    CHECK(pen.ideas == 1);
    CHECK(pen.actions == 1);
    CHECK(pen.mostAdvanced == "planned");
    f.project.workshop.actions.at(f.action).status = ActionStatus::Done;
    CHECK(penAttachments(f.project, f.pen).mostAdvanced == "done");
}

TEST_CASE("the daily summary is drafted from what changed since the last one",
          "[workshop][summary]") {
    Fixture f;
    DaySummary day1 = draftDaySummary(f.project, "2026-03-02");
    CHECK(day1.date == "2026-03-02");
    CHECK(day1.done == "- on \"Current state\": 2 steps captured, 1 red pen\n"
                       "- 1 idea proposed\n"
                       "- 1 action planned");
    CHECK(day1.decisions == "- action: Approval button in the CRM");
    CHECK(day1.nextAgenda == "- shortlist the 1 proposed idea");
    CHECK(day1.watermark == f.project.nextId);
    day1.id = f.project.allocateId();
    f.project.workshop.summaries.emplace(day1.id, day1);

    // Day two: one step, two ideas (one selected), a parking-lot item.
    Step s;
    s.id = f.project.allocateId();
    s.name = "Invoice";
    f.project.maps[0].steps.emplace(s.id, s);
    for (const char* text : {"Auto-invoice", "Self-service portal"}) {
        Idea i;
        i.id = f.project.allocateId();
        i.text = text;
        f.project.workshop.ideas.emplace(i.id, i);
    }
    f.project.workshop.ideas.rbegin()->second.status = IdeaStatus::Selected;
    ParkingItem item{f.project.allocateId(), "Licences", kNoId, "", false, kNoId};
    f.project.workshop.parkingLot.emplace(item.id, item);
    const DaySummary day2 = draftDaySummary(f.project, "2026-03-03");
    CHECK(day2.done == "- on \"Current state\": 1 step captured\n"
                       "- 2 ideas proposed\n"
                       "- 1 parking-lot item raised");
    CHECK(day2.decisions == "- home run: Self-service portal");
    CHECK(day2.nextAgenda == "- plan actions for 1 home run\n"
                             "- go through 1 open parking-lot item");

    // Nothing since: the draft says so rather than repeating yesterday.
    f.project.workshop.summaries.emplace(
        f.project.allocateId(),
        DaySummary{f.project.nextId - 1, "2026-03-03", "", "", "", f.project.nextId});
    CHECK(draftDaySummary(f.project, "2026-03-04").done ==
          "- nothing captured since the last summary");
}

TEST_CASE("glossary terms are found in step names as whole words", "[workshop][glossary]") {
    Workshop w;
    const auto add = [&](Id id, const std::string& term) {
        Term t;
        t.id = id;
        t.term = term;
        t.meaning = "meaning of " + term;
        w.glossary.emplace(id, t);
    };
    add(1, "CRM");
    add(2, "SOW");
    add(3, "Order form");
    add(4, "ERP");
    const auto terms = [&](std::string_view text) {
        std::vector<std::string> out;
        for (const Term* t : glossaryTermsIn(w, text))
            out.push_back(t->term);
        return out;
    };
    CHECK(terms("Enter order in CRM") == std::vector<std::string>{"CRM"});
    CHECK(terms("CRM-to-ERP sync") == std::vector<std::string>{"CRM", "ERP"});
    // An acronym only as written: "sow" is a word of its own.
    CHECK(terms("Sow the seeds").empty());
    CHECK(terms("Check SOW") == std::vector<std::string>{"SOW"});
    // Other terms in any case, never inside a longer word.
    CHECK(terms("Fill in the order form") == std::vector<std::string>{"Order form"});
    CHECK(terms("CRMs and ERPsystem").empty());
    CHECK(terms("Büro-CRM") == std::vector<std::string>{"CRM"});
    CHECK(terms("").empty());
}
