#include "editor_document.h"

#include "gemba/store/errors.h"
#include "gemba/store/project_file.h"

#include <QFileInfo>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace gemba::app {

namespace {

/// An edit on the undo stack. Commands pushed within one gesture share its serial and merge;
/// a merge that ends where it started makes the command obsolete, and it disappears.
class EditCommand : public QUndoCommand {
public:
    EditCommand(model::Document& document, model::EditPtr edit, int gesture)
        : QUndoCommand(QString::fromStdString(edit->description()))
        , m_document(document)
        , m_edit(std::move(edit))
        , m_gesture(gesture) {}

    void redo() override { m_document.apply(*m_edit); }
    void undo() override { m_document.revert(*m_edit); }
    int id() const override { return m_gesture > 0 ? 1 : -1; }

    bool mergeWith(const QUndoCommand* other) override {
        auto* next = static_cast<const EditCommand*>(other);
        if (next->m_gesture != m_gesture || !m_edit->canMerge(*next->m_edit))
            return false;
        m_edit->merge(*next->m_edit);
        setObsolete(m_edit->isNoop());
        return true;
    }

private:
    model::Document& m_document;
    model::EditPtr m_edit;
    int m_gesture;
};

} // namespace

EditorDocument::EditorDocument(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this)) {
    qRegisterMetaType<model::Changes>();
    m_document.addListener([this](const model::Changes& changes) { onModelChanged(changes); });
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool) { emit modifiedChanged(isModified()); });
}

EditorDocument::~EditorDocument() = default;

void EditorDocument::push(model::EditPtr edit) {
    if (!edit || edit->isNoop())
        return;
    const int gesture = m_gestureDepth > 0 ? m_gestureSerial : 0;
    m_undoStack->push(new EditCommand(m_document, std::move(edit), gesture));
}

void EditorDocument::beginGesture() {
    if (m_gestureDepth++ == 0)
        ++m_gestureSerial;
}

void EditorDocument::endGesture() {
    if (m_gestureDepth > 0)
        --m_gestureDepth;
}

const metrics::MapMetrics* EditorDocument::metrics(model::Id mapId) {
    const model::Map* theMap = map(mapId);
    if (!theMap)
        return nullptr;
    auto it = m_metrics.find(mapId);
    if (it == m_metrics.end())
        it = m_metrics.emplace(mapId, metrics::computeMetrics(project(), *theMap)).first;
    return &it->second;
}

void EditorDocument::flushMetrics() {
    m_metricsScheduled = false;
    const std::set<model::Id> stale = std::exchange(m_stale, {});
    for (model::Id mapId : stale) {
        if (const model::Map* theMap = map(mapId)) {
            m_metrics[mapId] = metrics::computeMetrics(project(), *theMap);
            emit metricsUpdated(mapId);
        } else {
            m_metrics.erase(mapId);
        }
    }
}

QString EditorDocument::displayName() const {
    if (m_origin)
        return m_origin->name;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!project().props.name.empty())
        return QString::fromStdString(project().props.name);
    return tr("Untitled");
}

bool EditorDocument::isModified() const {
    return m_modifiedWithoutUndo || !m_undoStack->isClean();
}

void EditorDocument::resetProject(model::Project project, bool modified, const QString& filePath) {
    m_undoStack->clear();
    m_metrics.clear();
    m_stale.clear();
    m_modifiedWithoutUndo = modified;
    m_filePath = filePath;
    m_document.reset(std::move(project));
    setOrigin(std::nullopt);
    emit filePathChanged(m_filePath);
    emit modifiedChanged(isModified());
}

void EditorDocument::resetFromRepository(model::Project project, RepositoryOrigin origin) {
    resetProject(project, false);
    setOrigin(std::move(origin));
    m_base = std::move(project);
}

void EditorDocument::markSavedToRepository(RepositoryOrigin origin) {
    if (!m_filePath.isEmpty()) {
        m_filePath.clear();
        emit filePathChanged(m_filePath);
    }
    setOrigin(std::move(origin));
    m_base = project();
    markClean();
}

void EditorDocument::mergedWithRepository(model::Project merged, model::Project theirs,
                                          RepositoryOrigin origin) {
    const QString description = tr("Merge with version %1").arg(origin.version);
    push(std::make_unique<model::ReplaceProject>(project(), std::move(merged),
                                                 description.toStdString()));
    setOrigin(std::move(origin));
    m_base = std::move(theirs);
}

void EditorDocument::setOrigin(std::optional<RepositoryOrigin> origin) {
    if (!origin)
        m_base.reset();
    if (origin == m_origin)
        return;
    m_origin = std::move(origin);
    emit repositoryOriginChanged();
}

void EditorDocument::markClean() {
    m_modifiedWithoutUndo = false;
    m_undoStack->setClean();
    emit modifiedChanged(false);
}

bool EditorDocument::open(const QString& path, QString* error) {
    try {
        model::Project opened = store::openProject(path.toStdString());
        resetProject(std::move(opened), false);
        m_filePath = path;
        emit filePathChanged(m_filePath);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

bool EditorDocument::saveAs(const QString& path, QString* error) {
    try {
        store::saveProject(project(), path.toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    setOrigin(std::nullopt);
    if (m_filePath != path) {
        m_filePath = path;
        emit filePathChanged(m_filePath);
    }
    markClean();
    return true;
}

void EditorDocument::onModelChanged(const model::Changes& changes) {
    using Subject = model::Change::Subject;
    for (const model::Change& change : changes) {
        switch (change.subject) {
        case Subject::Everything:
        case Subject::Project:
        case Subject::Person:
        case Subject::System:
            // Calendar, rates, names of people and systems: every map's figures may move.
            for (const model::Map& m : project().maps)
                markStale(m.id);
            break;
        case Subject::MapList:
        case Subject::Map:
            markStale(change.map);
            break;
        case Subject::Workshop:
            // Ideas, actions and reviews change no figure of a map.
            break;
        case Subject::Element:
            // Moving an element changes no figure.
            if (change.op != model::Change::Op::Modified ||
                (change.fields & model::kChangedContent))
                markStale(change.map);
            break;
        }
    }
    if (!changes.empty() && changes.front().subject == Subject::Everything)
        emit projectReset();
    emit changed(changes);
}

const std::map<model::Id, double>* EditorDocument::criticality(model::Id map) const {
    const auto it = m_criticality.find(map);
    return it == m_criticality.end() ? nullptr : &it->second;
}

void EditorDocument::setCriticality(model::Id map, std::map<model::Id, double> shares) {
    m_criticality[map] = std::move(shares);
    emit criticalityChanged(map);
}

void EditorDocument::clearCriticality(model::Id map) {
    if (m_criticality.erase(map) > 0)
        emit criticalityChanged(map);
}

void EditorDocument::markStale(model::Id mapId) {
    // Shares of the map as it was simulated would be shown on a different map: drop them.
    clearCriticality(mapId);
    m_stale.insert(mapId);
    scheduleMetrics();
}

void EditorDocument::scheduleMetrics() {
    if (m_metricsScheduled)
        return;
    m_metricsScheduled = true;
    QTimer::singleShot(0, this, &EditorDocument::flushMetrics);
}

} // namespace gemba::app
