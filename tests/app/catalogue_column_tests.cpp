// The Catalogue column of the people and systems tables: which entry of the organisation's
// catalogue each stands for, picked from the catalogue beside the project's file, undone,
// read again when the file changes, and a damaged catalogue named.
#include "editor_document.h"
#include "gemba/store/catalogue_file.h"
#include "gemba/store/project_file.h"
#include "panels/people_systems_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <catch2/catch.hpp>

namespace gemba::app::test {

namespace {

constexpr int kSystemCatalogue = 2;
constexpr int kPersonCatalogue = 3;

struct Folder {
    QTemporaryDir dir;
    model::Catalogue catalogue;
    std::string erp;
    std::string anna;
    model::Id sap = 0;
    model::Id nav = 0;
    model::Id fax = 0;
    model::Id person = 0;
    QString project;
};

/// A folder with a catalogue (ERP also written "SAP ERP", Mail server, the person Anna Berg)
/// and a project of systems "SAP ERP", "Nav 2009", "Fax" (referring to an entry that is gone)
/// and the person "Anna".
void makeFolder(Folder& f) {
    REQUIRE(f.dir.isValid());
    f.erp = f.catalogue.add(model::CatalogueKind::System, "ERP", {"SAP ERP"}).id;
    f.catalogue.add(model::CatalogueKind::System, "Mail server");
    f.anna = f.catalogue.add(model::CatalogueKind::Person, "Anna Berg", {}, "Sales").id;
    const std::filesystem::path folder = f.dir.path().toStdString();
    store::writeCatalogueFile(f.catalogue, store::catalogueFileOf(folder));
    model::Project p;
    p.props.name = "Order to cash";
    f.sap = p.allocateId();
    p.systems[f.sap] = model::System{f.sap, "SAP ERP", model::SystemKind::Application};
    f.nav = p.allocateId();
    p.systems[f.nav] = model::System{f.nav, "Nav 2009", model::SystemKind::Application};
    f.fax = p.allocateId();
    p.systems[f.fax] = model::System{f.fax, "Fax", model::SystemKind::Paper, "sys-gone"};
    f.person = p.allocateId();
    p.people[f.person] = model::Person{f.person, "Anna", "Sales", std::nullopt};
    model::Map map;
    map.id = p.allocateId();
    map.props.name = "Current state";
    p.maps.push_back(map);
    f.project = f.dir.filePath(QStringLiteral("order-to-cash.gemba"));
    store::saveProject(p, f.project.toStdString());
}

QString cellText(QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

/// Opens the list of a catalogue cell and returns it.
QComboBox* openPicker(QTableWidget* table, int row, int column) {
    table->editItem(table->item(row, column));
    auto* picker = table->viewport()->findChild<QComboBox*>();
    REQUIRE(picker);
    return picker;
}

QStringList labels(const QComboBox* box) {
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemText(i);
    return out;
}

void pick(QComboBox* box, const QString& label) {
    const int index = box->findText(label);
    REQUIRE(index >= 0);
    box->setCurrentIndex(index);
    emit box->activated(index);
    QApplication::processEvents();
    QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed list
}

/// Waits (up to 5 s) for the file system watcher's news to arrive.
template <class Condition> bool eventually(Condition condition) {
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return condition();
}

} // namespace

TEST_CASE("catalogue column: each system and person shows its entry, and one is picked",
          "[panels][catalogue]") {
    Folder f;
    makeFolder(f);
    EditorDocument doc;
    QString error;
    REQUIRE(doc.open(f.project, &error));
    PeopleSystemsPanel panel(doc);
    panel.resize(520, 560);
    panel.show();
    QTableWidget* systems = panel.systemsTable();
    QTableWidget* people = panel.peopleTable();
    auto* status = panel.findChild<QLabel*>(QStringLiteral("catalogueStatus"));
    REQUIRE(status);
    CHECK(status->text().contains(QStringLiteral("catalogue.json")));
    CHECK(status->text().contains(QStringLiteral("3 entries")));

    // Rows in the project's order: SAP ERP, Nav 2009, Fax.
    CHECK(cellText(systems, 0, kSystemCatalogue) == "ERP (by name)");
    CHECK(cellText(systems, 1, kSystemCatalogue).isEmpty());
    CHECK(cellText(systems, 2, kSystemCatalogue) == "sys-gone (not in the catalogue)");
    CHECK(systems->item(2, kSystemCatalogue)->toolTip().contains("counted by its own name"));
    CHECK(cellText(people, 0, kPersonCatalogue).isEmpty()); // "Anna" is not "Anna Berg"

    // "Nav 2009" says nothing of the ERP: its entry is picked from the catalogue's systems.
    QComboBox* picker = openPicker(systems, 1, kSystemCatalogue);
    CHECK(labels(picker) == QStringList{"By name", "ERP", "Mail server"});
    CHECK(picker->currentText() == "By name");
    pick(picker, "ERP");
    CHECK(doc.project().systems.at(f.nav).catalogue == f.erp);
    CHECK(cellText(systems, 1, kSystemCatalogue) == "ERP");
    CHECK(doc.undoStack()->undoText().contains("Nav 2009"));
    doc.undoStack()->undo();
    CHECK(doc.project().systems.at(f.nav).catalogue.empty());
    CHECK(cellText(systems, 1, kSystemCatalogue).isEmpty());
    doc.undoStack()->redo();
    CHECK(doc.project().systems.at(f.nav).catalogue == f.erp);

    // A reference the catalogue does not have is kept when the list opens, and can be cleared.
    picker = openPicker(systems, 2, kSystemCatalogue);
    CHECK(picker->currentText() == "sys-gone (not in the catalogue)");
    pick(picker, "By name");
    CHECK(doc.project().systems.at(f.fax).catalogue.empty());

    // People pick from the catalogue's people, with their role.
    picker = openPicker(people, 0, kPersonCatalogue);
    CHECK(labels(picker) == QStringList{"By name", "Anna Berg (Sales)"});
    pick(picker, "Anna Berg (Sales)");
    CHECK(doc.project().people.at(f.person).catalogue == f.anna);
    CHECK(cellText(people, 0, kPersonCatalogue) == "Anna Berg");

    // The portfolio window merges in the catalogue file: the column follows.
    model::Catalogue merged = f.catalogue;
    merged.merge("Mail server", "ERP");
    store::writeCatalogueFile(merged, store::catalogueFileOf(f.dir.path().toStdString()));
    CHECK(eventually([&] { return cellText(systems, 1, kSystemCatalogue) == "Mail server"; }));
    CHECK(systems->item(1, kSystemCatalogue)->toolTip().contains("merged into it"));
    CHECK(cellText(systems, 0, kSystemCatalogue) == "Mail server (by name)");
}

TEST_CASE("catalogue column: a damaged catalogue is named, and no file means no catalogue",
          "[panels][catalogue]") {
    Folder f;
    makeFolder(f);
    QFile file(QString::fromStdString(store::catalogueFileOf(f.dir.path().toStdString()).string()));
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"format\": \"gemba-catalogue\", \"entries\": [");
    file.close();
    EditorDocument doc;
    QString error;
    REQUIRE(doc.open(f.project, &error));
    PeopleSystemsPanel panel(doc);
    auto* status = panel.findChild<QLabel*>(QStringLiteral("catalogueStatus"));
    REQUIRE(status);
    CHECK(status->text().startsWith("The catalogue cannot be read"));
    CHECK(status->text().contains("catalogue.json"));
    // The references stay as they are, shown as written.
    CHECK(cellText(panel.systemsTable(), 2, kSystemCatalogue) == "sys-gone");
    CHECK(cellText(panel.systemsTable(), 0, kSystemCatalogue).isEmpty());

    EditorDocument unsaved;
    PeopleSystemsPanel fresh(unsaved);
    auto* none = fresh.findChild<QLabel*>(QStringLiteral("catalogueStatus"));
    REQUIRE(none);
    CHECK(none->text().contains("catalogue.json of its folder"));
    // No catalogue and no reference: the column would stay empty, and is not shown.
    CHECK(fresh.systemsTable()->isColumnHidden(kSystemCatalogue));
    CHECK(fresh.peopleTable()->isColumnHidden(kPersonCatalogue));
    CHECK_FALSE(panel.systemsTable()->isColumnHidden(kSystemCatalogue));
}

} // namespace gemba::app::test
