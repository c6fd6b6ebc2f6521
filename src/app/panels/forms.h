#pragma once

#include "form_builder.h"
#include "gemba/model/project.h"

#include <memory>

/// The forms of the properties panel, one per kind of thing edited. Private to the panels.
namespace gemba::app::detail {

template <class T> const std::map<model::Id, T>& collectionOf(const model::Map& map);
template <> inline const std::map<model::Id, model::Step>& collectionOf(const model::Map& m) {
    return m.steps;
}
template <> inline const std::map<model::Id, model::Wait>& collectionOf(const model::Map& m) {
    return m.waits;
}
template <> inline const std::map<model::Id, model::Party>& collectionOf(const model::Map& m) {
    return m.parties;
}
template <> inline const std::map<model::Id, model::InfoBox>& collectionOf(const model::Map& m) {
    return m.infoBoxes;
}
template <> inline const std::map<model::Id, model::Note>& collectionOf(const model::Map& m) {
    return m.notes;
}
template <> inline const std::map<model::Id, model::RedPen>& collectionOf(const model::Map& m) {
    return m.redPens;
}
template <> inline const std::map<model::Id, model::Flow>& collectionOf(const model::Map& m) {
    return m.flows;
}

Record<model::MapProps> mapRecord(EditorDocument& document, model::Id map);
Record<model::ProjectProps> projectRecord(EditorDocument& document);

/// Builds each form; static functions sharing the panel's translation context.
class Forms {
    Q_DECLARE_TR_FUNCTIONS(PropertiesPanel)

public:
    /// The undo text of an edit of one element: `Edit "Review contract": Process time`.
    static QString elementEditText(const model::Map* map, model::Id element, const QString& what);
    /// The title of an element's kind, for the panel's heading: "Step", "Red pen".
    static QString kindTitle(model::ElementKind kind);
    /// A kind with a count, for a summary of several elements: "2 steps".
    static QString kindCount(model::ElementKind kind, int count);

    static void map(FormBuilder& builder, model::Id map);
    static void project(FormBuilder& builder);
    static void step(FormBuilder& builder, model::Id map, model::Id step);
    static void wait(FormBuilder& builder, model::Id map, model::Id wait);
    static void party(FormBuilder& builder, model::Id map, model::Id party);
    static void infoBox(FormBuilder& builder, model::Id map, model::Id box);
    static void note(FormBuilder& builder, model::Id map, model::Id note);
    static void redPen(FormBuilder& builder, model::Id map, model::Id pen);
    static void flow(FormBuilder& builder, model::Id map, model::Id flow);

private:
    static void frictions(FormBuilder& builder, const Record<model::Step>& record);
    static void artifacts(FormBuilder& builder, const Record<model::Step>& record);
    static void sources(FormBuilder& builder, const Record<model::Step>& record);
    static void measurement(FormBuilder& builder, const Record<model::Step>& record);
    static void breakdowns(FormBuilder& builder, const Record<model::Step>& record);
    static void wastes(FormBuilder& builder, const Record<model::Step>& record);
    static QComboBox* personCombo(FormBuilder& builder, const QString& key, const QString& label,
                                  const Record<model::ProjectProps>& record,
                                  const Access<model::ProjectProps, model::Id>& access);
};

/// An element of a map as a form's record; each write is one SetEntity edit.
template <class T> Record<T> elementRecord(EditorDocument& document, model::Id map, model::Id id) {
    Record<T> record;
    record.read = [&document, map, id]() -> const T* {
        const model::Map* m = document.map(map);
        if (!m)
            return nullptr;
        const auto& entities = collectionOf<T>(*m);
        const auto it = entities.find(id);
        return it == entities.end() ? nullptr : &it->second;
    };
    record.write = [&document, map, id](const T& before, const T& after, const QString& what) {
        const QString text = Forms::elementEditText(document.map(map), id, what);
        document.push(
            std::make_unique<model::SetEntity<T>>(map, before, after, text.toStdString()));
    };
    return record;
}

} // namespace gemba::app::detail
