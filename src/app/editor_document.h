#pragma once

#include "gemba/metrics/metrics.h"
#include "gemba/model/document.h"

#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

class QUndoStack;

namespace gemba::app {

/// Where a project of the shared repository lives there: the repository, the project's name
/// and the version it was read or last saved at, which its next save starts from. The URL is
/// kept in memory only (it may hold a password), never in a file or the settings.
struct RepositoryOrigin {
    QString url;
    QString name;
    qint64 version = 0;
    bool operator==(const RepositoryOrigin&) const = default;
};

/// The open project as the editor sees it: the model document, its undo stack, its file and
/// the latest metrics of each map. Every change goes through push(); every view listens to
/// changed() and re-reads the model.
class EditorDocument : public QObject {
    Q_OBJECT

public:
    explicit EditorDocument(QObject* parent = nullptr);
    ~EditorDocument() override;

    const model::Project& project() const { return m_document.project(); }
    const model::Map* map(model::Id id) const { return project().findMap(id); }
    QUndoStack* undoStack() const { return m_undoStack; }

    /// Applies an edit as one undo step; null and no-op edits are dropped.
    void push(model::EditPtr edit);
    /// Between begin and end, edits that can merge become one undo step (a drag, a sweep).
    void beginGesture();
    void endGesture();
    bool inGesture() const { return m_gestureDepth > 0; }
    model::Id allocateId() { return m_document.allocateId(); }

    /// The latest metrics of a map. After a change they are recomputed once per turn of the
    /// event loop (metricsUpdated tells when); a map never computed is computed on the spot.
    const metrics::MapMetrics* metrics(model::Id map);
    /// Recomputes whatever is stale now.
    void flushMetrics();

    /// A simulation's criticality per step of a map (0-1), shaded on its canvas; null: none.
    /// It belongs to the map as simulated: a change of the map's figures drops it.
    const std::map<model::Id, double>* criticality(model::Id map) const;
    void setCriticality(model::Id map, std::map<model::Id, double> shares);
    void clearCriticality(model::Id map);

    QString filePath() const { return m_filePath; }
    /// A name for titles: the file's name, or the project's name for a new project.
    QString displayName() const;
    bool isModified() const;
    /// Starts over with a project (new, imported or recovered). A recovered project keeps
    /// the file it belongs to, so that Save writes it back there.
    void resetProject(model::Project project, bool modified, const QString& filePath = {});
    /// Reads a .gemba file; on failure the document is unchanged and `error` says why.
    bool open(const QString& path, QString* error);
    /// Writes a .gemba file atomically; the document becomes unmodified on success, and a
    /// project of the repository becomes a file project.
    bool saveAs(const QString& path, QString* error);

    /// Set when the project was opened from or saved to the repository (then it has no
    /// file); cleared by a new, opened or imported project and by a save to a file.
    const std::optional<RepositoryOrigin>& repositoryOrigin() const { return m_origin; }
    /// Starts over with a project read from the repository: unmodified, no file.
    void resetFromRepository(model::Project project, RepositoryOrigin origin);
    /// After a save to the repository: the project lives there now, at origin.version, and is
    /// unmodified.
    void markSavedToRepository(RepositoryOrigin origin);
    /// The project as the repository holds it at repositoryOrigin()->version, which a merge
    /// with a newer version compares both sides with; null without an origin.
    const model::Project* repositoryBase() const { return m_base ? &*m_base : nullptr; }
    /// After merging the version `theirs` saved by someone else at origin.version: the document
    /// holds `merged` (one undo step, still to be saved) and starts from that version now.
    void mergedWithRepository(model::Project merged, model::Project theirs,
                              RepositoryOrigin origin);

signals:
    void changed(const gemba::model::Changes& changes);
    void projectReset();
    void metricsUpdated(gemba::model::Id map);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    /// The project came from or went to the repository, or left it (repositoryOrigin()).
    void repositoryOriginChanged();
    /// A map's criticality shading was set or dropped.
    void criticalityChanged(gemba::model::Id map);

private:
    void onModelChanged(const model::Changes& changes);
    void markStale(model::Id map);
    void scheduleMetrics();
    void setOrigin(std::optional<RepositoryOrigin> origin);
    void markClean();

    model::Document m_document;
    QUndoStack* m_undoStack;
    QString m_filePath;
    std::optional<RepositoryOrigin> m_origin;
    std::optional<model::Project> m_base; ///< repositoryBase()
    bool m_modifiedWithoutUndo = false;
    int m_gestureDepth = 0;
    int m_gestureSerial = 0;
    std::unordered_map<model::Id, metrics::MapMetrics> m_metrics;
    std::set<model::Id> m_stale;
    std::unordered_map<model::Id, std::map<model::Id, double>> m_criticality;
    bool m_metricsScheduled = false;
};

} // namespace gemba::app

Q_DECLARE_METATYPE(gemba::model::Changes)
