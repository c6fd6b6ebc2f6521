#pragma once

#include "files.h"
#include "gemba/model/project.h"

#include <filesystem>
#include <string>

/// Projects and files shared by the store's tests.
namespace gemba::store::test {

/// A project that sets every field of every entity, with optionals both set and unset, unicode
/// text and ids near the largest the store keeps. It is also the content of the committed
/// fixture tests/data/project-v1.gemba: if the model grows, leave this project as it is and
/// cover the new fields with another.
model::Project fullProject();
/// `project` as a file written before schema 7 reads it: no person or system refers to a
/// catalogue entry.
model::Project withoutCatalogueReferences(model::Project project);
/// fullProject() with a workshop that sets every field, optionals both set and unset.
model::Project fullProjectWithWorkshop();
/// fullProject as a file written before schema 5 reads: its month is 52 / 12 weeks.
model::Project fullProjectOfOldFile();

/// One map of `steps` steps in a line joined by push flows, plus extra flows (information flows
/// and rework loops) up to `flows` flows in all: the size the speed requirements name.
model::Project bigProject(int steps = 10000, int flows = 12000);

using gemba::test::readFile;
using gemba::test::TempDir;
using gemba::test::writeFile;

/// Runs SQL on a database file, outside Gemba, as another program would (to damage files).
void runSql(const std::filesystem::path& file, const std::string& sql);

/// The files in a directory, by name.
std::vector<std::string> listDir(const std::filesystem::path& dir);

} // namespace gemba::store::test
