// gemba-cli import-drawio and export -o FILE.drawio, as a user runs them: the test diagrams of
// tests/data/drawio, the import report on standard error and as JSON, exit codes, and hostile
// files that must end with exit 2, a message and no project written.

#include "run_cli.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <zlib.h>

using gemba::cli::test::readFile;
using gemba::cli::test::runCli;
using gemba::cli::test::TempDir;
using gemba::cli::test::writeFile;

namespace {

const std::filesystem::path kData = std::filesystem::path(GEMBA_TEST_DATA) / "drawio";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string base64(const std::string& data) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) |
                           static_cast<unsigned char>(data[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out.push_back(alphabet[(n >> shift) & 63]);
    }
    const std::size_t rest = data.size() - i;
    if (rest > 0) {
        unsigned n = static_cast<unsigned char>(data[i]) << 16;
        if (rest == 2)
            n |= static_cast<unsigned char>(data[i + 1]) << 8;
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(rest == 2 ? alphabet[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

/// A raw deflate stream that inflates to `mebibytes` MiB of zeros: one flushed block of 1 MiB
/// repeated, then an empty final block. A few MB on disk for gigabytes inflated.
std::string zeroBomb(int mebibytes) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string zeros(1 << 20, '\0');
    std::string block(deflateBound(&stream, zeros.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(zeros.data());
    stream.avail_in = static_cast<uInt>(zeros.size());
    stream.next_out = reinterpret_cast<Bytef*>(block.data());
    stream.avail_out = static_cast<uInt>(block.size());
    deflate(&stream, Z_FULL_FLUSH);
    block.resize(block.size() - stream.avail_out);
    std::string tail(64, '\0');
    stream.next_out = reinterpret_cast<Bytef*>(tail.data());
    stream.avail_out = static_cast<uInt>(tail.size());
    deflate(&stream, Z_FINISH);
    tail.resize(tail.size() - stream.avail_out);
    deflateEnd(&stream);
    std::string out;
    out.reserve(block.size() * static_cast<std::size_t>(mebibytes) + tail.size());
    for (int i = 0; i < mebibytes; ++i)
        out += block;
    return out + tail;
}

} // namespace

TEST_CASE("import-drawio: a two-page diagram, with its report on standard error") {
    TempDir dir;
    const auto result = runCli({"import-drawio", (kData / "two-pages.drawio").string(), "-o",
                                "plant.gemba", "--demand-per-day", "600"},
                               dir.path());
    INFO(result.err);
    CHECK(result.exitCode == 1); // an ambiguous "m" was refused, an edge left out
    CHECK(contains(result.out, "Created map \"Line\" (4 steps) in plant.gemba"));
    CHECK(contains(result.out, "Created map \"Office\" (2 steps) in plant.gemba"));
    CHECK(contains(result.err, "page \"Line\": 30 shapes and edges read: 4 steps, 4 data boxes"));
    CHECK(contains(result.err, "cell tl: disagreement: timeline: the process time of \"Cutting\" "
                               "is 45 sec on the diagram's timeline, 44 s computed by Gemba"));
    CHECK(contains(result.err, "refused: data box of \"Intake\": 'C/T=5 m'"));
    CHECK(contains(result.err, "joined: an edge's loose end at (635, 235) is joined to "
                               "\"Painting\""));
    CHECK(contains(result.err, "unmapped: kanban_post"));

    const auto metrics = runCli({"metrics", "plant.gemba", "--map", "Line", "--json"}, dir.path());
    REQUIRE(metrics.exitCode == 0);
    const auto figures = nlohmann::json::parse(metrics.out);
    CHECK(figures["process_time_seconds"].get<double>() == Approx(1964));

    // Adding a page again gives it a name of its own; --json reports on standard output.
    const auto again = runCli({"import-drawio", (kData / "two-pages-compressed.drawio").string(),
                               "-o", "plant.gemba", "--page", "Office", "--json"},
                              dir.path());
    CHECK(again.exitCode == 1);
    const auto report = nlohmann::json::parse(again.out);
    REQUIRE(report["pages"].size() == 1);
    CHECK(report["pages"][0]["page"] == "Office");
    CHECK(report["pages"][0]["steps"] == 2);
    CHECK(report["items"][0]["kind"] == "refused");
    const auto list = runCli({"validate", "plant.gemba", "--map", "Office (2)"}, dir.path());
    CHECK(list.exitCode == 0);
}

TEST_CASE("export -o FILE.drawio: every map as a page, read back with nothing to report") {
    TempDir dir;
    const std::string example =
        (std::filesystem::path(GEMBA_SOURCE_DIR) / "examples" / "production-line.gemba").string();
    const auto exported = runCli({"export", example, "-o", "line.drawio"}, dir.path());
    INFO(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out == "Wrote line.drawio: 2 pages (\"Current state\", \"Future state\")\n");
    const std::string file = readFile(dir / "line.drawio");
    CHECK(file.starts_with("<mxfile"));
    CHECK(contains(file, "shape=mxgraph.lean_mapping.data_box"));
    CHECK(contains(file, "shape=mxgraph.lean_mapping.kaizen_lightening_burst"));

    const auto back = runCli({"import-drawio", "line.drawio", "-o", "back.gemba"}, dir.path());
    INFO(back.err);
    CHECK(back.exitCode == 0);
    CHECK_FALSE(contains(back.err, "disagreement"));
    CHECK_FALSE(contains(back.err, "unmapped"));
    const auto a = runCli({"metrics", example, "--json"}, dir.path());
    const auto b = runCli({"metrics", "back.gemba", "--json"}, dir.path());
    const auto ja = nlohmann::json::parse(a.out);
    const auto jb = nlohmann::json::parse(b.out);
    REQUIRE(ja.size() == jb.size());
    for (std::size_t i = 0; i < ja.size(); ++i)
        for (const char* key : {"lead_time_seconds", "process_time_seconds", "activity_ratio",
                                "rolled_pca", "takt_seconds", "handoffs"})
            CHECK(jb[i][key] == ja[i][key]);

    const auto one =
        runCli({"export", example, "--map", "Future state", "-o", "future.drawio"}, dir.path());
    CHECK(one.out == "Wrote future.drawio: 1 page (\"Future state\")\n");
}

TEST_CASE("import-drawio: hostile files end with exit 2 and a message, writing nothing") {
    TempDir dir;
    const auto refused = [&](const std::string& name, const std::string& bytes,
                             const std::string& message) {
        INFO(name);
        writeFile(dir / name, bytes);
        const auto start = std::chrono::steady_clock::now();
        const auto result = runCli({"import-drawio", name, "-o", "out.gemba"}, dir.path());
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK_FALSE(result.crashed);
        CHECK(result.exitCode == 2);
        CHECK(contains(result.err, name));
        CHECK(contains(result.err, message));
        CHECK_FALSE(std::filesystem::exists(dir / "out.gemba"));
        CHECK(seconds < 30);
    };
    // 4 GiB of zeros in about 4 MB.
    refused("bomb.drawio",
            "<mxfile><diagram name=\"P\">" + base64(zeroBomb(4096)) + "</diagram></mxfile>",
            "inflates to more than 64 MiB");
    refused("laughs.drawio",
            "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\">"
            "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]>"
            "<mxfile>&c;</mxfile>",
            "DOCTYPE");
    refused("garbage.drawio", std::string(1 << 20, '<'), "not readable XML");
    std::string nested;
    for (int i = 0; i < 200000; ++i)
        nested += "<g>";
    refused("nested.drawio", nested, "nested more than 64 deep");
    refused("base64.drawio", "<mxfile><diagram name=\"P\">%%%%</diagram></mxfile>",
            "not valid base64");
    // Larger than the limit: refused before it is read (a sparse file takes no room).
    writeFile(dir / "huge.drawio", "<mxfile>");
    std::filesystem::resize_file(dir / "huge.drawio", std::uintmax_t(40) << 20);
    const auto huge = runCli({"import-drawio", "huge.drawio", "-o", "out.gemba"}, dir.path());
    CHECK(huge.exitCode == 2);
    CHECK(contains(huge.err, "larger than 32 MiB"));
    CHECK_FALSE(std::filesystem::exists(dir / "out.gemba"));
}
