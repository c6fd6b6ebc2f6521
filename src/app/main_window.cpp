#include "main_window.h"

#include "canvas/map_view.h"
#include "canvas/palette.h"
#include "drawio_actions.h"
#include "editor_document.h"
#include "event_import_dialog.h"
#include "export_dialogs.h"
#include "flow_over_time_view.h"
#include "gemba/model/operations.h"
#include "gemba/model/workshop_ops.h"
#include "gemba/store/csv_map.h"
#include "gemba/store/csv_steps.h"
#include "gemba/store/json_format.h"
#include "help_dialog.h"
#include "notice_bar.h"
#include "panels/findings_panel.h"
#include "panels/metrics_panel.h"
#include "panels/people_systems_panel.h"
#include "panels/properties_panel.h"
#include "panels/quick_capture_bar.h"
#include "panels/workshop_panel.h"
#include "portfolio_view.h"
#include "presentation_band.h"
#include "recovery.h"
#include "repository_actions.h"
#include "repository_presence.h"
#include "simulation_view.h"
#include "workshop_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gemba::app {

namespace {

constexpr int kMaxRecentFiles = 10;
const char* const kProjectFilter = QT_TRANSLATE_NOOP("MainWindow", "Gemba projects (*.gemba)");

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

model::Project starterProject() {
    model::Project project;
    project.props.name = "New value stream";
    model::Map map;
    map.id = project.allocateId();
    map.props.name = "Current state";
    project.maps.push_back(map);
    return project;
}

/// A presented map shows no scroll bars: the room sees the map, fitted; the keyboard and
/// the mouse still pan it.
void showScrollBars(MapView* view, bool shown) {
    const Qt::ScrollBarPolicy policy = shown ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff;
    view->setHorizontalScrollBarPolicy(policy);
    view->setVerticalScrollBarPolicy(policy);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_document(new EditorDocument(this))
    , m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/gemba/icons/gemba.svg")));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(false);
    m_tabs->setObjectName(QStringLiteral("mapTabs"));
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_notice = new NoticeBar(central);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createActions();
    m_repository = new RepositoryActions(*m_document, this, [this] { return maybeSave(); });
    if (!options.presenceHost.isEmpty())
        m_repository->presence().setIdentity(options.presenceHost, options.presencePid);
    m_repository->presence().setInterval(options.presenceIntervalMs);
    createDocks();
    createToolBars();
    createPresentationBand();
    createMenus();
    // Who else has the repository project open: shown while anyone does.
    m_presenceLabel = new QLabel(statusBar());
    m_presenceLabel->setObjectName(QStringLiteral("presenceLabel"));
    m_presenceLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3c4; color: #5c4400; padding: 1px 6px; border-radius: 3px; }"));
    m_presenceLabel->hide();
    statusBar()->addPermanentWidget(m_presenceLabel);
    connect(&m_repository->presence(), &RepositoryPresence::textChanged, this,
            [this](const QString& text) {
                m_presenceLabel->setText(text);
                m_presenceLabel->setVisible(!text.isEmpty());
            });
    statusBar()->addPermanentWidget(m_zoomLabel = new QLabel(statusBar()));

    m_document->resetProject(starterProject(), false);
    rebuildTabs();

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_document, &EditorDocument::projectReset, this, &MainWindow::rebuildTabs);
    connect(m_document, &EditorDocument::changed, this, [this](const model::Changes& changes) {
        for (const model::Change& change : changes)
            if (change.subject == model::Change::Subject::MapList ||
                change.subject == model::Change::Subject::Map) {
                syncTabs();
                break;
            }
        updateActions();
    });
    connect(m_document, &EditorDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &EditorDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &EditorDocument::repositoryOriginChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateTitle);
    // A notice is about the change just made: the next change (or an undo) closes it.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        if (index != m_noticeIndex)
            m_notice->dismiss();
    });
    connect(m_document, &EditorDocument::projectReset, m_notice, &NoticeBar::dismiss);

    const QString folder =
        options.recoveryFolder.isEmpty() ? Recovery::defaultFolder() : options.recoveryFolder;
    // Look for work left behind before this session starts writing its own.
    const bool orphans = options.offerRecovery && !Recovery::leftBehind(folder).isEmpty();
    m_recovery = new Recovery(*m_document, folder, options.autosaveIntervalMs, this);

    readSettings();
    updateTitle();
    updateActions();
    if (orphans)
        QMetaObject::invokeMethod(this, &MainWindow::offerRecovery, Qt::QueuedConnection);
}

MainWindow::~MainWindow() {
    // Nothing of the document may reach this window once it is being destroyed: the undo
    // stack, deleted with the document, clears itself and signals as it goes, and by then
    // this object would be a half-destroyed QWidget.
    disconnect(m_document, nullptr, this, nullptr);
    disconnect(m_document->undoStack(), nullptr, this, nullptr);
    // The canvases and panels talk to the document until they go: delete them while it is
    // still there, then the document, while this window is still whole.
    delete m_recovery;
    delete m_repository; // withdraws this editor's presence while the document is still here
    qDeleteAll(findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
    delete m_document;
    m_document = nullptr;
}

QAction* MainWindow::makeAction(const char* name, const QString& text, const QKeySequence& key) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty())
        action->setShortcut(key);
    addAction(action); // shortcuts work while the menu bar is hidden (presentation)
    return action;
}

void MainWindow::createActions() {
    using Key = QKeySequence;
    connect(makeAction("actionNew", tr("&New Project"), Key::New), &QAction::triggered, this,
            &MainWindow::newProject);
    connect(makeAction("actionOpen", tr("&Open…"), Key::Open), &QAction::triggered, this,
            &MainWindow::open);
    connect(makeAction("actionSave", tr("&Save"), Key::Save), &QAction::triggered, this,
            &MainWindow::save);
    connect(makeAction("actionSaveAs", tr("Save &As…"), Key::SaveAs), &QAction::triggered, this,
            &MainWindow::saveAs);
    connect(makeAction("actionImportJson", tr("Import &JSON Project…")), &QAction::triggered, this,
            [this] {
                if (!maybeSave())
                    return;
                const QString path = QFileDialog::getOpenFileName(
                    this, tr("Import JSON Project"), m_lastDirectory, tr("JSON (*.json)"));
                if (!path.isEmpty())
                    importJson(path);
            });
    connect(makeAction("actionImportCsv", tr("Import &CSV Table (Steps or Map)…")),
            &QAction::triggered, this, [this] {
                const QString path =
                    QFileDialog::getOpenFileName(this, tr("Import CSV Step or Map Table"),
                                                 m_lastDirectory, tr("CSV tables (*.csv *.txt)"));
                if (!path.isEmpty())
                    importCsv(path);
            });
    connect(makeAction("actionImportEvents", tr("Import &Event Log…")), &QAction::triggered, this,
            [this] {
                const QString path = QFileDialog::getOpenFileName(
                    this, tr("Import Event Log"), m_lastDirectory,
                    tr("Event logs (*.csv *.txt *.xes);;All files (*)"));
                if (!path.isEmpty())
                    importEvents(path);
            });
    connect(makeAction("actionExportJson", tr("Export JSON Project…")), &QAction::triggered, this,
            [this] {
                const QString path = QFileDialog::getSaveFileName(
                    this, tr("Export JSON Project"), m_lastDirectory, tr("JSON (*.json)"));
                if (!path.isEmpty())
                    exportJson(path);
            });
    connect(makeAction("actionQuit", tr("&Quit"), Key::Quit), &QAction::triggered, this,
            &QWidget::close);

    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(Key::Undo);
    addAction(undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(Key::Redo);
    addAction(redo);

    auto onView = [this](auto&& call) {
        return [this, call] {
            if (MapView* view = currentView())
                call(view);
        };
    };
    QAction* cut = makeAction("actionCut", tr("Cu&t"), Key::Cut);
    // Shift+Delete is delete without bridging here, not the platform's second cut key.
    QList<Key> cutKeys = QKeySequence::keyBindings(Key::Cut);
    cutKeys.removeAll(Key(Qt::SHIFT | Qt::Key_Delete));
    cut->setShortcuts(cutKeys);
    connect(cut, &QAction::triggered, this, onView([](MapView* v) { v->cutSelected(); }));
    connect(makeAction("actionCopy", tr("&Copy"), Key::Copy), &QAction::triggered, this,
            onView([](MapView* v) { v->copySelected(); }));
    connect(makeAction("actionPaste", tr("&Paste"), Key::Paste), &QAction::triggered, this,
            onView([](MapView* v) { v->paste(); }));
    QAction* remove = makeAction("actionDelete", tr("&Delete"));
    remove->setShortcuts({Key(Key::Delete), Key(Qt::Key_Backspace)});
    connect(remove, &QAction::triggered, this, onView([](MapView* v) { v->deleteSelected(); }));
    connect(makeAction("actionDeleteNoBridge", tr("Delete &Without Bridging"),
                       Key(Qt::SHIFT | Qt::Key_Delete)),
            &QAction::triggered, this, onView([](MapView* v) { v->deleteSelected(false); }));
    connect(makeAction("actionSelectAll", tr("Select &All"), Key::SelectAll), &QAction::triggered,
            this, onView([](MapView* v) { v->selectAll(); }));
    connect(makeAction("actionRename", tr("Re&name"), Key(Qt::Key_F2)), &QAction::triggered, this,
            onView([](MapView* v) { v->renameSelected(); }));

    connect(makeAction("actionZoomIn", tr("Zoom &In"), Key::ZoomIn), &QAction::triggered, this,
            onView([](MapView* v) { v->zoomIn(); }));
    connect(makeAction("actionZoomOut", tr("Zoom &Out"), Key::ZoomOut), &QAction::triggered, this,
            onView([](MapView* v) { v->zoomOut(); }));
    connect(makeAction("actionFit", tr("&Fit to Window"), Key(Qt::CTRL | Qt::Key_9)),
            &QAction::triggered, this, onView([](MapView* v) { v->fitToWindow(); }));
    connect(makeAction("actionActualSize", tr("&Actual Size (100%)"), Key(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, this, onView([](MapView* v) { v->actualSize(); }));
    QAction* snap = makeAction("actionSnap", tr("&Snap to Grid"));
    snap->setCheckable(true);
    snap->setChecked(true);
    connect(snap, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < m_tabs->count(); ++i)
            if (auto* view = qobject_cast<MapView*>(m_tabs->widget(i)))
                view->setSnapToGrid(on);
    });
    QAction* present = makeAction("actionPresentation", tr("&Presentation Mode"), Key(Qt::Key_F11));
    present->setCheckable(true);
    connect(present, &QAction::toggled, this, &MainWindow::setPresenting);
    QAction* leave =
        makeAction("actionLeavePresentation", tr("Leave Presentation Mode"), Key(Qt::Key_Escape));
    leave->setEnabled(false);
    connect(leave, &QAction::triggered, this, [this] { setPresenting(false); });

    connect(makeAction("actionNewMap", tr("New &Map"), Key(Qt::CTRL | Qt::SHIFT | Qt::Key_M)),
            &QAction::triggered, this, &MainWindow::newMap);
    connect(makeAction("actionNewFutureState", tr("New &Future State from This Map"),
                       Key(Qt::CTRL | Qt::SHIFT | Qt::Key_F)),
            &QAction::triggered, this, &MainWindow::newFutureState);
    connect(makeAction("actionRenameMap", tr("&Rename Map…")), &QAction::triggered, this,
            &MainWindow::renameMap);
    connect(makeAction("actionDeleteMap", tr("&Delete Map")), &QAction::triggered, this,
            &MainWindow::deleteMap);
    // The option: Auto Layout wraps a stream too long to read when fitted to the window (a
    // short one stays on one row), so that a long map need not be tidied by a second command.
    QAction* wrapLong = makeAction("actionWrapLongStreams", tr("Auto Layout &Wraps Long Streams"));
    wrapLong->setCheckable(true);
    wrapLong->setStatusTip(tr("Auto Layout wraps a stream too long to read at fit-to-window "
                              "onto rows, as Serpentine Layout does."));
    connect(makeAction("actionAutoLayout", tr("Auto &Layout"), Key(Qt::CTRL | Qt::Key_L)),
            &QAction::triggered, this, onView([wrapLong](MapView* v) {
                v->autoLayout(wrapLong->isChecked() ? LayoutWrap::WhenWiderThanView
                                                    : LayoutWrap::Never);
            }));
    connect(makeAction("actionSerpentineLayout", tr("&Serpentine Layout"),
                       Key(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
            &QAction::triggered, this,
            onView([](MapView* v) { v->autoLayout(LayoutWrap::ToViewShape); }));
    const std::pair<const char*, Alignment> alignments[] = {
        {"actionAlignLeft", Alignment::Left},       {"actionAlignHCenter", Alignment::HCenter},
        {"actionAlignRight", Alignment::Right},     {"actionAlignTop", Alignment::Top},
        {"actionAlignVCenter", Alignment::VCenter}, {"actionAlignBottom", Alignment::Bottom}};
    const QString alignNames[] = {tr("Align &Left"), tr("Align &Centre"), tr("Align &Right"),
                                  tr("Align &Top"),  tr("Align &Middle"), tr("Align &Bottom")};
    for (int i = 0; i < 6; ++i) {
        const Alignment alignment = alignments[i].second;
        connect(makeAction(alignments[i].first, alignNames[i]), &QAction::triggered, this,
                onView([alignment](MapView* v) { v->alignSelection(alignment); }));
    }
    connect(makeAction("actionDistributeH", tr("Distribute &Horizontally")), &QAction::triggered,
            this, onView([](MapView* v) { v->distributeSelection(Qt::Horizontal); }));
    connect(makeAction("actionDistributeV", tr("Distribute &Vertically")), &QAction::triggered,
            this, onView([](MapView* v) { v->distributeSelection(Qt::Vertical); }));
    connect(makeAction("actionNewIdea", tr("New &Idea from Selection"),
                       Key(Qt::CTRL | Qt::ALT | Qt::Key_I)),
            &QAction::triggered, this, onView([this](MapView* v) {
                m_workshop->ideaFromElements(v->mapId(), v->selectedIds());
            }));
    connect(makeAction("actionNewAction", tr("New A&ction from Selection"),
                       Key(Qt::CTRL | Qt::ALT | Qt::Key_A)),
            &QAction::triggered, this, onView([this](MapView* v) {
                m_workshop->actionFromElements(v->mapId(), v->selectedIds());
            }));
    connect(makeAction("actionQuickCapture", tr("&Quick Capture"), Key(Qt::CTRL | Qt::Key_K)),
            &QAction::triggered, this, [this] {
                m_captureBar->show();
                m_quickCapture->lineEdit()->setFocus();
            });
    connect(makeAction("actionGlossary", tr("&Glossary")), &QAction::triggered, this,
            [this] { showHelpPage(this, QStringLiteral("glossary.md"), tr("Glossary")); });
    connect(makeAction("actionShortcuts", tr("&Keyboard Shortcuts"), Key::HelpContents),
            &QAction::triggered, this, [this] {
                showHelpPage(this, QStringLiteral("shortcuts.md"), tr("Keyboard Shortcuts"));
            });
    connect(makeAction("actionAbout", tr("&About Gemba")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Gemba"),
                           tr("<h3>Gemba %1</h3><p>Draw, measure and improve value stream maps.</p>"
                              "<p>Released under the MIT licence.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createDocks() {
    m_palette = new Palette(this);
    connect(m_palette, &Palette::toolChosen, this, [this](Tool tool) {
        if (MapView* view = currentView())
            view->setTool(tool);
    });
    connect(m_palette, &Palette::connectKindChosen, this, [this](model::FlowKind kind) {
        if (MapView* view = currentView()) {
            view->setConnectKind(kind);
            view->setTool(Tool::Connect);
        }
    });

    auto dock = [this](QWidget* widget, const QString& title, const char* name,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QString::fromLatin1(name));
        d->setWidget(widget);
        addDockWidget(area, d);
        m_docks << d;
        return d;
    };
    m_properties = new PropertiesPanel(*m_document, this);
    m_metrics = new MetricsPanel(*m_document, this);
    m_peopleSystems = new PeopleSystemsPanel(*m_document, this);
    m_findings = new FindingsPanel(*m_document, this);
    QDockWidget* properties =
        dock(m_properties, tr("Properties"), "dockProperties", Qt::RightDockWidgetArea);
    QDockWidget* people = dock(m_peopleSystems, tr("People and Systems"), "dockPeopleSystems",
                               Qt::RightDockWidgetArea);
    tabifyDockWidget(properties, people);
    properties->raise();
    // The palette as a strip of buttons: click a shape to place it, or drag it onto the map.
    QDockWidget* palette = dock(m_palette, tr("Palette"), "dockPalette", Qt::LeftDockWidgetArea);
    QDockWidget* metrics = dock(m_metrics, tr("Metrics"), "dockMetrics", Qt::LeftDockWidgetArea);
    splitDockWidget(palette, metrics, Qt::Vertical);
    QDockWidget* findings =
        dock(m_findings, tr("Findings"), "dockFindings", Qt::LeftDockWidgetArea);
    splitDockWidget(metrics, findings, Qt::Vertical);
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::onFindingActivated);
    // Ideas and the action plan, beside the properties.
    m_workshop = new WorkshopPanel(*m_document, this);
    tabifyDockWidget(
        people, dock(m_workshop, tr("Ideas and Plan"), "dockWorkshop", Qt::RightDockWidgetArea));
    properties->raise();
}

void MainWindow::createToolBars() {
    m_fileBar = addToolBar(tr("File"));
    m_fileBar->setObjectName(QStringLiteral("toolBarFile"));
    for (const char* name : {"actionNew", "actionOpen", "actionSave"})
        m_fileBar->addAction(findChild<QAction*>(QString::fromLatin1(name)));
    m_fileBar->addSeparator();
    m_fileBar->addAction(findChild<QAction*>(QStringLiteral("actionUndo")));
    m_fileBar->addAction(findChild<QAction*>(QStringLiteral("actionRedo")));
    m_fileBar->addSeparator();
    m_fileBar->addAction(findChild<QAction*>(QStringLiteral("actionFit")));
    m_fileBar->addAction(findChild<QAction*>(QStringLiteral("actionPresentation")));

    addToolBarBreak();
    m_captureBar = addToolBar(tr("Quick Capture"));
    m_captureBar->setObjectName(QStringLiteral("toolBarQuickCapture"));
    m_quickCapture = new QuickCaptureBar(m_captureBar);
    m_captureBar->addWidget(m_quickCapture);
    m_quickCapture->setHandler([this](const model::QuickCapture& capture) {
        MapView* view = currentView();
        if (!view)
            return tr("Open or add a map first.");
        QString error;
        view->addCapturedStep(capture, &error);
        return error;
    });
    connect(m_quickCapture, &QuickCaptureBar::undoRequested, m_document->undoStack(),
            &QUndoStack::undo);
    connect(m_quickCapture, &QuickCaptureBar::redoRequested, m_document->undoStack(),
            &QUndoStack::redo);
    connect(m_quickCapture, &QuickCaptureBar::leaveRequested, this, [this] {
        if (MapView* view = currentView())
            view->setFocus(Qt::ShortcutFocusReason);
    });
}

void MainWindow::offerToKeepRedPens(model::Id map, const std::vector<model::RedPen>& pens) {
    if (pens.empty())
        return;
    const QString text =
        pens.size() == 1
            ? tr("Red pen “%1” went with what it marked.")
                  .arg(pens.front().reason.empty() ? QStringLiteral("#%1").arg(pens.front().id)
                                                   : QString::fromStdString(pens.front().reason))
            : tr("%1 red pens went with what they marked.").arg(pens.size());
    m_noticeIndex = m_document->undoStack()->index();
    m_notice->showNotice(text, pens.size() == 1 ? tr("Keep It") : tr("Keep Them"),
                         [this, map, pens] {
                             auto keep = std::make_unique<model::CompoundEdit>(
                                 pens.size() == 1 ? "Keep red pen" : "Keep red pens");
                             for (const model::RedPen& pen : pens)
                                 keep->add(model::makeAdd(map, pen));
                             m_document->push(std::move(keep));
                         });
}

void MainWindow::createPresentationBand() {
    m_bandBar = new QToolBar(tr("Key Figures"), this);
    m_bandBar->setObjectName(QStringLiteral("toolBarPresentation"));
    m_bandBar->setMovable(false);
    m_bandBar->setFloatable(false);
    m_bandBar->setContentsMargins(0, 0, 0, 0);
    m_band = new PresentationBand(
        *m_document, [this] { return currentMap(); }, m_bandBar);
    m_bandBar->addWidget(m_band);
    addToolBar(Qt::BottomToolBarArea, m_bandBar);
    m_bandBar->hide();
}

void MainWindow::createMenus() {
    auto add = [this](QMenu* menu, const char* name) {
        menu->addAction(findChild<QAction*>(QString::fromLatin1(name)));
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, "actionNew");
    add(file, "actionOpen");
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    file->addAction(m_repository->openAction());
    file->addSeparator();
    add(file, "actionSave");
    add(file, "actionSaveAs");
    file->addAction(m_repository->saveToAction());
    file->addSeparator();
    add(file, "actionImportJson");
    add(file, "actionImportCsv");
    add(file, "actionImportEvents");
    // draw.io in and out (drawio_actions.h).
    auto* drawio = new DrawioActions(*m_document, this);
    connect(drawio, &DrawioActions::imported, this, [this](model::Id map) {
        showMap(map);
        if (MapView* view = currentView())
            view->fitToWindow();
    });
    file->addAction(drawio->importAction());
    add(file, "actionExportJson");
    file->addAction(drawio->exportAction());
    // PDF report, SVG, PNG, CSV, print and Compare Maps (export_dialogs.h).
    auto* exports = new ExportActions(
        *m_document, [this] { return currentMap(); }, this);
    file->addMenu(exports->exportMenu());
    // The action plan and the reviews: their views and PDFs (workshop_view.h).
    auto* workshopViews = new WorkshopViewActions(*m_document, this);
    exports->exportMenu()->addSeparator();
    exports->exportMenu()->addActions(workshopViews->exportActions());
    file->addAction(exports->printAction());
    file->addSeparator();
    file->addAction(portfolioAction(this));
    file->addSeparator();
    add(file, "actionQuit");

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, "actionUndo");
    add(edit, "actionRedo");
    edit->addSeparator();
    add(edit, "actionCut");
    add(edit, "actionCopy");
    add(edit, "actionPaste");
    add(edit, "actionDelete");
    add(edit, "actionDeleteNoBridge");
    edit->addSeparator();
    add(edit, "actionSelectAll");
    add(edit, "actionRename");

    QMenu* view = menuBar()->addMenu(tr("&View"));
    add(view, "actionZoomIn");
    add(view, "actionZoomOut");
    add(view, "actionFit");
    add(view, "actionActualSize");
    view->addSeparator();
    add(view, "actionSnap");
    add(view, "actionPresentation");
    view->addSeparator();
    for (QDockWidget* dock : std::as_const(m_docks))
        view->addAction(dock->toggleViewAction());
    view->addAction(m_captureBar->toggleViewAction());
    view->addSeparator();
    view->addActions(workshopViews->viewActions());

    QMenu* insert = menuBar()->addMenu(tr("&Insert"));
    insert->addActions(m_palette->actions());
    insert->addSeparator();
    add(insert, "actionQuickCapture");
    add(insert, "actionNewIdea");
    add(insert, "actionNewAction");

    QMenu* map = menuBar()->addMenu(tr("&Map"));
    add(map, "actionNewMap");
    add(map, "actionNewFutureState");
    add(map, "actionRenameMap");
    add(map, "actionDeleteMap");
    map->addSeparator();
    map->addAction(exports->compareAction());
    map->addAction(simulationAction(
        *m_document, [this] { return currentMap(); }, this));
    map->addAction(flowOverTimeAction(*m_document, this));
    map->addSeparator();
    add(map, "actionAutoLayout");
    add(map, "actionSerpentineLayout");
    add(map, "actionWrapLongStreams");
    QMenu* align = map->addMenu(tr("&Align"));
    for (const char* name : {"actionAlignLeft", "actionAlignHCenter", "actionAlignRight",
                             "actionAlignTop", "actionAlignVCenter", "actionAlignBottom"})
        add(align, name);
    QMenu* distribute = map->addMenu(tr("&Distribute"));
    add(distribute, "actionDistributeH");
    add(distribute, "actionDistributeV");

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, "actionGlossary");
    add(help, "actionShortcuts");
    add(help, "actionAbout");
}

MapView* MainWindow::currentView() const {
    return qobject_cast<MapView*>(m_tabs->currentWidget());
}

model::Id MainWindow::currentMap() const {
    MapView* view = currentView();
    return view ? view->mapId() : model::kNoId;
}

MapView* MainWindow::viewOf(model::Id map) const {
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* view = qobject_cast<MapView*>(m_tabs->widget(i)); view && view->mapId() == map)
            return view;
    return nullptr;
}

void MainWindow::showMap(model::Id map) {
    if (MapView* view = viewOf(map))
        m_tabs->setCurrentWidget(view);
}

void MainWindow::rebuildTabs() {
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    syncTabs();
    if (MapView* view = currentView())
        QMetaObject::invokeMethod(view, &MapView::fitToWindow, Qt::QueuedConnection);
    onCurrentTabChanged();
}

void MainWindow::syncTabs() {
    const model::Project& project = m_document->project();
    const model::Id current = currentMap();
    const QSignalBlocker blocker(m_tabs);
    // Drop tabs of maps that are gone, then put a tab per map in project order.
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        auto* view = qobject_cast<MapView*>(m_tabs->widget(i));
        if (!view || !project.findMap(view->mapId())) {
            QWidget* page = m_tabs->widget(i);
            m_tabs->removeTab(i);
            page->deleteLater();
        }
    }
    const bool snap = findChild<QAction*>(QStringLiteral("actionSnap"))->isChecked();
    for (std::size_t index = 0; index < project.maps.size(); ++index) {
        const model::Map& map = project.maps[index];
        MapView* view = viewOf(map.id);
        if (!view) {
            view = new MapView(*m_document, map.id, m_tabs);
            view->setSnapToGrid(snap);
            showScrollBars(view, !m_presenting);
            connect(view, &MapView::selectionChanged, this, &MainWindow::onSelectionChanged);
            connect(view, &MapView::zoomChanged, this, [this, view](qreal zoom) {
                if (view == currentView())
                    m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100)));
            });
            connect(view, &MapView::toolChanged, m_palette, &Palette::showTool);
            connect(view, &MapView::redPensDeleted, this, &MainWindow::offerToKeepRedPens);
        }
        const int at = static_cast<int>(index);
        if (m_tabs->indexOf(view) != at) {
            m_tabs->removeTab(m_tabs->indexOf(view));
            m_tabs->insertTab(at, view, QString());
        }
        QString title = qs(map.props.name);
        if (map.props.state != model::MapState::Current) {
            const QString state =
                map.props.state == model::MapState::Future ? tr("future") : tr("ideal");
            if (!title.contains(state, Qt::CaseInsensitive))
                title += QStringLiteral(" (") + state + QStringLiteral(")");
        }
        m_tabs->setTabText(at, title);
        m_tabs->setTabToolTip(at, title);
    }
    if (MapView* view = viewOf(current))
        m_tabs->setCurrentWidget(view);
    if (m_tabs->currentWidget() != nullptr && current != currentMap())
        onCurrentTabChanged();
}

void MainWindow::onCurrentTabChanged() {
    const model::Id map = currentMap();
    m_metrics->setMap(map);
    m_findings->setMap(map);
    m_workshop->setCurrentMap(map);
    if (MapView* view = currentView()) {
        m_properties->setContext(map, view->selectedIds());
        m_palette->showTool(view->tool());
        m_zoomLabel->setText(tr("%1%").arg(qRound(view->zoom() * 100)));
    } else {
        m_properties->setContext(model::kNoId, {});
    }
    updateActions();
}

void MainWindow::onSelectionChanged() {
    if (MapView* view = currentView(); view && sender() == view)
        m_properties->setContext(view->mapId(), view->selectedIds());
    updateActions();
}

void MainWindow::onFindingActivated(model::Id map, model::Id element) {
    showMap(map);
    if (MapView* view = viewOf(map); view && element != model::kNoId)
        view->selectIds({element}, true);
}

void MainWindow::updateTitle() {
    // A new, imported or recovered-without-file project leaves the file it replaced.
    if (m_document->filePath().isEmpty() && !m_guard.projectPath().isEmpty())
        m_guard.release();
    if (const auto& origin = m_document->repositoryOrigin())
        setWindowTitle(tr("%1[*] (repository, version %2) — Gemba")
                           .arg(m_document->displayName())
                           .arg(origin->version));
    else
        setWindowTitle((m_guard.readOnly() ? tr("%1[*] (read-only) — Gemba") : tr("%1[*] — Gemba"))
                           .arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateActions() {
    MapView* view = currentView();
    const bool hasSelection = view && !view->selectedIds().empty();
    for (const char* name :
         {"actionCut", "actionCopy", "actionDelete", "actionDeleteNoBridge", "actionRename"})
        findChild<QAction*>(QString::fromLatin1(name))->setEnabled(hasSelection);
    findChild<QAction*>(QStringLiteral("actionPaste"))->setEnabled(view && view->canPaste());
    findChild<QAction*>(QStringLiteral("actionDeleteMap"))
        ->setEnabled(m_document->project().maps.size() > 1);
    for (const char* name :
         {"actionNewFutureState", "actionRenameMap", "actionAutoLayout", "actionSerpentineLayout",
          "actionZoomIn", "actionZoomOut", "actionFit", "actionActualSize", "actionSelectAll"})
        findChild<QAction*>(QString::fromLatin1(name))->setEnabled(view != nullptr);
    m_quickCapture->setCalendar(m_document->project().props.calendar);
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newProject() {
    if (!maybeSave())
        return;
    m_document->resetProject(starterProject(), false);
}

void MainWindow::newMap() {
    model::Map map;
    map.id = m_document->allocateId();
    map.props.name = tr("Map %1").arg(m_document->project().maps.size() + 1).toStdString();
    const model::Id id = map.id;
    m_document->push(std::make_unique<model::AddMap>(
        std::move(map), m_document->project().maps.size(), tr("New map").toStdString()));
    showMap(id);
}

void MainWindow::newFutureState() {
    const model::Map* source = m_document->map(currentMap());
    if (!source)
        return;
    const std::size_t at =
        static_cast<std::size_t>(m_tabs->currentIndex()) + 1; // right after its source
    model::Map future = model::deriveMap([this] { return m_document->allocateId(); }, *source,
                                         tr("Future state").toStdString(), model::MapState::Future);
    const model::Id id = future.id;
    m_document->push(std::make_unique<model::AddMap>(std::move(future), at,
                                                     tr("New future state").toStdString()));
    showMap(id);
}

void MainWindow::renameMap() {
    const model::Map* map = m_document->map(currentMap());
    if (!map)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Map"), tr("Map name:"),
                                               QLineEdit::Normal, qs(map->props.name), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    model::MapProps props = map->props;
    props.name = name.toStdString();
    m_document->push(std::make_unique<model::SetMapProps>(map->id, map->props, props,
                                                          tr("Rename map").toStdString()));
}

void MainWindow::deleteMap() {
    const model::Map* map = m_document->map(currentMap());
    if (!map || m_document->project().maps.size() <= 1)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete Map"),
                              tr("Delete the map “%1” with everything on it? You can undo this.")
                                  .arg(qs(map->props.name)));
    if (answer != QMessageBox::Yes)
        return;
    // Ideas, actions and reviews that name the map or its elements forget them.
    m_document->push(model::removeMapWithReferences(m_document->project(), map->id,
                                                    tr("Delete map").toStdString()));
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), m_lastDirectory, tr(kProjectFilter));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString& path) {
    bool readOnly = false;
    if (const auto owner = FileGuard::heldBy(path)) {
        const FileGuard::OpenChoice choice = FileGuard::askOpenLocked(this, path, *owner);
        if (choice == FileGuard::OpenChoice::Cancel)
            return false;
        readOnly = choice == FileGuard::OpenChoice::ReadOnly;
    }
    QString error;
    if (!m_document->open(path, &error)) {
        QMessageBox::critical(this, tr("Cannot open project"), error);
        return false;
    }
    m_guard.attach(path, readOnly);
    updateTitle();
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool MainWindow::save() {
    if (m_document->repositoryOrigin())
        return m_repository->save();
    if (m_document->filePath().isEmpty() || m_guard.readOnly())
        return saveAs();
    return saveFile(m_document->filePath());
}

bool MainWindow::saveAs() {
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(m_lastDirectory).filePath(m_document->displayName() + ".gemba");
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion, tr(kProjectFilter));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".gemba"), Qt::CaseInsensitive))
        path += QStringLiteral(".gemba");
    return saveFile(path);
}

bool MainWindow::saveFile(const QString& path) {
    // Someone else changed the file since it was opened or saved: never overwrite silently.
    const bool ours = path == m_guard.projectPath();
    if (ours && m_guard.changedOnDisk()) {
        switch (FileGuard::askSaveChanged(this, path)) {
        case FileGuard::SaveChoice::SaveAs:
            return saveAs();
        case FileGuard::SaveChoice::Cancel:
            return false;
        case FileGuard::SaveChoice::Overwrite:
            break;
        }
    }
    if (ours && m_guard.readOnly())
        return saveAs();
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::critical(
            this, tr("Cannot save project"),
            tr("The project was not saved; the file on disk is unchanged.\n\n%1").arg(error));
        return false;
    }
    if (ours)
        m_guard.restamp();
    else
        m_guard.attach(path, false);
    updateTitle();
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool MainWindow::importJson(const QString& path) {
    try {
        model::Project project = store::readJsonFile(path.toStdString());
        m_document->resetProject(std::move(project), true);
        m_lastDirectory = QFileInfo(path).absolutePath();
        statusBar()->showMessage(tr("Imported %1").arg(QFileInfo(path).fileName()), 4000);
        return true;
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot import JSON"), QString::fromUtf8(e.what()));
        return false;
    }
}

bool MainWindow::importCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::critical(this, tr("Cannot import CSV"),
                              tr("%1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray text = file.readAll();
    // The import works on a copy: an error leaves the project as it was.
    model::Project copy = m_document->project();
    store::CsvImportOptions options;
    options.mapName = QFileInfo(path).completeBaseName().toStdString();
    model::Id mapId = model::kNoId;
    std::vector<std::string> warnings;
    try {
        const std::string_view csv(text.constData(), text.size());
        const std::string name = QFileInfo(path).fileName().toStdString();
        // A map table (with a type column) names its own map; a step table takes the file's.
        mapId = store::isCsvMapTable(csv)
                    ? store::importCsvMap(copy, csv, name, {}, &warnings)
                    : store::importCsvSteps(copy, csv, name, options, &warnings);
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot import CSV"), QString::fromUtf8(e.what()));
        return false;
    }
    // Bring in what the import added (people, systems, the map) as one undo step.
    auto edit = std::make_unique<model::CompoundEdit>(tr("Import CSV").toStdString());
    for (const auto& [id, person] : copy.people)
        if (!m_document->project().people.contains(id))
            edit->add(std::make_unique<model::SetPerson>(model::kNoId, std::nullopt, person,
                                                         "Add person"));
    for (const auto& [id, system] : copy.systems)
        if (!m_document->project().systems.contains(id))
            edit->add(std::make_unique<model::SetSystem>(model::kNoId, std::nullopt, system,
                                                         "Add system"));
    const model::Map* imported = copy.findMap(mapId);
    // Ids of the copy were drawn from the copy's counter: move the document's past them.
    while (m_document->project().nextId < copy.nextId)
        m_document->allocateId();
    edit->add(
        std::make_unique<model::AddMap>(*imported, m_document->project().maps.size(), "Add map"));
    m_document->push(std::move(edit));
    showMap(mapId);
    m_lastDirectory = QFileInfo(path).absolutePath();
    if (MapView* view = currentView())
        view->fitToWindow();
    if (!warnings.empty()) {
        QStringList lines;
        for (const std::string& warning : warnings)
            lines << QString::fromStdString(warning);
        QMessageBox::warning(this, tr("Check the imported map"),
                             lines.join(QStringLiteral("\n\n")));
    }
    return true;
}

bool MainWindow::importEvents(const QString& path) {
    // The log read before for this project comes with the columns it was read with.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const auto remembered = rememberedEventSource(m_document->filePath());
    EventImportDialog dialog(
        remembered && remembered->path == absolute ? *remembered : EventSource::ofFile(absolute),
        m_document->project(), this);
    if (!dialog.readLog() && dialog.errorText().isEmpty())
        return false;
    if (dialog.exec() != QDialog::Accepted || !dialog.report())
        return false;
    model::Id nextId = m_document->project().nextId;
    const model::Map map = dialog.measuredMap(nextId);
    while (m_document->project().nextId < nextId)
        m_document->allocateId();
    // The mapping and working hours used, and the new map: one undo step.
    auto edit = std::make_unique<model::CompoundEdit>(tr("Import event log").toStdString());
    model::ProjectProps props = m_document->project().props;
    props.eventMapping = dialog.mapping();
    props.workingHours = dialog.workingHours();
    edit->add(std::make_unique<model::SetProjectProps>(m_document->project().props, props,
                                                       "Event mapping"));
    edit->add(std::make_unique<model::AddMap>(map, m_document->project().maps.size(), "Add map"));
    m_document->push(std::move(edit));
    rememberEventSource(m_document->filePath(), dialog.source());
    showMap(map.id);
    m_lastDirectory = QFileInfo(path).absolutePath();
    if (MapView* view = currentView())
        view->fitToWindow();
    return true;
}

bool MainWindow::exportJson(const QString& path) {
    try {
        store::writeJsonFile(m_document->project(), path.toStdString());
        return true;
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot export JSON"), QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recentFiles.removeAll(absolute);
    m_recentFiles.prepend(absolute);
    while (m_recentFiles.size() > kMaxRecentFiles)
        m_recentFiles.removeLast();
    m_lastDirectory = QFileInfo(path).absolutePath();
    updateRecentMenu();
    QSettings().setValue(QStringLiteral("files/recent"), m_recentFiles);
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    for (int i = 0; i < m_recentFiles.size(); ++i) {
        const QString path = m_recentFiles[i];
        QAction* action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (maybeSave())
                    openFile(path);
            });
        action->setToolTip(path);
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void MainWindow::setPresenting(bool on) {
    if (on == m_presenting)
        return;
    m_presenting = on;
    const QList<QToolBar*> bars = {m_fileBar};
    if (on) {
        m_stateBeforePresenting = saveState();
        m_wasMaximized = isMaximized();
        for (QDockWidget* dock : std::as_const(m_docks))
            dock->hide();
        for (QToolBar* bar : bars)
            bar->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_captureBar->show();
        QFont large = m_quickCapture->font();
        large.setPointSizeF(large.pointSizeF() * 1.6);
        m_quickCapture->setFont(large);
        m_tabs->tabBar()->setFont(large);
        showFullScreen();
        m_bandBar->show();
        m_band->refresh();
    } else {
        m_quickCapture->setFont(QFont());
        m_tabs->tabBar()->setFont(QFont());
        m_bandBar->hide();
        menuBar()->show();
        statusBar()->show();
        for (QToolBar* bar : bars)
            bar->show();
        restoreState(m_stateBeforePresenting);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* view = qobject_cast<MapView*>(m_tabs->widget(i)))
            showScrollBars(view, !on);
    findChild<QAction*>(QStringLiteral("actionLeavePresentation"))->setEnabled(on);
    QAction* toggle = findChild<QAction*>(QStringLiteral("actionPresentation"));
    const QSignalBlocker blocker(toggle);
    toggle->setChecked(on);
    if (MapView* view = currentView())
        QMetaObject::invokeMethod(view, &MapView::fitToWindow, Qt::QueuedConnection);
}

void MainWindow::offerRecovery() {
    const QString folder = QFileInfo(m_recovery->recoveryFile()).absolutePath();
    for (const RecoverableWork& work : Recovery::leftBehind(folder)) {
        const QString what = work.originalFile.isEmpty()
                                 ? tr("an unsaved project")
                                 : tr("changes to “%1”").arg(work.originalFile);
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved work?"),
            tr("Gemba closed unexpectedly and autosaved %1 at %2.\n\nRecover it now? "
               "Discard deletes the autosaved copy.")
                .arg(what, QLocale().toString(work.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore, QMessageBox::Yes);
        if (answer == QMessageBox::Ignore)
            continue;
        if (answer == QMessageBox::Yes) {
            QString error;
            EditorDocument probe;
            if (!probe.open(work.recoveryFile, &error)) {
                QMessageBox::critical(this, tr("Cannot recover"), error);
                continue;
            }
            // Save writes back to the project's own file, whose name the title shows.
            m_document->resetProject(probe.project(), true, work.originalFile);
            if (!work.originalFile.isEmpty())
                m_guard.attach(work.originalFile, false);
            if (!work.originalFile.isEmpty())
                statusBar()->showMessage(
                    tr("Recovered. Save to write it back to %1.").arg(work.originalFile));
        }
        Recovery::discard(work);
        if (answer == QMessageBox::Yes)
            break; // one project at a time; others stay for the next start
    }
}

void MainWindow::readSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            // The first start: most of the screen, centred, not the widgets' minimum.
            const QRect room = screen->availableGeometry();
            resize(room.size() * 0.85);
            move(room.center() - rect().center());
        }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_recentFiles = settings.value(QStringLiteral("files/recent")).toStringList();
    m_lastDirectory = settings.value(QStringLiteral("files/lastDirectory")).toString();
    updateRecentMenu();
    findChild<QAction*>(QStringLiteral("actionWrapLongStreams"))
        ->setChecked(settings.value(QStringLiteral("layout/wrapLongStreams"), false).toBool());
    if (settings.contains(QStringLiteral("view/snap")))
        findChild<QAction*>(QStringLiteral("actionSnap"))
            ->setChecked(settings.value(QStringLiteral("view/snap")).toBool());
}

void MainWindow::writeSettings() {
    QSettings settings;
    if (!m_presenting) {
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
    }
    settings.setValue(QStringLiteral("files/lastDirectory"), m_lastDirectory);
    settings.setValue(QStringLiteral("layout/wrapLongStreams"),
                      findChild<QAction*>(QStringLiteral("actionWrapLongStreams"))->isChecked());
    settings.setValue(QStringLiteral("view/snap"),
                      findChild<QAction*>(QStringLiteral("actionSnap"))->isChecked());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_presenting)
        setPresenting(false);
    writeSettings();
    m_repository->presence().stop();
    event->accept();
}

} // namespace gemba::app
