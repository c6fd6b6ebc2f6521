#include "gemba/model/document.h"

namespace gemba::model {

Document::Document(Project project)
    : m_project(std::move(project)) {}

void Document::apply(const Edit& edit) {
    Changes changes;
    edit.apply(m_project, changes);
    notify(changes);
}

void Document::revert(const Edit& edit) {
    Changes changes;
    edit.revert(m_project, changes);
    notify(changes);
}

void Document::reset(Project project) {
    m_project = std::move(project);
    notify({Change{Change::Subject::Everything}});
}

int Document::addListener(Listener listener) {
    const int handle = m_nextHandle++;
    m_listeners.emplace(handle, std::move(listener));
    return handle;
}

void Document::removeListener(int handle) {
    m_listeners.erase(handle);
}

void Document::notify(const Changes& changes) {
    if (changes.empty())
        return;
    // Copy first: a listener may add or remove listeners while being told.
    const auto listeners = m_listeners;
    for (const auto& [handle, listener] : listeners)
        listener(changes);
}

bool sameContent(const Project& a, const Project& b) {
    return a.props == b.props && a.people == b.people && a.systems == b.systems && a.maps == b.maps;
}

} // namespace gemba::model
