// The editor's flow-over-time view (Map > Flow over Time…): its table is the command line's
// `gemba-cli flow PROJECT LOG --json` for the same filters, and a filter changes the figures.
#include "flow_over_time_view.h"
#include "gemba/store/project_file.h"
#include "test_support.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

const fs::path kExampleEvents = fs::path(GEMBA_EXAMPLES_DIR) / "events";

/// The view's periods against the periods of gemba-cli flow's JSON, figure by figure.
void checkSameAsCli(const app::FlowOverTimeView& view, const QStringList& filters) {
    QStringList arguments{
        QStringLiteral("flow"),
        QString::fromStdString((kExampleEvents / "measured-delivery.gemba").string()),
        QString::fromStdString((kExampleEvents / "software-delivery-events.csv").string()),
        QStringLiteral("--json")};
    arguments << filters;
    const ToolResult cli = runCli(arguments);
    INFO(cli.err);
    REQUIRE(cli.exitCode == 0);
    const nlohmann::json periods = nlohmann::json::parse(cli.out).at("periods");
    REQUIRE(periods.size() == view.periods().size());
    REQUIRE_FALSE(periods.empty());
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const metrics::PeriodFlow& p = view.periods()[i];
        const nlohmann::json& c = periods[i];
        INFO("period " << p.label);
        CHECK(c.at("period") == p.label);
        CHECK(c.at("throughput") == p.throughput);
        CHECK(c.at("wip_at_end") == p.wipAtEnd);
        CHECK(c.at("lead_time_p50_seconds").get<double>() == Approx(p.leadTime.p50));
        CHECK(c.at("lead_time_p85_seconds").get<double>() == Approx(p.leadTime.p85));
        CHECK(c.at("flow_efficiency").get<double>() == Approx(p.flowEfficiency));
    }
}

std::size_t finished(const std::vector<metrics::PeriodFlow>& periods) {
    std::size_t sum = 0;
    for (const auto& p : periods)
        sum += p.throughput;
    return sum;
}

} // namespace

TEST_CASE("Flow over time: the view's table is gemba-cli flow's, filters change it",
          "[flow][app]") {
    const model::Project project = store::openProject(kExampleEvents / "measured-delivery.gemba");
    app::FlowOverTimeView view(project);
    REQUIRE(view.openLog(app::EventSource::ofFile(
        QString::fromStdString((kExampleEvents / "software-delivery-events.csv").string()))));
    const auto* table = view.findChild<QTableWidget*>(QStringLiteral("flowTable"));
    REQUIRE(table);

    // Unfiltered, per week.
    checkSameAsCli(view, {});
    const std::size_t all = finished(view.periods());
    CHECK(table->rowCount() == static_cast<int>(view.periods().size()));
    CHECK(table->item(0, 0)->text() == QString::fromStdString(view.periods()[0].label));
    CHECK(table->item(0, 1)->text() == QString::number(view.periods()[0].throughput));

    // Bugs arriving in February and March, per month.
    view.setFilters(metrics::FlowPeriod::Month, QStringLiteral("bug"), QDate(2026, 2, 1),
                    QDate(2026, 3, 31));
    checkSameAsCli(view,
                   {QStringLiteral("--period"), QStringLiteral("month"), QStringLiteral("--type"),
                    QStringLiteral("bug"), QStringLiteral("--from"), QStringLiteral("2026-02-01"),
                    QStringLiteral("--to"), QStringLiteral("2026-03-31")});
    const std::size_t bugs = finished(view.periods());
    CHECK(bugs > 0);
    CHECK(bugs < all);
    CHECK(table->rowCount() == static_cast<int>(view.periods().size()));

    // The item-type list offers the log's types.
    const auto* types = view.findChild<QComboBox*>(QStringLiteral("flowItemType"));
    REQUIRE(types);
    CHECK(types->findData(QStringLiteral("story")) > 0);

    view.resize(1000, 780);
    view.grab().save(
        QString::fromStdString((outputFolder("flow-over-time") / "view.png").string()));
}

TEST_CASE("Flow over time: a log that cannot be read says why", "[flow][app]") {
    app::FlowOverTimeView view(model::Project{});
    CHECK_FALSE(view.openLog(app::EventSource::ofFile(QStringLiteral("/nonexistent/log.csv"))));
    CHECK(view.status().contains(QStringLiteral("log.csv")));
    CHECK(view.periods().empty());
}

TEST_CASE("Flow over time: the log a project was measured from opens again as it was read",
          "[flow][app]") {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project.gemba"));
    const QString log = dir.filePath(QStringLiteral("tracker.csv"));
    {
        QFile file(log);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Key;Status;When\n"
                   "A;Build;2026-03-09 09:00\nA;Done;2026-03-09 11:00\n"
                   "B;Build;2026-03-10 09:00\nB;Done;2026-03-10 10:00\n");
    }
    CHECK_FALSE(app::rememberedEventSource(project)); // nothing remembered yet

    // Read with the usual names, the log cannot be read; with its columns it can.
    app::FlowOverTimeView plain(model::Project{}, project);
    CHECK_FALSE(plain.openLog(app::EventSource::ofFile(log)));
    CHECK(plain.status().contains(QStringLiteral("tracker.csv")));
    CHECK_FALSE(app::rememberedEventSource(project)); // a log that failed is not remembered

    app::EventSource source = app::EventSource::ofFile(log);
    source.format = store::EventFormat::StatusHistory;
    const auto columns = store::parseEventColumns("item=Key, to=Status, timestamp=When");
    REQUIRE(columns.ok());
    source.columns = columns.value();
    app::FlowOverTimeView first(model::Project{}, project);
    REQUIRE(first.openLog(source));
    const std::vector<metrics::PeriodFlow> periods = first.periods();
    REQUIRE(finished(periods) == 2);

    // The next time: the remembered source, columns and all, gives the same figures.
    const std::optional<app::EventSource> remembered = app::rememberedEventSource(project);
    REQUIRE(remembered);
    CHECK(*remembered == source);
    app::FlowOverTimeView again(model::Project{}, project);
    REQUIRE(again.openLog(*remembered));
    CHECK(finished(again.periods()) == 2);
    // Another project remembers nothing of it, and a log that is gone is not offered.
    CHECK_FALSE(app::rememberedEventSource(dir.filePath(QStringLiteral("other.gemba"))));
    REQUIRE(QFile::remove(log));
    CHECK_FALSE(app::rememberedEventSource(project));
}

} // namespace gemba::render::test
