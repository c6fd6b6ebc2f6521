#pragma once

#include "gemba/model/types.h"
#include "gemba/store/drawio.h"

#include <QDialog>
#include <QObject>
#include <functional>
#include <vector>

class QAction;
class QWidget;

namespace gemba::app {

class EditorDocument;

/// The import report of a draw.io diagram: counts per page, then every item (kind, page,
/// cell, message) in a table the user can read and copy.
class DrawioReportDialog : public QDialog {
    Q_OBJECT

public:
    DrawioReportDialog(const store::DrawioImportReport& report, QWidget* parent = nullptr);
};

/// File > Import draw.io Diagram… and File > Export to draw.io…: draw.io's Lean Mapping
/// diagrams in and out of the open project. The import adds one map per page as one undo
/// step and shows its report; the export writes every map as a page. Actions carry object
/// names ("actionImportDrawio", "actionExportDrawio"), and both also run on a path, without
/// file dialogs, for the tests.
class DrawioActions : public QObject {
    Q_OBJECT

public:
    DrawioActions(EditorDocument& document, QWidget* window);

    QAction* importAction() const { return m_import; }
    QAction* exportAction() const { return m_export; }

    /// Adds the pages of `path` as maps. Shows the report unless `quiet`; returns the new maps
    /// (none, with the reason in `error`, when the file cannot be read: nothing changes then).
    std::vector<model::Id> importFile(const QString& path, store::DrawioImportReport* report,
                                      QString* error, bool quiet = false);
    /// Writes every map of the project to `path`.
    bool exportFile(const QString& path, QString* error);

signals:
    /// After an import, the first new map, for the window to show.
    void imported(model::Id map);

private:
    EditorDocument& m_document;
    QWidget* m_window;
    QAction* m_import;
    QAction* m_export;
    QString m_lastFolder;
};

} // namespace gemba::app
