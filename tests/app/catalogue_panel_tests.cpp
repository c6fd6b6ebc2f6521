// The Catalogue tab of the portfolio window: entries with the streams that use them, Add to
// Catalogue, and Merge… of two selected entries saved to the folder's catalogue file.
#include "catalogue_panel.h"
#include "gemba/store/catalogue_file.h"
#include "gemba/store/project_file.h"
#include "portfolio_view.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace gemba::app::test {

namespace {

/// A stream of one step (1 h) that uses `system`.
void writeStream(const std::filesystem::path& dir, const std::string& name,
                 const std::string& system) {
    model::Project p;
    p.props.name = name;
    model::System s;
    s.id = p.allocateId();
    s.name = system;
    p.systems.emplace(s.id, s);
    model::Map map;
    map.id = p.allocateId();
    map.props.name = "Current state";
    model::Step step;
    step.id = p.allocateId();
    step.name = "Work in " + system;
    step.processTime = 3600;
    step.systems = {s.id};
    map.steps.emplace(step.id, step);
    p.maps.push_back(map);
    store::saveProject(p, dir / (name + ".gemba"));
}

int rowNamed(QTableWidget* table, const QString& name) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == name)
            return row;
    return -1;
}

void selectRows(QTableWidget* table, std::initializer_list<int> rows) {
    table->clearSelection();
    for (int row : rows)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

TEST_CASE("catalogue tab: merging two entries makes one shared system, saved to the folder",
          "[app][portfolio][catalogue]") {
    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    const std::filesystem::path dir = temp.path().toStdString();
    writeStream(dir, "Sales", "ERP");
    writeStream(dir, "Support", "SAP ERP");
    writeStream(dir, "Billing", "Fax");
    model::Catalogue catalogue;
    const std::string erp = catalogue.add(model::CatalogueKind::System, "ERP").id;
    const std::string sap = catalogue.add(model::CatalogueKind::System, "SAP ERP").id;
    store::writeCatalogueFile(catalogue, store::catalogueFileOf(dir));

    PortfolioView view;
    view.setSource(temp.path());
    REQUIRE(view.portfolio().streams.size() == 3);
    CHECK(view.portfolio().systems.size() == 3);
    CataloguePanel* panel = view.cataloguePanel();
    REQUIRE(panel);
    auto* table = panel->findChild<QTableWidget*>(QStringLiteral("catalogueTable"));
    auto* merge = panel->findChild<QPushButton*>(QStringLiteral("catalogueMerge"));
    auto* add = panel->findChild<QPushButton*>(QStringLiteral("catalogueAdd"));
    REQUIRE(table);
    REQUIRE(merge);
    REQUIRE(add);
    REQUIRE(table->rowCount() == 3); // two entries, and "Fax", which no entry matches
    const int erpRow = rowNamed(table, QStringLiteral("ERP"));
    const int sapRow = rowNamed(table, QStringLiteral("SAP ERP"));
    const int faxRow = rowNamed(table, QStringLiteral("Fax"));
    REQUIRE(erpRow >= 0);
    CHECK(table->item(erpRow, 4)->text() == QStringLiteral("Sales.gemba"));
    CHECK(table->item(faxRow, 2)->text() == QStringLiteral("(not in the catalogue)"));

    // Merge… needs two entries selected; a name outside the catalogue is added first.
    selectRows(table, {erpRow});
    CHECK_FALSE(merge->isEnabled());
    selectRows(table, {erpRow, faxRow});
    CHECK_FALSE(merge->isEnabled());
    CHECK_FALSE(add->isEnabled());
    selectRows(table, {erpRow, sapRow});
    CHECK(merge->isEnabled());

    // The confirmation names both; cancelling changes nothing.
    std::vector<std::string> asked;
    std::optional<std::string> answer;
    panel->chooseKept = [&](const model::CatalogueEntry& a, const model::CatalogueEntry& b) {
        asked = {a.name, b.name};
        return answer;
    };
    CHECK_FALSE(panel->mergeSelected());
    CHECK(asked == std::vector<std::string>{"ERP", "SAP ERP"});
    CHECK(store::readCatalogueFile(store::catalogueFileOf(dir))->entries().size() == 2);

    answer = erp;
    selectRows(table, {erpRow, sapRow});
    REQUIRE(panel->mergeSelected());
    const auto saved = store::readCatalogueFile(store::catalogueFileOf(dir));
    REQUIRE(saved);
    CHECK(saved->entries().size() == 1);
    CHECK(saved->find(sap)->id == erp);
    CHECK(saved->entries().at(erp).aliases == std::vector<std::string>{"SAP ERP"});

    // The portfolio shows one ERP in two streams, with the other spelling.
    REQUIRE(view.portfolio().systems.size() == 2);
    CHECK(view.portfolio().systems[0].name == "ERP");
    CHECK(view.portfolio().systems[0].streams() == 2);
    auto* shared = view.findChild<QTableWidget*>(QStringLiteral("portfolioShared"));
    REQUIRE(shared);
    CHECK(rowNamed(shared, QStringLiteral("ERP (also SAP ERP)")) >= 0);
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(rowNamed(table, QStringLiteral("ERP")), 4)->text() ==
          QStringLiteral("Sales.gemba, Support.gemba"));

    // Add to Catalogue makes "Fax" an entry of its own.
    selectRows(table, {rowNamed(table, QStringLiteral("Fax"))});
    CHECK(add->isEnabled());
    REQUIRE(panel->addSelected());
    CHECK(store::readCatalogueFile(store::catalogueFileOf(dir))->entries().size() == 2);

    view.resize(1100, 600);
    auto* tabs = view.findChild<QTabWidget*>();
    REQUIRE(tabs);
    tabs->setCurrentWidget(panel);
    const QPixmap shot = view.grab();
    CHECK_FALSE(shot.isNull());
    if (const char* out = std::getenv("GEMBA_SCREENSHOT_DIR"))
        shot.save(QString::fromLocal8Bit(out) + QStringLiteral("/catalogue-tab.png"));
}

TEST_CASE("catalogue tab: a damaged catalogue is named and never saved over",
          "[app][portfolio][catalogue]") {
    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    const std::filesystem::path dir = temp.path().toStdString();
    writeStream(dir, "Sales", "ERP");
    QFile damaged(QString::fromStdString(store::catalogueFileOf(dir).string()));
    REQUIRE(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\": \"gemba-catalogue\", \"version\": 7}");
    damaged.close();
    PortfolioView view;
    view.setSource(temp.path());
    auto* problems = view.findChild<QLabel*>(QStringLiteral("portfolioProblems"));
    REQUIRE(problems);
    CHECK(problems->text().contains(QStringLiteral("catalogue.json: /version: made by a newer")));
    auto* table = view.cataloguePanel()->findChild<QTableWidget*>(QStringLiteral("catalogueTable"));
    CHECK(view.portfolio().streams.size() == 1); // the streams are shown, grouped by name
    REQUIRE(table->rowCount() == 1);
    selectRows(table, {0});
    auto* add = view.cataloguePanel()->findChild<QPushButton*>(QStringLiteral("catalogueAdd"));
    CHECK_FALSE(add->isEnabled());
    CHECK_FALSE(view.cataloguePanel()->addSelected());
    QFile again(QString::fromStdString(store::catalogueFileOf(dir).string()));
    REQUIRE(again.open(QIODevice::ReadOnly));
    CHECK(again.readAll().contains("\"version\": 7"));
}

} // namespace gemba::app::test
