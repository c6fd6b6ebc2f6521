// Two people, one project file: the lock beside the project, the check that the file on disk
// is still the one opened before saving over it, and recovered work saving back to its file.

#include "editor_document.h"
#include "file_guard.h"
#include "gemba/store/project_file.h"
#include "main_window.h"
#include "recovery.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <csignal>

using namespace gemba;
using app::FileGuard;
using app::MainWindow;

namespace {

MainWindow::Options testOptions(const QTemporaryDir& dir) {
    MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

/// A project file with one step.
QString projectFile(const QTemporaryDir& dir, const char* name, const char* step) {
    model::Project project;
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Current state";
    model::Step s;
    s.id = project.allocateId();
    s.name = step;
    map.steps.emplace(s.id, s);
    project.maps.push_back(map);
    const QString path = dir.filePath(QString::fromLatin1(name));
    store::saveProject(project, path.toStdString());
    return path;
}

/// A lock as another Gemba writes it.
void writeLock(const QString& project, const QString& user, const QString& host, qint64 pid) {
    QJsonObject json;
    json.insert(QStringLiteral("user"), user);
    json.insert(QStringLiteral("host"), host);
    json.insert(QStringLiteral("pid"), static_cast<double>(pid));
    json.insert(QStringLiteral("since"), QStringLiteral("2026-03-14T09:12:00Z"));
    QFile file(FileGuard::lockPathFor(project));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
}

/// A pid no process of this machine has.
qint64 deadPid() {
    for (qint64 pid = 4'000'000; pid > 100'000; pid -= 7919)
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            return pid;
    FAIL("no free pid");
    return 0;
}

/// Clicks the button with this object name in the next modal dialog, once it shows.
void clickInNextDialog(const char* button, QString* text = nullptr) {
    QTimer::singleShot(0, [button, text] {
        for (int i = 0; i < 100; ++i) {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                if (text)
                    if (auto* box = qobject_cast<QMessageBox*>(modal))
                        *text = box->text();
                if (auto* b = modal->findChild<QAbstractButton*>(QString::fromLatin1(button))) {
                    b->click();
                    return;
                }
            }
            QTest::qWait(20);
        }
    });
}

/// Answers the next message box with a standard button.
void answerStandard(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        for (int i = 0; i < 100; ++i) {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                box->button(button)->click();
                return;
            }
            QTest::qWait(20);
        }
    });
}

void capture(MainWindow& window, const QString& line) {
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("quickCaptureEdit"));
    REQUIRE(edit);
    QTest::keyClicks(edit, line);
    QTest::keyClick(edit, Qt::Key_Return);
    QApplication::processEvents();
}

} // namespace

TEST_CASE("A lock file says who has the project open and goes on close", "[files]") {
    QTemporaryDir dir;
    const QString path = projectFile(dir, "order.gemba", "Review");
    const QString lock = FileGuard::lockPathFor(path);
    CHECK(lock == dir.filePath(QStringLiteral(".~lock.order.gemba#")));
    {
        MainWindow window(testOptions(dir));
        REQUIRE(window.openFile(path));
        REQUIRE(QFile::exists(lock));
        QFile file(lock);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        CHECK(json.value(QStringLiteral("pid")).toDouble() ==
              static_cast<double>(QCoreApplication::applicationPid()));
        CHECK(json.value(QStringLiteral("host")).toString() == QSysInfo::machineHostName());
        CHECK_FALSE(json.value(QStringLiteral("since")).toString().isEmpty());
        // Our own lock does not stop us.
        CHECK_FALSE(FileGuard::heldBy(path));
    }
    CHECK_FALSE(QFile::exists(lock));
}

TEST_CASE("A lock of another machine is held; one left by a crash here is stale", "[files]") {
    QTemporaryDir dir;
    const QString path = projectFile(dir, "order.gemba", "Review");
    writeLock(path, QStringLiteral("anna"), QStringLiteral("laptop-3"), 4242);
    const auto owner = FileGuard::heldBy(path);
    REQUIRE(owner);
    CHECK(owner->user == "anna");
    CHECK(FileGuard::describe(*owner).startsWith(QStringLiteral("anna on laptop-3 since")));
    writeLock(path, QStringLiteral("anna"), QSysInfo::machineHostName(), deadPid());
    CHECK_FALSE(FileGuard::heldBy(path));
}

TEST_CASE("Opening a project in use offers read-only or open anyway", "[files]") {
    QTemporaryDir dir;
    const QString path = projectFile(dir, "order.gemba", "Review");
    writeLock(path, QStringLiteral("anna"), QStringLiteral("laptop-3"), 4242);
    MainWindow window(testOptions(dir));

    QString asked;
    clickInNextDialog("buttonReadOnly", &asked);
    REQUIRE(window.openFile(path));
    CHECK(asked.contains(QStringLiteral("anna on laptop-3")));
    CHECK(window.fileGuard().readOnly());
    CHECK(window.windowTitle().contains(QStringLiteral("read-only")));
    // Read-only takes no lock: Anna's stays.
    CHECK(FileGuard::heldBy(path)->user == "anna");

    clickInNextDialog("buttonOpenAnyway");
    REQUIRE(window.openFile(path));
    CHECK_FALSE(window.fileGuard().readOnly());
    CHECK_FALSE(FileGuard::heldBy(path)); // ours now
}

TEST_CASE("Saving over a file someone else changed asks first", "[files]") {
    QTemporaryDir dir;
    const QString path = projectFile(dir, "order.gemba", "Review");
    MainWindow window(testOptions(dir));
    REQUIRE(window.openFile(path));
    capture(window, QStringLiteral("Approve 10 min"));
    // Meanwhile, someone else saves the file through a shared folder.
    QTest::qWait(20);
    projectFile(dir, "order.gemba", "Their step");
    REQUIRE(window.fileGuard().changedOnDisk());

    // Cancel: nothing is written, the file stays theirs.
    answerStandard(QMessageBox::Cancel);
    CHECK_FALSE(window.save());
    CHECK(store::openProject(path.toStdString()).maps.front().steps.begin()->second.name ==
          "Their step");
    // Overwrite, confirmed: ours.
    clickInNextDialog("buttonOverwrite");
    REQUIRE(window.save());
    const model::Project after = store::openProject(path.toStdString());
    CHECK(after.maps.front().steps.size() == 2); // ours: Review and Approve
    CHECK_FALSE(window.fileGuard().changedOnDisk());
    // Saved by us: the next save asks nothing.
    capture(window, QStringLiteral("Sign 5 min"));
    CHECK(window.save());
}

TEST_CASE("Recovered work saves back to the project's own file", "[files]") {
    QTemporaryDir dir;
    const QString path = projectFile(dir, "order.gemba", "Review");
    const QString folder = dir.filePath(QStringLiteral("recovery"));
    {
        MainWindow window(testOptions(dir));
        REQUIRE(window.openFile(path));
        capture(window, QStringLiteral("Approve 10 min"));
        REQUIRE(window.recovery().writeNow());
        const QString autosaved = window.recovery().recoveryFile();
        QFile::copy(autosaved, folder + QStringLiteral("/crashed.gemba"));
        QString description = autosaved;
        description.replace(QStringLiteral(".gemba"), QStringLiteral(".json"));
        QFile::copy(description, folder + QStringLiteral("/crashed.json"));
        window.document().undoStack()->setClean();
    }
    MainWindow next(testOptions(dir));
    answerStandard(QMessageBox::Yes);
    next.offerRecovery();
    CHECK(next.document().filePath() == path);
    CHECK(next.windowTitle().contains(QStringLiteral("order.gemba")));
    REQUIRE(next.save());
    const model::Project saved = store::openProject(path.toStdString());
    CHECK(saved.maps.front().steps.size() == 2);
}
