// File > Portfolio…: the window over a folder of the example projects.
#include "gemba/model/units.h"
#include "portfolio_view.h"

#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace gemba::app::test {

namespace {

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

QString cell(QTableWidget* table, int row, int column) {
    QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

TEST_CASE("portfolio window: the streams of a folder, what they share, files left out",
          "[app][portfolio]") {
    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    const std::filesystem::path dir = temp.path().toStdString();
    for (const char* name : {"office-order-to-cash.gemba", "software-delivery.gemba"})
        std::filesystem::copy_file(kExamples / name, dir / name);
    QFile broken(QString::fromStdString((dir / "broken.gemba").string()));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write("not a project");
    broken.close();
    PortfolioView view;
    view.setSource(temp.path());
    REQUIRE(view.portfolio().streams.size() == 2);

    auto* streams = view.findChild<QTableWidget*>(QStringLiteral("portfolioStreams"));
    REQUIRE(streams);
    REQUIRE(streams->rowCount() == 2);
    const metrics::StreamSummary& first = view.portfolio().streams[0];
    CHECK(cell(streams, 0, 0).toStdString() == first.name);
    CHECK(cell(streams, 0, 1).toStdString() ==
          model::formatDuration(first.current->leadTime, first.calendar));

    auto* shared = view.findChild<QTableWidget*>(QStringLiteral("portfolioShared"));
    REQUIRE(shared);
    bool email = false;
    for (int row = 0; row < shared->rowCount(); ++row)
        if (cell(shared, row, 0) == QStringLiteral("Email")) {
            email = true;
            CHECK(cell(shared, row, 2) == QStringLiteral("2"));
        }
    CHECK(email);

    auto* problems = view.findChild<QLabel*>(QStringLiteral("portfolioProblems"));
    REQUIRE(problems);
    CHECK(problems->text().contains(QStringLiteral("broken.gemba: left out")));

    auto* actions = view.findChild<QTableWidget*>(QStringLiteral("portfolioActions"));
    REQUIRE(actions);
    CHECK(actions->rowCount() == 1 + static_cast<int>(view.portfolio().sharedIdeas.size() +
                                                      view.portfolio().actions.size()));

    // The touch-point graph paints without a dependency, and the window can be grabbed.
    view.resize(1100, 600);
    auto* tabs = view.findChild<QTabWidget*>();
    REQUIRE(tabs);
    tabs->setCurrentIndex(2);
    CHECK_FALSE(view.grab().isNull());

    // Export PDF… writes the portfolio shown as a document.
    const QString pdf = temp.filePath(QStringLiteral("portfolio.pdf"));
    REQUIRE(view.exportPdf(pdf));
    QFile written(pdf);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.read(5) == QByteArray("%PDF-"));
}

TEST_CASE("portfolio window: a folder that does not exist says so", "[app][portfolio]") {
    PortfolioView view;
    view.setSource(QStringLiteral("/no/such/folder"));
    auto* problems = view.findChild<QLabel*>(QStringLiteral("portfolioProblems"));
    REQUIRE(problems);
    CHECK(problems->text().contains(QStringLiteral("not a folder")));
    CHECK(view.portfolio().streams.empty());
}

} // namespace gemba::app::test
