#include "help_dialog.h"

#include <QDialog>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gemba::app {

QString helpPageText(const QString& page) {
    QFile file(QStringLiteral(":/gemba/help/") + page);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void showHelpPage(QWidget* parent, const QString& page, const QString& title) {
    const QString name = QStringLiteral("helpDialog_") + page;
    auto* dialog = parent->findChild<QDialog*>(name, Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new QDialog(parent);
        dialog->setObjectName(name);
        dialog->setWindowTitle(title);
        auto* layout = new QVBoxLayout(dialog);
        auto* browser = new QTextBrowser(dialog);
        browser->setObjectName(QStringLiteral("helpBrowser"));
        browser->setOpenLinks(false); // links between the docs are for the repository
        browser->setMarkdown(helpPageText(page));
        layout->addWidget(browser);
        dialog->resize(720, 640);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace gemba::app
