// gemba-bench-repository: the shared repository on PostgreSQL, against bare COPY of the same
// rows in the same run.
//   - push and pull of the 10,000-step benchmark project (bench/map_generator.h, seed 1);
//     goal: each within 3x of a bare COPY of the same rows into (out of) plain tables;
//   - a portfolio of 500 projects of 50 steps each read from the repository; goal: < 2 s.
// The server: --url URL (a database it may drop and create tables in), else a throw-away
// cluster that scripts/pg-cluster.sh starts under the system's temporary folder and stops.
//   build-release/bin/gemba-bench-repository [--runs R] [--url URL]
#include "gemba/metrics/portfolio.h"
#include "gemba/store/repository.h"
#include "map_generator.h"
#include "pg_connection.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace gemba;
using store::detail::PgConnection;

struct Timing {
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double clientCpuMs = 0; ///< median CPU time of this process (the server's is not counted)
};

double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Timing timeIt(int runs, const std::function<void()>& work) {
    work(); // warm-up
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = processCpuMs();
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        cpu.push_back(processCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), cpu[cpu.size() / 2]};
}

/// A cluster of scripts/pg-cluster.sh for the run, stopped by the destructor.
class Cluster {
public:
    Cluster() {
        m_dir = std::filesystem::temp_directory_path() /
                ("gemba-bench-pg-" + std::to_string(::getpid()));
        run("start");
        std::ifstream in(m_dir / "url");
        std::getline(in, m_url);
        if (m_url.empty())
            throw std::runtime_error("the PostgreSQL cluster did not start (" + m_dir.string() +
                                     "); is Debian's postgresql installed?");
    }
    ~Cluster() { run("stop"); }
    const std::string& url() const { return m_url; }

private:
    void run(const char* action) {
        const std::string command = std::string(GEMBA_SOURCE_DIR) + "/scripts/pg-cluster.sh " +
                                    action + " " + m_dir.string() + " >/dev/null";
        if (std::system(command.c_str()) != 0 && std::string(action) == "start")
            throw std::runtime_error("scripts/pg-cluster.sh start failed");
    }
    std::filesystem::path m_dir;
    std::string m_url;
};

void printRow(const char* subject, const Timing& t) {
    std::printf("  %-52s %10.1f %10.1f %10.1f %10.1f\n", subject, t.medianMs, t.minMs, t.maxMs,
                t.clientCpuMs);
}

} // namespace

int main(int argc, char** argv) {
    int runs = 7;
    std::string url;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--url" && i + 1 < argc)
            url = argv[++i];
        else {
            std::fprintf(stderr, "usage: gemba-bench-repository [--runs R] [--url URL]\n");
            return 2;
        }
    }
    try {
        std::unique_ptr<Cluster> cluster;
        if (url.empty()) {
            cluster = std::make_unique<Cluster>();
            url = cluster->url();
        }
        {
            PgConnection admin(url);
            // Whatever a run before left, so that init builds every migration afresh.
            admin.execScript("DROP TABLE IF EXISTS entity, map, project_version, presence, "
                             "project, catalogue_entry, catalogue_merge, catalogue_state, "
                             "gemba_repository, entity_bare, map_bare CASCADE;"
                             "DROP FUNCTION IF EXISTS gemba_in_team, gemba_entity_project_exists, "
                             "gemba_project_deleted, gemba_reads_portfolio");
        }
        store::Repository repo(url);
        repo.init();

        const model::Project big = bench::generateProject({});
        std::size_t steps = big.maps.front().steps.size();
        long long version = repo.push("benchmark", big, 0);
        std::printf("Project: %zu steps in one map (map_generator, seed 1)\n", steps);

        PgConnection sql(url);
        const std::string id =
            sql.exec("SELECT id FROM project WHERE name = 'benchmark'").text(0, 0);
        const std::string entityRows =
            sql.copyOut("COPY (SELECT * FROM entity WHERE project = " + id + ") TO STDOUT");
        const std::string mapRows =
            sql.copyOut("COPY (SELECT * FROM map WHERE project = " + id + ") TO STDOUT");
        const auto rowCount = std::count(entityRows.begin(), entityRows.end(), '\n') +
                              std::count(mapRows.begin(), mapRows.end(), '\n');
        std::printf("Rows: %ld entity and map rows, %.2f MB as COPY text\n",
                    static_cast<long>(rowCount),
                    static_cast<double>(entityRows.size() + mapRows.size()) / 1e6);
        // The bare reference: plain tables of the same columns, no keys, no index.
        sql.execScript("CREATE TABLE entity_bare (LIKE entity); CREATE TABLE map_bare (LIKE map)");

        std::printf("\n  %-52s %10s %10s %10s %10s\n", "", "median ms", "min ms", "max ms",
                    "client CPU");
        const Timing push = timeIt(runs, [&] { version = repo.push("benchmark", big, version); });
        printRow("push (a new version, one transaction)", push);
        const Timing copyIn = timeIt(runs, [&] {
            sql.exec("BEGIN");
            sql.exec("TRUNCATE entity_bare, map_bare");
            sql.copyIn("COPY map_bare FROM STDIN", mapRows);
            sql.copyIn("COPY entity_bare FROM STDIN", entityRows);
            sql.exec("COMMIT");
        });
        printRow("bare COPY of the same rows in (one transaction)", copyIn);
        const Timing pull =
            timeIt(runs, [&] { steps = repo.pull("benchmark").project.maps.size(); });
        printRow("pull (rows read, the model built and checked)", pull);
        std::size_t bytes = 0;
        const Timing copyOut = timeIt(runs, [&] {
            bytes = sql.copyOut("COPY map_bare TO STDOUT").size() +
                    sql.copyOut("COPY entity_bare TO STDOUT").size();
        });
        printRow("bare COPY of the same rows out", copyOut);

        // 500 streams of 50 steps, each its own project.
        for (int i = 0; i < 500; ++i) {
            model::Project p = bench::generateProject({50, static_cast<std::uint64_t>(i + 1)});
            p.props.name = "Stream " + std::to_string(i + 1);
            repo.push("stream " + std::to_string(i + 1), p, 0);
        }
        sql.exec("DELETE FROM project WHERE name = 'benchmark'");
        std::size_t streams = 0;
        const Timing portfolio = timeIt(std::max(3, runs / 2), [&] {
            std::vector<metrics::PortfolioSource> sources;
            for (auto& [name, project] : repo.pullAll())
                sources.push_back({name, std::move(project)});
            streams = metrics::buildPortfolio(sources).streams.size();
        });
        printRow("portfolio of 500 projects x 50 steps (read + build)", portfolio);
        if (streams != 500 || bytes == 0)
            throw std::runtime_error("the portfolio did not read every project");

        struct Goal {
            const char* what;
            double value;
            double limit;
            const char* unit;
        };
        const Goal goals[] = {
            {"push / bare COPY in (medians)", push.medianMs / copyIn.medianMs, 3, "x"},
            {"pull / bare COPY out (medians)", pull.medianMs / copyOut.medianMs, 3, "x"},
            {"portfolio of 500 x 50 steps, median", portfolio.medianMs, 2000, "ms"},
        };
        bool allMet = true;
        std::printf("\nGoals\n");
        for (const Goal& g : goals) {
            const bool met = g.value < g.limit;
            allMet = allMet && met;
            std::printf("  %-40s %9.2f %-2s  limit %6.0f %-2s  %s\n", g.what, g.value, g.unit,
                        g.limit, g.unit, met ? "met" : "MISSED");
        }
        return allMet ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gemba-bench-repository: %s\n", e.what());
        return 2;
    }
}
