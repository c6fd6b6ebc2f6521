#pragma once

#include "file_guard.h"
#include "gemba/model/project.h"
#include "gemba/model/types.h"

#include <QMainWindow>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace gemba::app {

class EditorDocument;
class FindingsPanel;
class MapView;
class MetricsPanel;
class NoticeBar;
class Palette;
class PeopleSystemsPanel;
class WorkshopPanel;
class PropertiesPanel;
class PresentationBand;
class QuickCaptureBar;
class Recovery;
class RepositoryActions;

/// The editor's window: a tab per map with its canvas, the palette, the properties, metrics,
/// people and systems and findings panels, the quick-capture line, and the file commands.
/// Every action has an objectName ("actionSave", "actionUndo"...) so tests can trigger it.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        QString recoveryFolder; ///< empty: Recovery::defaultFolder()
        int autosaveIntervalMs = 60'000;
        bool offerRecovery = true; ///< ask about work left by a crashed session at start
        /// This editor in the repository's presence table: empty/0 for this machine and
        /// process (tests run several editors in one process).
        QString presenceHost;
        qint64 presencePid = 0;
        int presenceIntervalMs = 30'000; ///< the heartbeat, and how often "Also open" is read
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    EditorDocument& document() const { return *m_document; }
    MapView* currentView() const;
    model::Id currentMap() const;
    /// The canvas of a map (its tab), or null.
    MapView* viewOf(model::Id map) const;
    void showMap(model::Id map);
    Recovery& recovery() const { return *m_recovery; }
    const FileGuard& fileGuard() const { return m_guard; }
    /// Open from and save to the shared repository, and who else has the project open.
    RepositoryActions& repository() const { return *m_repository; }

    /// Opens a .gemba project (after asking about unsaved work); shows any error to the user.
    bool openFile(const QString& path);
    /// Saves to the project's own file (asks for a name when it has none or is read-only), or
    /// to the repository the project came from.
    bool save();
    /// Saves to a path; shows any error to the user. Before writing over the file it opened
    /// or last saved, checks that nobody else changed it (FileGuard).
    bool saveFile(const QString& path);
    /// Imports a JSON project (as a new, unsaved project) or a CSV step table (as a new map).
    bool importJson(const QString& path);
    bool importCsv(const QString& path);
    /// File > Import > Event log: the dialog, then the measured map as one undo step.
    bool importEvents(const QString& path);
    bool exportJson(const QString& path);

    bool isPresenting() const { return m_presenting; }
    void setPresenting(bool on);
    /// Offers to recover autosaved work of sessions that ended unexpectedly.
    void offerRecovery();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createToolBars();
    void createPresentationBand();
    void rebuildTabs();
    void syncTabs();
    void updateTitle();
    void updateActions();
    void onCurrentTabChanged();
    void onSelectionChanged();
    void onFindingActivated(model::Id map, model::Id element);
    /// After a delete took red pens with it: a notice that offers to keep them (one undo step).
    void offerToKeepRedPens(model::Id map, const std::vector<model::RedPen>& pens);
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    bool maybeSave();
    void newProject();
    void newMap();
    void newFutureState();
    void renameMap();
    void deleteMap();
    void open();
    bool saveAs();
    void readSettings();
    void writeSettings();
    QAction* makeAction(const char* name, const QString& text, const QKeySequence& key = {});

    EditorDocument* m_document;
    Recovery* m_recovery = nullptr;
    RepositoryActions* m_repository = nullptr;
    QLabel* m_presenceLabel = nullptr;
    FileGuard m_guard; ///< the open file's lock and its stamp on disk
    QTabWidget* m_tabs;
    NoticeBar* m_notice = nullptr;
    int m_noticeIndex = -1; ///< undo index when the notice was shown; any other closes it
    Palette* m_palette = nullptr;
    PropertiesPanel* m_properties = nullptr;
    MetricsPanel* m_metrics = nullptr;
    PeopleSystemsPanel* m_peopleSystems = nullptr;
    FindingsPanel* m_findings = nullptr;
    WorkshopPanel* m_workshop = nullptr;
    QuickCaptureBar* m_quickCapture = nullptr;
    QList<QDockWidget*> m_docks;
    QToolBar* m_fileBar = nullptr;
    QToolBar* m_captureBar = nullptr;
    QToolBar* m_bandBar = nullptr;
    PresentationBand* m_band = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QStringList m_recentFiles;
    bool m_presenting = false;
    QByteArray m_stateBeforePresenting;
    bool m_wasMaximized = false;
    QString m_lastDirectory;
};

} // namespace gemba::app
