#include "gemba/model/capture_edit.h"

#include <catch2/catch.hpp>

using namespace gemba::model;

namespace {

/// A project with one empty map, and captures applied to it one line at a time.
struct Room {
    Project project;
    Id map = kNoId;
    Id current = kNoId;

    Room() {
        Map m;
        m.id = map = project.allocateId();
        project.maps.push_back(m);
    }
    const Map& theMap() const { return project.maps.front(); }

    /// Captures a line after (or beside) the current element; the new element becomes current.
    Id say(std::string_view line) {
        const auto parsed = parseQuickCapture(line, project.props.calendar);
        INFO(line);
        REQUIRE(parsed.ok());
        CaptureOutcome out =
            captureEdit(project, idsOf(project), map, current, parsed.value(), Point{});
        INFO(out.error);
        REQUIRE(out.edit);
        Changes changes;
        out.edit->apply(project, changes);
        if (parsed.value().kind != QuickCapture::Kind::Loop)
            current = out.element;
        return out.element;
    }
    std::string refused(std::string_view line) {
        const auto parsed = parseQuickCapture(line, project.props.calendar);
        REQUIRE(parsed.ok());
        CaptureOutcome out =
            captureEdit(project, idsOf(project), map, current, parsed.value(), Point{});
        CHECK_FALSE(out.edit);
        return out.error;
    }
    const Flow* flow(Id from, Id to) const {
        for (const auto& [id, f] : theMap().flows)
            if (f.from == from && f.to == to)
                return &f;
        return nullptr;
    }
};

} // namespace

TEST_CASE("captured steps and waits form a chain", "[capture]") {
    Room room;
    const Id a = room.say("Draft 1 h @Sales #CRM");
    const Id w = room.say("wait 2 d");
    const Id b = room.say("Review 30 min #crm x2 !nva");
    CHECK(room.flow(a, w));
    CHECK(room.flow(w, b));
    const Step& review = room.theMap().steps.at(b);
    CHECK(review.headcount == 2);
    CHECK(review.value == ValueClass::NecessaryNonValueAdding);
    // #crm is the CRM the first line created: one system, shared.
    REQUIRE(room.project.systems.size() == 1);
    CHECK(review.systems == room.theMap().steps.at(a).systems);
    CHECK(room.theMap().steps.at(a).role == "Sales");
    CHECK(room.theMap().waits.at(w).time == 16 * 3600);
}

TEST_CASE("a parallel step shares the current one's neighbours", "[capture]") {
    Room room;
    const Id a = room.say("A 1 h");
    const Id b = room.say("B 1 h");
    const Id c = room.say("C 1 h");
    room.current = b;
    const Id p = room.say("and P 2 h");
    CHECK(room.flow(a, p));
    CHECK(room.flow(p, c));
    CHECK(room.flow(a, b));
    CHECK(room.flow(b, c));
    CHECK_FALSE(room.flow(a, p)->share);
}

TEST_CASE("an alternative takes its share and completes the other route's", "[capture]") {
    Room room;
    const Id a = room.say("A 1 h");
    const Id b = room.say("B 1 h");
    const Id c = room.say("C 1 h");
    room.current = b;
    const Id alt = room.say("or 30% Fast track 10 min");
    REQUIRE(room.flow(a, alt));
    CHECK(*room.flow(a, alt)->share == Approx(0.3));
    CHECK(*room.flow(a, b)->share == Approx(0.7));
    CHECK(room.flow(alt, c));
    room.current = a;
    CHECK(room.refused("or 30% X").find("before the selected") != std::string::npos);
}

TEST_CASE("a loop back completes the forward share, and the next step keeps it", "[capture]") {
    Room room;
    const Id draft = room.say("Draft 1 h");
    const Id review = room.say("Review 30 min");
    const Id loop = room.say("back to draft 20%");
    CHECK(room.theMap().flows.at(loop).from == review);
    CHECK(room.theMap().flows.at(loop).to == draft);
    CHECK(*room.theMap().flows.at(loop).share == Approx(0.2));
    // The next step goes after Review; the loop stays Review's, and the rest goes on.
    const Id sign = room.say("Sign 10 min");
    CHECK(room.theMap().flows.at(loop).from == review);
    REQUIRE(room.flow(review, sign));
    CHECK(*room.flow(review, sign)->share == Approx(0.8));
    // Said again with another share: the same flow, the other completed.
    room.current = review;
    room.say("back to Draft 25%");
    CHECK(*room.theMap().flows.at(loop).share == Approx(0.25));
    CHECK(*room.flow(review, sign)->share == Approx(0.75));
    CHECK(room.refused("back to Nowhere 10%").find("no step named") != std::string::npos);
}
