// The editor and the shared repository, against the real PostgreSQL cluster: open from the
// repository, edit, save as the next version; two editors racing (the second save refused,
// naming who saved and when, and nothing lost); save to the repository; who else has the
// project open, gone after they close, stale rows ignored.
#include "editor_document.h"
#include "gemba/model/catalogue.h"
#include "gemba/model/edit.h"
#include "gemba/store/project_file.h"
#include "gemba/store/repository.h"
#include "main_window.h"
#include "pg_connection.h"
#include "pg_test_cluster.h"
#include "repository_actions.h"
#include "repository_connection.h"
#include "repository_dialogs.h"
#include "repository_presence.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace gemba;
using app::MainWindow;
using store::Repository;

namespace {

const std::filesystem::path kExamples = std::filesystem::path(GEMBA_SOURCE_DIR) / "examples";

/// A repository with the project "delivery" (version 1) and two users, anna and ben.
struct Repo {
    test::TestDatabase db;
    std::string anna = db.unique("anna");
    std::string ben = db.unique("ben");
    Repo() {
        Repository admin(db.url());
        admin.init();
        for (const std::string& sql :
             {"CREATE ROLE " + anna + " LOGIN PASSWORD 'anna-pw' IN ROLE gemba_user",
              "CREATE ROLE " + ben + " LOGIN PASSWORD 'ben-pw' IN ROLE gemba_user",
              "GRANT CONNECT ON DATABASE " + db.name() + " TO gemba_user"})
            test::execAsAdmin(db.url(), sql);
        Repository(annaUrl().toStdString())
            .push("delivery", store::openProject(kExamples / "software-delivery.gemba"), 0);
    }
    QString annaUrl() const {
        return QString::fromStdString(test::clusterUrl(db.name(), anna, "anna-pw"));
    }
    QString benUrl() const {
        return QString::fromStdString(test::clusterUrl(db.name(), ben, "ben-pw"));
    }
    store::PulledProject pull(const std::string& name) const {
        return Repository(db.url()).pull(name);
    }
};

MainWindow::Options editorOptions(const QTemporaryDir& dir, const char* host, qint64 pid,
                                  int intervalMs = 60'000) {
    MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery-%1").arg(pid));
    options.offerRecovery = false;
    options.presenceHost = QString::fromLatin1(host);
    options.presencePid = pid;
    options.presenceIntervalMs = intervalMs;
    return options;
}

/// Anna's and Ben's editors, each with version 1 of "delivery" open.
struct TwoEditors {
    Repo repo;
    QTemporaryDir dir;
    MainWindow annas{editorOptions(dir, "host-1", 101)};
    MainWindow bens{editorOptions(dir, "host-2", 202)};
    TwoEditors() {
        REQUIRE(annas.repository().openProject(repo.annaUrl(), QStringLiteral("delivery")));
        REQUIRE(bens.repository().openProject(repo.benUrl(), QStringLiteral("delivery")));
    }
};

/// Renames the first map: an edit on the undo stack, as the user makes it.
void renameFirstMap(MainWindow& window, const std::string& name) {
    const model::Map& map = window.document().project().maps.front();
    model::MapProps props = map.props;
    props.name = name;
    window.document().push(
        std::make_unique<model::SetMapProps>(map.id, map.props, props, "Rename map"));
}

/// Runs `answer` on the next modal dialog once it shows.
template <class F> void onNextDialog(F answer) {
    QTimer::singleShot(0, [answer] {
        for (int i = 0; i < 200; ++i) {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                answer(modal);
                return;
            }
            QTest::qWait(20);
        }
    });
}

QAbstractButton* button(QWidget* dialog, const char* name) {
    return dialog->findChild<QAbstractButton*>(QString::fromLatin1(name));
}

/// Saves a screenshot for a person to look at when GEMBA_SCREENSHOTS names a folder.
void screenshot(QWidget& widget, const char* name) {
    const QString folder = qEnvironmentVariable("GEMBA_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    widget.show();
    QTest::qWait(50);
    widget.grab().save(folder + QLatin1Char('/') + QString::fromLatin1(name));
}

QLabel* presenceLabel(MainWindow& window) {
    return window.findChild<QLabel*>(QStringLiteral("presenceLabel"));
}

} // namespace

TEST_CASE("editor: open from the repository, edit, save gives version 2", "[repository][app]") {
    Repo repo;
    QTemporaryDir dir;
    // The dialog lists what the user may read, with version, who saved it and when.
    app::OpenFromRepositoryDialog dialog(repo.annaUrl());
    REQUIRE(dialog.listProjects());
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("repositoryProjects"));
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == QStringLiteral("delivery"));
    CHECK(table->item(0, 2)->text() == QStringLiteral("1"));
    CHECK(table->item(0, 3)->text() == QString::fromStdString(repo.anna));
    CHECK(table->item(0, 4)->text().endsWith(QStringLiteral(" UTC")));
    CHECK(dialog.selectedName() == QStringLiteral("delivery"));
    screenshot(dialog, "open-from-repository.png");
    app::OpenFromRepositoryDialog refused(
        repo.annaUrl().replace(QStringLiteral("anna-pw"), QStringLiteral("wrong")));
    // A wrong password: asked for another; cancelled, the dialog says why.
    onNextDialog([](QWidget* modal) {
        REQUIRE(modal->objectName() == QStringLiteral("repositoryPasswordDialog"));
        qobject_cast<QDialog*>(modal)->reject();
    });
    CHECK_FALSE(refused.listProjects());
    CHECK(refused.findChild<QLabel*>(QStringLiteral("repositoryError"))
              ->text()
              .contains(QStringLiteral("password authentication failed")));

    MainWindow window(editorOptions(dir, "host-1", 101));
    REQUIRE(window.repository().openProject(repo.annaUrl(), QStringLiteral("delivery")));
    CHECK(window.windowTitle().startsWith(QStringLiteral("delivery[*] (repository, version 1)")));
    CHECK(window.document().filePath().isEmpty());
    // The URL is remembered for the next time, without the password.
    CHECK(app::rememberedRepositoryUrl().contains(QString::fromStdString(repo.anna)));
    CHECK_FALSE(app::rememberedRepositoryUrl().contains(QStringLiteral("anna-pw")));

    renameFirstMap(window, "Current state, edited");
    CHECK(window.document().isModified());
    REQUIRE(window.save());
    CHECK_FALSE(window.document().isModified());
    CHECK(window.document().repositoryOrigin()->version == 2);
    CHECK(window.windowTitle().startsWith(QStringLiteral("delivery[*] (repository, version 2)")));
    const store::PulledProject saved = repo.pull("delivery");
    CHECK(saved.version == 2);
    CHECK(saved.project.maps.front().props.name == "Current state, edited");
    CHECK(Repository(repo.db.url()).history("delivery").front().savedBy == repo.anna);

    // A server that is not there: a clear message, and the document as it was.
    renameFirstMap(window, "again");
    QString message;
    onNextDialog([&message](QWidget* modal) {
        message = qobject_cast<QMessageBox*>(modal)->text();
        qobject_cast<QMessageBox*>(modal)->button(QMessageBox::Ok)->click();
    });
    CHECK_FALSE(window.repository().openProject(
        QStringLiteral("postgresql://nobody@/none?host=/nonexistent"), QStringLiteral("x")));
    CHECK(message.contains(QStringLiteral("cannot connect")));
    CHECK(window.document().isModified());
    CHECK(window.document().repositoryOrigin()->version == 2);
}

TEST_CASE("editor: a project of the repository uses the repository's catalogue",
          "[repository][app][catalogue]") {
    Repo repo;
    QTemporaryDir dir;
    const model::Project delivery = store::openProject(kExamples / "software-delivery.gemba");
    REQUIRE(!delivery.systems.empty());
    const std::string written = delivery.systems.begin()->second.name;
    model::Catalogue catalogue;
    catalogue.add(model::CatalogueKind::System, "Source of truth", {written});
    Repository(repo.annaUrl().toStdString()).saveCatalogue(catalogue, 0);

    MainWindow window(editorOptions(dir, "host-1", 103));
    REQUIRE(window.repository().openProject(repo.annaUrl(), QStringLiteral("delivery")));
    auto* status = window.findChild<QLabel*>(QStringLiteral("catalogueStatus"));
    REQUIRE(status);
    CHECK(status->text() == QStringLiteral("Catalogue of the repository: 1 entry"));
    auto* systems = window.findChild<QTableWidget*>(QStringLiteral("systemsTable"));
    REQUIRE(systems);
    REQUIRE(systems->item(0, 2));
    CHECK(systems->item(0, 2)->text() == QStringLiteral("Source of truth (by name)"));
}

TEST_CASE("editor: two editors racing, the second save is refused naming who and when, and "
          "nothing is lost",
          "[repository][app]") {
    TwoEditors editors;
    auto& [repo, dir, annas, bens] = editors;
    renameFirstMap(annas, "Anna's");
    renameFirstMap(bens, "Ben's");
    REQUIRE(annas.save());

    // Ben saves: refused; he cancels, and keeps his work.
    QString message;
    onNextDialog([&message](QWidget* modal) {
        message = qobject_cast<QMessageBox*>(modal)->text();
        screenshot(*modal, "repository-conflict.png");
        qobject_cast<QMessageBox*>(modal)->button(QMessageBox::Cancel)->click();
    });
    CHECK_FALSE(bens.save());
    const std::string savedAt = Repository(repo.db.url()).history("delivery").front().savedAt;
    CHECK(message.contains(QString::fromStdString(repo.anna)));
    CHECK(message.contains(QString::fromStdString(savedAt)));
    CHECK(message.contains(QStringLiteral("(version 2) after you opened version 1")));
    CHECK(message.contains(QStringLiteral("Nothing was saved")));
    CHECK(bens.document().isModified());
    CHECK(bens.document().project().maps.front().props.name == "Ben's");
    CHECK(bens.document().repositoryOrigin()->version == 1);
    CHECK(repo.pull("delivery").version == 2);
    CHECK(repo.pull("delivery").project.maps.front().props.name == "Anna's");

    // Again, as a copy beside Anna's.
    onNextDialog([](QWidget* modal) {
        onNextDialog([](QWidget* input) {
            auto* dialog = qobject_cast<QInputDialog*>(input);
            REQUIRE(dialog);
            CHECK(dialog->textValue() == QStringLiteral("delivery (copy)"));
            dialog->setTextValue(QStringLiteral("delivery (Ben)"));
            dialog->accept();
        });
        button(modal, "buttonSaveAsCopy")->click();
    });
    REQUIRE(bens.save());
    CHECK_FALSE(bens.document().isModified());
    CHECK(bens.document().repositoryOrigin()->name == QStringLiteral("delivery (Ben)"));
    CHECK(bens.document().repositoryOrigin()->version == 1);
    CHECK(repo.pull("delivery (Ben)").project.maps.front().props.name == "Ben's");
    CHECK(repo.pull("delivery").project.maps.front().props.name == "Anna's");
    // Ben's editor now says it has the copy open, no longer the original.
    store::detail::PgConnection admin(repo.db.url());
    CHECK(admin
              .exec("SELECT p.name FROM presence s JOIN project p ON p.id = s.project "
                    "WHERE s.pid = 202")
              .text(0, 0) == "delivery (Ben)");
    CHECK(admin.exec("SELECT count(*) FROM presence WHERE pid = 202").integer(0, 0) == 1);
    annas.repository().presence().refresh();
    CHECK(annas.repository().presence().others().empty());
    // From now on Ben's Save goes to his copy.
    renameFirstMap(bens, "Ben's, later");
    REQUIRE(bens.save());
    CHECK(repo.pull("delivery (Ben)").version == 2);
}

TEST_CASE("editor: a save over a newer version merges with it, unless both changed the same",
          "[repository][app][merge]") {
    TwoEditors editors;
    auto& [repo, dir, annas, bens] = editors;
    renameFirstMap(annas, "Anna's");
    REQUIRE(annas.save());

    // Ben changed something else: Merge and Save keeps both changes, as version 3.
    model::ProjectProps props = bens.document().project().props;
    const model::ProjectProps before = props;
    props.description = "Ben's notes";
    bens.document().push(std::make_unique<model::SetProjectProps>(before, props, "Describe"));
    QString offered;
    onNextDialog([&offered](QWidget* modal) {
        offered = qobject_cast<QMessageBox*>(modal)->text();
        screenshot(*modal, "repository-conflict-merge.png");
        button(modal, "buttonMerge")->click();
    });
    REQUIRE(bens.save());
    CHECK(offered.contains(QStringLiteral("Merge them with version 2")));
    CHECK_FALSE(bens.document().isModified());
    CHECK(bens.document().repositoryOrigin()->version == 3);
    const store::PulledProject merged = repo.pull("delivery");
    CHECK(merged.version == 3);
    CHECK(merged.project.maps.front().props.name == "Anna's");
    CHECK(merged.project.props.description == "Ben's notes");
    CHECK(bens.document().project().maps.front().props.name == "Anna's");
    // The merge is one step on the undo stack.
    CHECK(bens.document().undoStack()->undoText() == QStringLiteral("Merge with version 2"));

    // Both rename the map: the merge names the conflict, and nothing is saved.
    renameFirstMap(bens, "Ben's map");
    REQUIRE(bens.save()); // version 4
    renameFirstMap(annas, "Anna's map");
    QString listed;
    onNextDialog([&listed](QWidget* modal) {
        onNextDialog([&listed](QWidget* conflicts) {
            REQUIRE(conflicts->objectName() == QStringLiteral("repositoryMergeConflictsDialog"));
            listed = qobject_cast<QMessageBox*>(conflicts)->text();
            screenshot(*conflicts, "repository-merge-conflicts.png");
            qobject_cast<QMessageBox*>(conflicts)->button(QMessageBox::Cancel)->click();
        });
        button(modal, "buttonMerge")->click();
    });
    CHECK_FALSE(annas.save());
    CHECK(listed.contains(QStringLiteral("map 'Anna's map': name: changed here and by the "
                                         "other save")));
    CHECK(annas.document().isModified());
    CHECK(annas.document().project().maps.front().props.name == "Anna's map");
    CHECK(annas.document().repositoryOrigin()->version == 2);
    CHECK(repo.pull("delivery").version == 4);
    CHECK(repo.pull("delivery").project.maps.front().props.name == "Ben's map");
}

TEST_CASE("editor: a file project saved to the repository belongs there", "[repository][app]") {
    Repo repo;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("line.gemba"));
    REQUIRE(
        QFile::copy(QString::fromStdString((kExamples / "production-line.gemba").string()), file));
    QFile(file).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const std::string team = repo.db.unique("team_plant");
    test::execAsAdmin(repo.db.url(), "CREATE ROLE " + team + " NOLOGIN");
    test::execAsAdmin(repo.db.url(), "GRANT " + team + " TO " + repo.anna);

    MainWindow window(editorOptions(dir, "host-1", 101));
    REQUIRE(window.openFile(file));
    app::SaveToRepositoryDialog dialog(QStringLiteral("postgresql://anna@db/gemba"),
                                       QStringLiteral("line"));
    CHECK(dialog.name() == QStringLiteral("line"));
    screenshot(dialog, "save-to-repository.png");
    // A name that is taken: refused, and the project stays the file's.
    onNextDialog([](QWidget* modal) {
        qobject_cast<QMessageBox*>(modal)->button(QMessageBox::Ok)->click();
    });
    CHECK_FALSE(window.repository().saveAsNew(repo.annaUrl(), QStringLiteral("delivery"), {}));
    CHECK(window.document().filePath() == file);
    CHECK_FALSE(window.document().repositoryOrigin());

    REQUIRE(window.repository().saveAsNew(repo.annaUrl(), QStringLiteral("line"),
                                          QString::fromStdString(team)));
    CHECK(window.document().filePath().isEmpty());
    CHECK(window.document().repositoryOrigin()->version == 1);
    CHECK_FALSE(QFile::exists(app::FileGuard::lockPathFor(file))); // the file is left
    const auto entries = Repository(repo.annaUrl().toStdString()).list();
    REQUIRE(entries.size() == 2);
    CHECK(entries[1].name == "line");
    CHECK(entries[1].team == team);
    CHECK(Repository(repo.benUrl().toStdString()).list().size() == 1); // not in the team
    renameFirstMap(window, "Line, edited");
    REQUIRE(window.save());
    CHECK(repo.pull("line").version == 2);
    CHECK(repo.pull("line").project.maps.front().props.name == "Line, edited");
}

TEST_CASE("editor: who else has the project open, until they close it, stale rows ignored",
          "[repository][app]") {
    Repo repo;
    QTemporaryDir dir;
    auto annas = std::make_unique<MainWindow>(editorOptions(dir, "host-1", 101));
    // Ben's editor beats every 100 ms.
    MainWindow bens(editorOptions(dir, "host-2", 202, 100));
    REQUIRE(bens.repository().openProject(repo.benUrl(), QStringLiteral("delivery")));
    CHECK(bens.repository().presence().text().isEmpty());
    CHECK(presenceLabel(bens)->isHidden());

    REQUIRE(annas->repository().openProject(repo.annaUrl(), QStringLiteral("delivery")));
    // Anna sees Ben at once; Ben sees Anna at his next beat.
    CHECK(annas->repository().presence().text().startsWith(
        QStringLiteral("Also open: %1 on host-2 since ").arg(QString::fromStdString(repo.ben))));
    REQUIRE(QTest::qWaitFor([&] { return !bens.repository().presence().text().isEmpty(); }, 3000));
    const QString text = bens.repository().presence().text();
    CHECK(text.startsWith(
        QStringLiteral("Also open: %1 on host-1 since ").arg(QString::fromStdString(repo.anna))));
    const auto& seen = bens.repository().presence().others();
    REQUIRE(seen.size() == 1);
    CHECK(text == QStringLiteral("Also open: ") + app::RepositoryPresence::describe(seen[0]));
    CHECK(presenceLabel(bens)->text() == text);
    CHECK_FALSE(presenceLabel(bens)->isHidden());
    bens.resize(1100, 700);
    screenshot(bens, "presence-banner.png");

    // Anna closes her window: gone for Ben.
    annas->close();
    annas.reset();
    REQUIRE(QTest::qWaitFor([&] { return bens.repository().presence().text().isEmpty(); }, 3000));
    CHECK(presenceLabel(bens)->isHidden());

    // An editor that crashed an hour ago, last heard of ten minutes ago: not shown.
    test::execAsAdmin(repo.db.url(),
                      "INSERT INTO presence (project, user_name, host, pid, since, heartbeat) "
                      "SELECT id, '" +
                          repo.anna +
                          "', 'host-9', 9, now() - interval '1 hour', now() - interval '10 "
                          "minutes' FROM project WHERE name = 'delivery'");
    bens.repository().presence().refresh();
    CHECK(bens.repository().presence().others().empty());
    CHECK(bens.repository().presence().text().isEmpty());

    // Another project replaces Ben's: his presence on "delivery" goes with it.
    store::detail::PgConnection admin(repo.db.url());
    CHECK(admin.exec("SELECT count(*) FROM presence WHERE pid = 202").integer(0, 0) == 1);
    bens.document().resetProject(model::Project{}, false);
    CHECK(admin.exec("SELECT count(*) FROM presence WHERE pid = 202").integer(0, 0) == 0);
}

TEST_CASE("editor: a person who has the project open, in words", "[repository][app]") {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::PresenceEntry entry{
        "anna",
        "host-2",
        7,
        now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")).toStdString(),
        {}};
    // Today: the time of day, local.
    CHECK(app::RepositoryPresence::describe(entry) ==
          QStringLiteral("anna on host-2 since ") +
              now.toLocalTime().toString(QStringLiteral("HH:mm")));
    // Another day: the date as well.
    entry.since = "2026-03-02 14:05:09 UTC";
    QDateTime then(QDate(2026, 3, 2), QTime(14, 5, 9), QTimeZone::utc());
    CHECK(app::RepositoryPresence::describe(entry) ==
          QStringLiteral("anna on host-2 since ") +
              QLocale().toString(then.toLocalTime(), QLocale::ShortFormat));
}

TEST_CASE("editor: connections wait 5 s at most, and carry a password typed in this session",
          "[repository][app]") {
    using app::repositoryConnectionString;
    CHECK(repositoryConnectionString(QStringLiteral("postgresql://anna@db/gemba")) ==
          "postgresql://anna@db/gemba?connect_timeout=5");
    CHECK(repositoryConnectionString(QStringLiteral(" postgresql://db/gemba?sslmode=require ")) ==
          "postgresql://db/gemba?sslmode=require&connect_timeout=5");
    CHECK(repositoryConnectionString(QStringLiteral("postgresql://db/g?connect_timeout=30")) ==
          "postgresql://db/g?connect_timeout=30");
    CHECK(repositoryConnectionString(QStringLiteral("host=db dbname=gemba")) ==
          "host=db dbname=gemba connect_timeout='5'");
    CHECK(repositoryConnectionString({}) == "connect_timeout='5'"); // all from PG* and ~/.pgpass
    app::setSessionPassword(QStringLiteral("host=db2"), QStringLiteral("it's a \\ pw"));
    CHECK(repositoryConnectionString(QStringLiteral("host=db2")) ==
          "host=db2 password='it\\'s a \\\\ pw' connect_timeout='5'");
    app::setSessionPassword(QStringLiteral("postgresql://anna@db3/g"), QStringLiteral("p&w=?"));
    CHECK(repositoryConnectionString(QStringLiteral("postgresql://anna@db3/g")) ==
          "postgresql://anna@db3/g?password=p%26w%3D%3F&connect_timeout=5");
}

TEST_CASE("editor: the repository asks for a password, kept for this session only",
          "[repository][app]") {
    Repo repo;
    QTemporaryDir dir;
    // No password in the URL, none in the environment: the server asks.
    const QString url =
        QStringLiteral("postgresql://%1@/%2?host=%3")
            .arg(QString::fromStdString(repo.anna), QString::fromStdString(repo.db.name()),
                 QString::fromStdString(test::clusterDir() + "/socket"));
    MainWindow window(editorOptions(dir, "host-1", 101));
    QString secondLabel;
    onNextDialog([&secondLabel](QWidget* modal) {
        auto* first = qobject_cast<QInputDialog*>(modal);
        REQUIRE(first);
        CHECK(first->objectName() == QStringLiteral("repositoryPasswordDialog"));
        CHECK(first->textEchoMode() == QLineEdit::Password);
        onNextDialog([&secondLabel](QWidget* again) {
            auto* second = qobject_cast<QInputDialog*>(again);
            REQUIRE(second);
            secondLabel = second->labelText();
            second->setTextValue(QStringLiteral("anna-pw"));
            second->accept();
        });
        first->setTextValue(QStringLiteral("wrong"));
        first->accept();
    });
    REQUIRE(window.repository().openProject(url, QStringLiteral("delivery")));
    CHECK(secondLabel.startsWith(QStringLiteral("The password was not accepted.")));
    // Saving (and the presence) use the password typed: no second question.
    renameFirstMap(window, "With a password");
    REQUIRE(window.save());
    CHECK(repo.pull("delivery").version == 2);
    // Nothing of it in the settings.
    QSettings settings;
    for (const QString& key : settings.allKeys())
        CHECK_FALSE(settings.value(key).toString().contains(QStringLiteral("anna-pw")));
    CHECK(app::rememberedRepositoryUrl() == url);
}
