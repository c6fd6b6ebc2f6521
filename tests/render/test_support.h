#pragma once

#include "gemba/model/project.h"

#include <QImage>
#include <QStringList>
#include <filesystem>
#include <string>
#include <vector>

/// What the render tests share: where their files go, running tools (poppler, gemba-cli), and
/// every project they export.
namespace gemba::render {
class PagedDocument;
}

namespace gemba::render::test {

/// A folder under the build's render output folder, made on demand and emptied first.
std::filesystem::path outputFolder(const std::string& name);

struct ToolResult {
    int exitCode = -1;
    bool crashed = false;
    std::string out;
    std::string err;
};
/// Runs a program and waits for it (at most a minute). `unset` names environment variables
/// the program does not get.
ToolResult runTool(const QString& program, const QStringList& arguments,
                   const QStringList& unset = {});
/// Runs the real gemba-cli.
ToolResult runCli(const QStringList& arguments, const QStringList& unset = {});

/// Page count as pdfinfo reads it, and any other field of pdfinfo's ("Title", "Creator").
int pdfPages(const std::filesystem::path& pdf);
std::string pdfInfoField(const std::filesystem::path& pdf, const std::string& field);
/// The PDF's text in content order (pdftotext -raw), with every run of white space one space.
std::string pdfText(const std::filesystem::path& pdf);
std::string pdfPageText(const std::filesystem::path& pdf, int page);

/// Every run of white space as one space.
std::string collapsed(const std::string& text);

struct NamedProject {
    std::string name; ///< a file-name friendly name
    model::Project project;
};
/// The sample projects, then every project of examples/*.gemba.
std::vector<NamedProject> exportedProjects();

/// A page of a document at 60 pixels per inch (60/96 of a pixel per unit).
QImage pageImage(const PagedDocument& document, int index);

/// The lines a step's name is drawn in, on its box (wrapped and elided as the painter does).
QStringList drawnNameLines(const std::string& name);

} // namespace gemba::render::test
