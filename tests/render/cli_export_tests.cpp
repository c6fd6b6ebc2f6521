// gemba-cli export and report, run as a user runs them: files, messages and exit codes.

#include "gemba/store/project_file.h"
#include "sample_projects.h"
#include "test_support.h"

#include <QImage>
#include <catch2/catch.hpp>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& file) {
    return QString::fromStdString(file.string());
}

struct CliFixture {
    fs::path folder;
    fs::path project;
    explicit CliFixture(const std::string& name)
        : folder(outputFolder(name))
        , project(folder / "change-requests.gemba") {
        store::saveProject(changeRequests(), project);
    }
};

} // namespace

TEST_CASE("gemba-cli export writes each format and exits with 0") {
    const CliFixture f("cli-export");
    const QString file = q(f.project);
    const QString map = QStringLiteral("Current state");
    const auto run = [&](const QString& out, QStringList extra) {
        QStringList arguments{QStringLiteral("export"), file,
                              QStringLiteral("--map"),  map,
                              QStringLiteral("-o"),     q(f.folder / out.toStdString())};
        arguments << extra;
        return runCli(arguments);
    };
    for (const auto& [out, extra] : std::vector<std::pair<QString, QStringList>>{
             {"map.pdf", {"--date", "2024-05-06", "--no-findings"}},
             {"map.svg", {}},
             {"map.png", {"--dpi", "48"}},
             {"wide.png", {"--width", "640", "--transparent"}},
             {"steps.csv", {}},
             {"figures.csv", {"--metrics"}}}) {
        const ToolResult result = run(out, extra);
        INFO(out.toStdString() << ": " << result.err);
        CHECK(result.exitCode == 0);
        CHECK_FALSE(result.crashed);
        CHECK(result.out.rfind("Wrote ", 0) == 0);
        CHECK(fs::exists(f.folder / out.toStdString()));
    }
    CHECK(pdfPages(f.folder / "map.pdf") >= 3); // map page, step table, red pen
    CHECK(QImage(q(f.folder / "wide.png")).width() == 640);
    CHECK(QImage(q(f.folder / "wide.png")).pixelColor(0, 0).alpha() == 0);
}

TEST_CASE("gemba-cli report compares two maps, with the options it documents") {
    const CliFixture f("cli-report");
    const fs::path pdf = f.folder / "report.pdf";
    ToolResult result = runCli({"report", q(f.project), "--from", "Current state", "--to",
                                "Future state", "-o", q(pdf), "--date", "2024-05-06"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const std::string text = pdfText(pdf);
    CHECK(text.find("Comparison: Current state → Future state") != std::string::npos);
    CHECK(text.find("Automated checks") != std::string::npos);

    // Of two maps, --from alone names the other as the one the report is about.
    const fs::path implied = f.folder / "implied.pdf";
    result = runCli({"report", q(f.project), "--from", "Current state", "-o", q(implied)});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(pdfInfoField(implied, "Title") == "Change requests — Future state");

    const fs::path small = f.folder / "small.pdf";
    result = runCli({"report", q(f.project), "--map", "Current state", "-o", q(small), "--page",
                     "letter", "--portrait", "--scale", "100%", "--no-steps", "--no-red-pen",
                     "--no-findings", "--author", "Jo Example"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.find("Letter portrait") != std::string::npos);
    CHECK(pdfInfoField(small, "Page size").find("612 x 792") != std::string::npos);
    CHECK(pdfPages(small) > 1); // an overview and tiles: the map is wider than Letter at 100%
    CHECK(pdfText(small).find("Jo Example") != std::string::npos);
}

TEST_CASE("gemba-cli export and report refuse bad usage with 2, and write nothing") {
    const CliFixture f("cli-usage");
    const QString file = q(f.project);
    const QString out = q(f.folder / "out.pdf");
    const std::vector<std::pair<QStringList, std::string>> cases = {
        {{"export", file, "--map", "Nowhere", "-o", out}, "no map named \"Nowhere\""},
        {{"export", file, "-o", out}, "option --map MAP is required"},
        {{"export", file, "--map", "Current state"}, "option -o"},
        {{"export", file, "--map", "Current state", "-o", q(f.folder / "out.doc")},
         "end it in .pdf, .svg, .png, .csv or .drawio"},
        {{"export", file, "--map", "Current state", "-o", out, "--dpi", "300"},
         "--dpi applies to png files only"},
        {{"export", file, "--map", "Current state", "-o", q(f.folder / "x.png"), "--dpi", "-3"},
         "--dpi needs a number above 0"},
        {{"export", file, "--map", "Current state", "-o", q(f.folder / "x.png"), "--dpi", "100000"},
         "pixels"},
        {{"report", file, "--map", "Current state", "-o", out, "--page", "A5"}, "A4, A3 or Letter"},
        {{"report", file, "--map", "Current state", "-o", out, "--scale", "huge"},
         "--scale takes 'fit' or a percentage"},
        {{"report", file, "--from", "Current state", "--to", "Current state", "-o", out},
         "the same map"},
        {{"export", file, "--map", "Future state", "--from", "Future state", "-o", out},
         "the same map"},
        {{"report", file, "--map", "Current state", "-o", q(f.folder / "report.svg")},
         "a report is a PDF"},
        {{"report", q(f.folder / "missing.gemba"), "-o", out}, "missing.gemba"},
        {{"report", file, "--map", "Current state", "-o", q(f.folder / "no" / "out.pdf")},
         "cannot write"},
    };
    for (const auto& [arguments, message] : cases) {
        const ToolResult result = runCli(arguments);
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << result.err);
        CHECK(result.exitCode == 2);
        CHECK_FALSE(result.crashed);
        CHECK(result.err.find(message) != std::string::npos);
    }
    // Nothing but the project itself was left in the folder.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(f.folder)) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
}

TEST_CASE("gemba-cli writes a map with errors, lists them and exits with 1") {
    const fs::path folder = outputFolder("cli-broken");
    const fs::path project = folder / "broken.gemba";
    store::saveProject(brokenMap(), project);
    const fs::path pdf = folder / "broken.pdf";
    const ToolResult result = runCli({"report", q(project), "-o", q(pdf)});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("error:") != std::string::npos);
    CHECK(fs::exists(pdf));
}

TEST_CASE("gemba-cli draws with no display and no platform set") {
    const fs::path folder = outputFolder("cli-headless");
    const fs::path project = folder / "p.gemba";
    store::saveProject(changeRequests(), project);
    const ToolResult result =
        runCli({"export", q(project), "--map", "Future state", "-o", q(folder / "future.png")},
               {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
    INFO(result.err);
    CHECK(result.exitCode == 0);
    CHECK_FALSE(QImage(q(folder / "future.png")).isNull());
}

TEST_CASE("gemba-cli export on a full disk says so, for every format") {
    const CliFixture f("cli-full-disk");
    const fs::path full = f.folder / "full";
    fs::create_directories(full);
    // A 4 KiB file system, mounted in a mount namespace of the child's own: as full as a disk
    // gets after one page. Where namespaces are not allowed (not root), there is no such disk.
    const QString mountFull =
        QStringLiteral("mount -t tmpfs -o size=4k tmpfs \"$1\" && shift && exec \"$@\"");
    const ToolResult probe =
        runTool(QStringLiteral("unshare"),
                {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), mountFull,
                 QStringLiteral("sh"), q(full), QStringLiteral("true")});
    if (probe.exitCode != 0) {
        WARN("no full disk to write to (unshare --mount needs root): " << probe.err);
        return;
    }
    for (const char* name : {"map.svg", "map.pdf", "map.png"}) {
        const ToolResult result =
            runTool(QStringLiteral("unshare"),
                    {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
                     mountFull, QStringLiteral("sh"), q(full), QStringLiteral(GEMBA_CLI),
                     QStringLiteral("export"), q(f.project), QStringLiteral("--map"),
                     QStringLiteral("Current state"), QStringLiteral("-o"), q(full / name)});
        INFO(name << ": " << result.err);
        CHECK(result.exitCode == 2);
        CHECK_FALSE(result.crashed);
        CHECK(result.err.find("No space left on device") != std::string::npos);
        CHECK(result.err.find("Unknown error") == std::string::npos);
    }
}

} // namespace gemba::render::test
