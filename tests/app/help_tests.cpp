// Help for the room: the glossary and the shortcut list come from the docs the user guide
// links to, and the shortcut list names every shortcut the window has.

#include "help_dialog.h"
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <catch2/catch.hpp>

using namespace gemba;

namespace {

app::MainWindow::Options testOptions(const QTemporaryDir& dir) {
    app::MainWindow::Options options;
    options.recoveryFolder = dir.filePath(QStringLiteral("recovery"));
    options.offerRecovery = false;
    return options;
}

} // namespace

TEST_CASE("Help shows the glossary of the terms on the map", "[help]") {
    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    window.findChild<QAction*>(QStringLiteral("actionGlossary"))->trigger();
    auto* dialog = window.findChild<QDialog*>(QStringLiteral("helpDialog_glossary.md"));
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    const QString text = dialog->findChild<QTextBrowser*>()->toPlainText();
    for (const char* term : {"PT (process time)", "LT (lead time)", "C/T (cycle time)", "%C&A",
                             "Takt time", "Activity ratio", "PCE", "Handoff", "Defects",
                             "Overproduction", "Over-processing", "Motion", "Unused talent"}) {
        INFO(term);
        CHECK(text.contains(QString::fromUtf8(term)));
    }
}

TEST_CASE("The shortcut list names every shortcut of the window", "[help]") {
    QTemporaryDir dir;
    app::MainWindow window(testOptions(dir));
    const QString list = app::helpPageText(QStringLiteral("shortcuts.md"));
    REQUIRE_FALSE(list.isEmpty());
    // The list writes keys as the guide does: Delete and Escape in full.
    const auto asWritten = [](QString keys) {
        keys.replace(QStringLiteral("Del"), QStringLiteral("Delete"));
        keys.replace(QStringLiteral("Esc"), QStringLiteral("Escape"));
        return keys;
    };
    int checked = 0;
    for (QAction* action : window.findChildren<QAction*>()) {
        for (const QKeySequence& key : action->shortcuts()) {
            const QString keys = asWritten(key.toString(QKeySequence::PortableText));
            if (keys == QLatin1String("Backspace"))
                continue; // an alias of Delete on keyboards without one
            INFO(action->objectName().toStdString() << ": " << keys.toStdString());
            CHECK(list.contains(keys));
            ++checked;
        }
    }
    CHECK(checked > 15);
    window.findChild<QAction*>(QStringLiteral("actionShortcuts"))->trigger();
    CHECK(window.findChild<QDialog*>(QStringLiteral("helpDialog_shortcuts.md")));
}
