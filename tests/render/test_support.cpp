#include "test_support.h"

#include "gemba/render/geometry.h"
#include "gemba/render/paged_document.h"
#include "gemba/render/text.h"
#include "gemba/render/theme.h"
#include "gemba/store/project_file.h"
#include "sample_projects.h"

#include <QPainter>
#include <QProcess>
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

namespace gemba::render::test {

namespace fs = std::filesystem;

fs::path outputFolder(const std::string& name) {
    const fs::path folder = fs::path(GEMBA_RENDER_OUT) / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

ToolResult runTool(const QString& program, const QStringList& arguments, const QStringList& unset) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : unset)
        environment.remove(name);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ToolResult result;
    if (!process.waitForStarted(10'000)) {
        result.err =
            "cannot start " + program.toStdString() +
            (program.startsWith(QLatin1String("pdf")) ? " (install poppler-utils; make test does)"
                                                      : "");
        return result;
    }
    process.waitForFinished(60'000);
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput().toStdString();
    result.err = process.readAllStandardError().toStdString();
    return result;
}

ToolResult runCli(const QStringList& arguments, const QStringList& unset) {
    return runTool(QStringLiteral(GEMBA_CLI), arguments, unset);
}

std::string pdfInfoField(const fs::path& pdf, const std::string& field) {
    const ToolResult info =
        runTool(QStringLiteral("pdfinfo"), {QString::fromStdString(pdf.string())});
    INFO(info.err);
    REQUIRE(info.exitCode == 0);
    std::istringstream lines(info.out);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(field + ":", 0) == 0) {
            std::string value = line.substr(field.size() + 1);
            value.erase(0, value.find_first_not_of(' '));
            return value;
        }
    return {};
}

int pdfPages(const fs::path& pdf) {
    return std::stoi(pdfInfoField(pdf, "Pages"));
}

std::string collapsed(const std::string& text) {
    // No compatibility folding: the text must come out as typed, "fi" as two letters and never
    // as the "ﬁ" ligature, which a reader's search for "fi" would miss.
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

namespace {

std::string pdfToText(const fs::path& pdf, QStringList extra) {
    extra << QStringLiteral("-raw") << QStringLiteral("-enc") << QStringLiteral("UTF-8")
          << QString::fromStdString(pdf.string()) << QStringLiteral("-");
    const ToolResult text = runTool(QStringLiteral("pdftotext"), extra);
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    return collapsed(text.out);
}

} // namespace

std::string pdfText(const fs::path& pdf) {
    return pdfToText(pdf, {});
}

std::string pdfPageText(const fs::path& pdf, int page) {
    return pdfToText(pdf, {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                           QString::number(page)});
}

std::vector<NamedProject> exportedProjects() {
    std::vector<NamedProject> out{{"change-requests", changeRequests()},
                                  {"long-stream", longStream(60)},
                                  {"broken", brokenMap()}};
    std::error_code ec;
    std::vector<fs::path> examples;
    for (const auto& entry : fs::directory_iterator(GEMBA_EXAMPLES_DIR, ec))
        if (entry.path().extension() == ".gemba")
            examples.push_back(entry.path());
    std::sort(examples.begin(), examples.end());
    for (const fs::path& file : examples)
        out.push_back({"example-" + file.stem().string(), store::openProject(file)});
    return out;
}

QStringList drawnNameLines(const std::string& name) {
    // As paintStep writes it: bold 9 pt, in the body less 10 units left and 6 right.
    return wrapText(QString::fromStdString(name), theme().font(9, true), kStepWidth - 16, 2);
}

QImage pageImage(const PagedDocument& document, int index) {
    const qreal scale = 60.0 / kUnitsPerInch;
    QImage page((document.pageSize() * scale).toSize(), QImage::Format_ARGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        painter.scale(scale, scale);
        document.paintPage(painter, index);
    }
    return page;
}

} // namespace gemba::render::test
