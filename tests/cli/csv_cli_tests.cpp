// The CSV exports and imports as a user runs them: map tables that round-trip, figure tables,
// `compare --csv`, byte-order marks and the warnings of import-csv.
#include "run_cli.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using gemba::cli::test::CliResult;
using gemba::cli::test::readFile;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;
using nlohmann::json;

namespace {

const std::string kExamples = std::string(GEMBA_SOURCE_DIR) + "/examples/";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// The figures with element ids (and the flows the handoffs are on) taken out: an imported
/// map's elements have new ids.
json withoutIds(json value) {
    if (value.is_object()) {
        json out = json::object();
        for (auto& [key, item] : value.items())
            if (key != "id" && key != "element" && key != "handoff_flows" &&
                !key.ends_with("_id") && !key.ends_with("_ids"))
                out[key] = withoutIds(item);
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (auto& item : value)
            out.push_back(withoutIds(item));
        return out;
    }
    return value;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos); // every line ends in CRLF
        out.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

} // namespace

TEST_CASE("export --table map then import-csv gives every example map identical metrics --json") {
    TempDir dir;
    for (const char* name :
         {"production-line", "office-order-to-cash", "software-delivery", "insurance-claims"}) {
        const std::string project = kExamples + name + ".gemba";
        CliResult r = runCli({"metrics", project, "--json"}, dir.path());
        const json all = json::parse(r.out);
        for (const json& original : all) {
            const std::string map = original["map"];
            INFO(name << ": " << map);
            r = runCli({"export", project, "--map", map, "--table", "map", "-o", "map.csv"},
                       dir.path());
            REQUIRE(r.exitCode == 0);
            CHECK(contains(r.out, "every element of \"" + map + "\""));
            std::filesystem::remove(dir / "back.gemba");
            r = runCli({"import-csv", "map.csv", "-o", "back.gemba"}, dir.path());
            REQUIRE(r.exitCode == 0);
            CHECK(r.err.empty()); // no warnings
            r = runCli({"metrics", "back.gemba", "--json", "--map", map}, dir.path());
            CHECK(withoutIds(json::parse(r.out)) == withoutIds(original));
        }
    }
}

TEST_CASE("CSV exports end lines in CRLF and --bom starts them with a byte-order mark") {
    TempDir dir;
    const std::string project = kExamples + "office-order-to-cash.gemba";
    for (const char* table : {"steps", "map", "figures", "step-figures"}) {
        INFO(table);
        CliResult r = runCli({"export", project, "--map", "Current state", "--table", table,
                              "--bom", "-o", "out.csv"},
                             dir.path());
        REQUIRE(r.exitCode == 0);
        const std::string text = readFile(dir / "out.csv");
        REQUIRE(text.starts_with("\xEF\xBB\xBF"));
        CHECK(lines(text.substr(3)).size() > 2);
        r = runCli(
            {"export", project, "--map", "Current state", "--table", table, "-o", "plain.csv"},
            dir.path());
        CHECK(readFile(dir / "plain.csv") == text.substr(3));
    }
    CliResult r = runCli({"export", project, "--table", "pivot", "-o", "x.csv"}, dir.path());
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "steps, map, figures or step-figures"));
    r = runCli({"export", project, "--bom", "-o", "x.svg"}, dir.path());
    CHECK(r.exitCode == 2);
}

TEST_CASE("export --table step-figures: the engine's figures per step, with the map's demand") {
    TempDir dir;
    const std::string project = kExamples + "production-line.gemba";
    CliResult r = runCli({"metrics", project, "--json", "--map", "Current state"}, dir.path());
    const json m = json::parse(r.out);
    r = runCli(
        {"export", project, "--map", "Current state", "--table", "step-figures", "-o", "steps.csv"},
        dir.path());
    REQUIRE(r.exitCode == 0);
    const auto rows = lines(readFile(dir / "steps.csv"));
    REQUIRE(rows.size() >= 3);
    CHECK(rows[0] == "map,demand per day,available time per day s,takt s,step,visits,on path,"
                     "process time s,lead time s,cycle time s,capacity per day,above takt,"
                     "waiting before s");
    CHECK(contains(rows[1], "Current state,"));
    double sumWaiting = 0;
    double sumProcess = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (;;) {
            const std::size_t comma = rows[i].find(',', start);
            cells.push_back(rows[i].substr(start, comma - start));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        REQUIRE(cells.size() == 13);
        CHECK(std::stod(cells[3]) == Approx(m["takt_seconds"].get<double>()));
        if (cells[6] == "yes") {
            sumProcess += std::stod(cells[7]) * std::stod(cells[5]);
            sumWaiting += cells[12].empty() ? 0 : std::stod(cells[12]);
        }
    }
    // On a straight line (visits 1), the steps' process times add up to the map's.
    CHECK(sumProcess == Approx(m["process_time_seconds"].get<double>()));
    CHECK(sumWaiting > 0);
}

TEST_CASE("compare --csv: figures, the waterfall with its running lead time, and the steps") {
    TempDir dir;
    const std::string project = kExamples + "office-order-to-cash.gemba";
    CliResult r = runCli({"compare", project, "--csv"}, dir.path());
    REQUIRE(r.exitCode == 0);
    const auto rows = lines(r.out);
    CHECK(rows[0] == "section,key,label,before,after,change,percent");
    CHECK(rows[1].starts_with("maps,name,Map,Current state,Future state"));
    bool leadTime = false;
    std::string figureBefore;
    std::string start;
    std::string end;
    int bars = 0;
    for (const std::string& row : rows) {
        if (row.starts_with("figure,lead_time_seconds,Lead time,")) {
            leadTime = true;
            const std::string rest = row.substr(row.find("Lead time,") + 10);
            figureBefore = rest.substr(0, rest.find(','));
        }
        if (row.starts_with("waterfall,start,"))
            start = row;
        if (row.starts_with("waterfall,end,"))
            end = row;
        bars += row.starts_with("waterfall,change,");
    }
    CHECK(leadTime);
    // The waterfall starts at the as-is lead time, as the figure row gives it.
    CHECK(start == "waterfall,start,Lead time before,," + figureBefore);
    CHECK_FALSE(end.empty());
    CHECK(bars > 0);
    r = runCli({"compare", project, "--csv", "--bom"}, dir.path());
    CHECK(r.out.starts_with("\xEF\xBB\xBF"));
    r = runCli({"compare", project, "--csv", "--json"}, dir.path());
    CHECK(r.exitCode == 2);
    r = runCli({"compare", project, "--bom"}, dir.path());
    CHECK(r.exitCode == 2);
}

TEST_CASE("import-csv warns about %C&A fractions and an inventory without demand") {
    TempDir dir;
    writeFile(dir / "steps.csv", "Step;PT [min];Inventory;%C&A\n"
                                 "Cut;1,5;;0,95\n"
                                 "Weld;2;2.500;0,9\n");
    CliResult r = runCli({"import-csv", "steps.csv", "-o", "p.gemba"}, dir.path());
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "warning: steps.csv: column D '%C&A': every value is between 0 and 1"));
    CHECK(contains(r.err, "warning: steps.csv: row 3, column C 'Inventory': an inventory of "
                          "2500 items"));
    CHECK(contains(r.err, "--demand-per-day"));
}
