#pragma once

#include "gemba/model/edit.h"

#include <functional>
#include <map>

namespace gemba::model {

/// Owns a project and tells listeners what each edit changed. The document itself keeps no
/// history: the editor keeps its undo stack, the command line needs none.
class Document {
public:
    using Listener = std::function<void(const Changes&)>;

    explicit Document(Project project = {});

    const Project& project() const { return m_project; }
    void apply(const Edit& edit);
    void revert(const Edit& edit);
    /// Replaces the whole project (a file was opened): listeners get one Everything change.
    void reset(Project project);
    /// Hands out a new id. Ids are never given back, not even when the edit that used one is
    /// undone, so nextId is not part of what an undo restores.
    Id allocateId() { return m_project.allocateId(); }

    int addListener(Listener listener);
    void removeListener(int handle);

private:
    void notify(const Changes& changes);

    Project m_project;
    std::map<int, Listener> m_listeners;
    int m_nextHandle = 1;
};

/// Equal in everything a user can see; nextId (bookkeeping that only grows) is not compared.
bool sameContent(const Project& a, const Project& b);

} // namespace gemba::model
