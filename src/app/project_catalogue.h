#pragma once

#include "gemba/model/catalogue.h"

#include <QObject>
#include <QString>
#include <optional>

class QFileSystemWatcher;

namespace gemba::app {

class EditorDocument;

/// The organisation's catalogue that the open project belongs with: the catalogue.json beside
/// its file, or the catalogue of the repository it came from (docs/user-guide.md, "The
/// catalogue"). Read again when the project moves (Save As, Open, to or from the repository),
/// when the file changes on disk (the portfolio window saved a merge), and on reload().
class ProjectCatalogue : public QObject {
    Q_OBJECT

public:
    explicit ProjectCatalogue(EditorDocument& document, QObject* parent = nullptr);
    ~ProjectCatalogue() override;

    /// The catalogue as last read; null when there is none to read or it could not be read.
    const model::Catalogue* catalogue() const { return m_catalogue ? &*m_catalogue : nullptr; }
    /// One line for the user: where the catalogue is and how many entries it has, that there
    /// is none yet, or why it could not be read.
    QString status() const { return m_status; }
    /// Whether the last read failed (status() says why).
    bool failed() const { return m_failed; }

    void reload();

signals:
    void changed();

private:
    EditorDocument& m_document;
    QFileSystemWatcher* m_watcher;
    std::optional<model::Catalogue> m_catalogue;
    QString m_status;
    bool m_failed = false;
};

} // namespace gemba::app
