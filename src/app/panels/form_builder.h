#pragma once

#include "editor_document.h"
#include "field_edits.h"
#include "gemba/model/edit.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QWidget>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QToolButton;
class QVBoxLayout;

/// The machinery behind the properties forms: records the forms edit, fields bound to them,
/// collapsible sections. Private to the panels.
namespace gemba::app::detail {

/// Keeps one gesture open while the user sweeps a single field (arrows, wheel), so that the
/// sweep becomes one undo step. Any other commit, or leaving the field, closes it.
class SweepGesture {
public:
    explicit SweepGesture(EditorDocument& document)
        : m_document(&document) {}
    ~SweepGesture() { end(); }
    SweepGesture(const SweepGesture&) = delete;
    SweepGesture& operator=(const SweepGesture&) = delete;

    /// A commit from `field`: joins its gesture, or closes another field's and opens one.
    void touch(const QObject* field);
    void end();
    /// Closes the gesture when it belongs to `field` (it lost focus, or Enter).
    void endFor(const QObject* field) {
        if (m_field == field)
            end();
    }
    bool active() const { return m_field != nullptr; }

private:
    QPointer<EditorDocument> m_document; ///< may go first when a window closes
    const QObject* m_field = nullptr;
};

/// How to read one value of a record, and write it into a copy.
template <class R, class V> struct Access {
    std::function<V(const R&)> get;
    std::function<void(R&, const V&)> set;
};

template <class R, class V> Access<R, V> member(V R::*field) {
    return {[field](const R& r) { return r.*field; }, [field](R& r, const V& v) { r.*field = v; }};
}

/// Something a form edits (a step, the map's properties, the project's): how to find it in
/// the model as it is now (null when it is gone) and how to replace it by one undoable edit.
template <class R> struct Record {
    std::function<const R*()> read;
    std::function<void(const R& before, const R& after, const QString& what)> write;
};

/// Writes one value into the record as one edit. A commit from a sweeping field joins the
/// sweep's gesture; any other commit closes it first.
template <class R, class V>
void commit(SweepGesture& sweep, const Record<R>& record, const Access<R, V>& access,
            const V& value, const QString& what, const QObject* sweepField = nullptr) {
    if (sweepField)
        sweep.touch(sweepField);
    else
        sweep.end();
    const R* current = record.read();
    if (!current)
        return;
    R after = *current;
    access.set(after, value);
    if (after == *current)
        return;
    const R before = *current; // the push below replaces what `current` points to
    record.write(before, after, what);
}

/// Changes a record through a function (lists, several values at once) as one edit.
template <class R, class F>
void change(SweepGesture& sweep, const Record<R>& record, const QString& what, F&& edit) {
    sweep.end();
    const R* current = record.read();
    if (!current)
        return;
    R after = *current;
    edit(after);
    if (after == *current)
        return;
    const R before = *current;
    record.write(before, after, what);
}

/// A titled part of a form that folds away; its state is remembered across forms.
class Section : public QWidget {
    Q_OBJECT

public:
    Section(const QString& title, bool expanded, QWidget* parent = nullptr);
    QFormLayout* form() const { return m_form; }
    QWidget* body() const { return m_body; }
    void setTitle(const QString& title);
    bool isExpanded() const;
    void setExpanded(bool expanded);

signals:
    void expandedChanged(bool expanded);

private:
    QToolButton* m_header;
    QWidget* m_body;
    QFormLayout* m_form;
};

/// Builds one form of the properties panel, section by section, and keeps for each field how
/// it re-reads the model. Widgets capture only ids, the document and the sweep, never the
/// builder, so a form being replaced can still commit what the user typed.
class FormBuilder {
    Q_DECLARE_TR_FUNCTIONS(PropertiesPanel)

public:
    FormBuilder(EditorDocument& document, SweepGesture& sweep, QVBoxLayout* page,
                std::map<QString, bool>& expanded);

    EditorDocument& document() const { return m_document; }
    SweepGesture& sweep() const { return m_sweep; }
    const model::Calendar& calendar() const { return m_document.project().props.calendar; }

    /// Starts a section; rows added next go into it.
    Section* section(const QString& key, const QString& title, bool expandedByDefault = true);
    QFormLayout* form() const { return m_section->form(); }
    QWidget* body() const { return m_section->body(); }
    /// Adds a widget across the whole width of the page, outside any section.
    void addWide(QWidget* widget);
    void addRow(const QString& label, QWidget* field);
    void addRow(QWidget* field);
    /// While detached, fields are made but not laid out: the caller places them (a range
    /// "min to max" on one row).
    void setDetached(bool detached) { m_detached = detached; }
    void onRefresh(std::function<void()> refresher) {
        m_refreshers.push_back(std::move(refresher));
    }
    /// Re-reads every field from the model (fields the user is busy with stay as they are).
    void refresh() const;
    /// Gives every section's labels the width of the widest, so that fields line up.
    void alignLabels() const;

    template <class R>
    FieldLineEdit* text(const QString& key, const QString& label, const Record<R>& record,
                        const Access<R, std::string>& access, const QString& requiredMessage = {});
    template <class R>
    TextArea* textArea(const QString& key, const QString& label, const Record<R>& record,
                       const Access<R, std::string>& access);
    template <class R>
    DurationEdit* duration(const QString& key, const QString& label, const Record<R>& record,
                           const Access<R, std::optional<double>>& access,
                           const QString& placeholder);
    template <class R>
    NumberEdit* number(const QString& key, const QString& label, const Record<R>& record,
                       const Access<R, std::optional<double>>& access,
                       const std::function<void(NumberEdit*)>& configure,
                       const QString& placeholder);
    template <class R, class E>
    QComboBox* combo(const QString& key, const QString& label, const Record<R>& record,
                     const Access<R, E>& access, const std::vector<std::pair<E, QString>>& choices);
    template <class R>
    SpinEdit* spin(const QString& key, const QString& label, const Record<R>& record,
                   const Access<R, double>& access,
                   const std::function<void(SpinEdit*)>& configure);
    template <class R>
    CheckList* checkList(const QString& key, const QString& label, const Record<R>& record,
                         const Access<R, std::vector<model::Id>>& access,
                         std::function<std::vector<std::pair<model::Id, QString>>()> entries,
                         const QString& emptyText);

private:
    template <class W> W* place(W* widget, const QString& key, const QString& label);

    EditorDocument& m_document;
    SweepGesture& m_sweep;
    QVBoxLayout* m_page;
    std::map<QString, bool>& m_expanded;
    Section* m_section = nullptr;
    std::vector<Section*> m_sections;
    bool m_detached = false;
    std::vector<std::function<void()>> m_refreshers;
};

/// The people of the project as checklist entries, by name: "Anna (Sales)".
std::vector<std::pair<model::Id, QString>> peopleEntries(const model::Project& project);
std::vector<std::pair<model::Id, QString>> systemEntries(const model::Project& project);

// --- templates -----------------------------------------------------------------------------

template <class W> W* FormBuilder::place(W* widget, const QString& key, const QString& label) {
    widget->setObjectName(key);
    widget->setAccessibleName(label);
    if (m_detached)
        return widget;
    if (label.isEmpty())
        addRow(widget);
    else
        addRow(label, widget);
    return widget;
}

template <class R>
FieldLineEdit* FormBuilder::text(const QString& key, const QString& label, const Record<R>& record,
                                 const Access<R, std::string>& access,
                                 const QString& requiredMessage) {
    auto* edit = place(new FieldLineEdit, key, label);
    if (!requiredMessage.isEmpty())
        edit->setTextCheck([requiredMessage](const QString& t) {
            return t.trimmed().isEmpty() ? requiredMessage : QString();
        });
    SweepGesture& sweep = m_sweep;
    QObject::connect(edit, &FieldLineEdit::committed, edit, [edit, &sweep, record, access, label] {
        commit(sweep, record, access, edit->text().trimmed().toStdString(), label);
    });
    onRefresh([edit, record, access] {
        if (const R* r = record.read())
            edit->showModelText(QString::fromStdString(access.get(*r)));
    });
    return edit;
}

template <class R>
TextArea* FormBuilder::textArea(const QString& key, const QString& label, const Record<R>& record,
                                const Access<R, std::string>& access) {
    auto* edit = place(new TextArea, key, label);
    SweepGesture& sweep = m_sweep;
    QObject::connect(edit, &TextArea::committed, edit, [edit, &sweep, record, access, label] {
        commit(sweep, record, access, edit->toPlainText().toStdString(), label);
    });
    onRefresh([edit, record, access] {
        if (const R* r = record.read())
            edit->showModelText(QString::fromStdString(access.get(*r)));
    });
    return edit;
}

template <class R>
DurationEdit*
FormBuilder::duration(const QString& key, const QString& label, const Record<R>& record,
                      const Access<R, std::optional<double>>& access, const QString& placeholder) {
    auto* edit = place(new DurationEdit, key, label);
    edit->setPlaceholderText(placeholder);
    SweepGesture& sweep = m_sweep;
    QObject::connect(edit, &FieldLineEdit::committed, edit, [edit, &sweep, record, access, label] {
        commit(sweep, record, access, edit->value(), label);
    });
    EditorDocument& document = m_document;
    onRefresh([edit, record, access, &document] {
        edit->setCalendar(document.project().props.calendar);
        if (const R* r = record.read())
            edit->setValue(access.get(*r));
    });
    return edit;
}

template <class R>
NumberEdit* FormBuilder::number(const QString& key, const QString& label, const Record<R>& record,
                                const Access<R, std::optional<double>>& access,
                                const std::function<void(NumberEdit*)>& configure,
                                const QString& placeholder) {
    auto* edit = place(new NumberEdit, key, label);
    edit->setPlaceholderText(placeholder);
    if (configure)
        configure(edit);
    SweepGesture& sweep = m_sweep;
    QObject::connect(edit, &FieldLineEdit::committed, edit, [edit, &sweep, record, access, label] {
        commit(sweep, record, access, edit->value(), label);
    });
    onRefresh([edit, record, access] {
        if (const R* r = record.read())
            edit->setValue(access.get(*r));
    });
    return edit;
}

template <class R, class E>
QComboBox* FormBuilder::combo(const QString& key, const QString& label, const Record<R>& record,
                              const Access<R, E>& access,
                              const std::vector<std::pair<E, QString>>& choices) {
    auto* box = place(new QComboBox, key, label);
    makeCompact(box);
    for (const auto& choice : choices)
        box->addItem(choice.second);
    SweepGesture& sweep = m_sweep;
    QObject::connect(box, &QComboBox::activated, box,
                     [&sweep, record, access, label, choices](int index) {
                         if (index >= 0 && index < static_cast<int>(choices.size()))
                             commit(sweep, record, access, choices[index].first, label);
                     });
    onRefresh([box, record, access, choices] {
        const R* r = record.read();
        if (!r)
            return;
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].first == access.get(*r) && box->currentIndex() != static_cast<int>(i))
                box->setCurrentIndex(static_cast<int>(i));
    });
    return box;
}

template <class R>
SpinEdit* FormBuilder::spin(const QString& key, const QString& label, const Record<R>& record,
                            const Access<R, double>& access,
                            const std::function<void(SpinEdit*)>& configure) {
    auto* edit = place(new SpinEdit, key, label);
    if (configure)
        configure(edit);
    SweepGesture& sweep = m_sweep;
    QObject::connect(edit, &SpinEdit::valueCommitted, edit,
                     [edit, &sweep, record, access, label](double value) {
                         commit(sweep, record, access, value, label, edit);
                     });
    // Enter or leaving the field ends the sweep: the next change is a new undo step.
    QObject::connect(edit, &QAbstractSpinBox::editingFinished, edit,
                     [edit, &sweep] { sweep.endFor(edit); });
    onRefresh([edit, record, access] {
        if (const R* r = record.read())
            edit->showModelValue(access.get(*r));
    });
    return edit;
}

template <class R>
CheckList*
FormBuilder::checkList(const QString& key, const QString& label, const Record<R>& record,
                       const Access<R, std::vector<model::Id>>& access,
                       std::function<std::vector<std::pair<model::Id, QString>>()> entries,
                       const QString& emptyText) {
    auto* list = place(new CheckList, key, label);
    SweepGesture& sweep = m_sweep;
    QObject::connect(list, &CheckList::toggled, list,
                     [&sweep, record, access, label](model::Id id, bool on) {
                         change(sweep, record, label, [&](R& r) {
                             std::vector<model::Id> ids = access.get(r);
                             const bool has = std::find(ids.begin(), ids.end(), id) != ids.end();
                             if (on && !has)
                                 ids.push_back(id);
                             if (!on)
                                 std::erase(ids, id);
                             access.set(r, ids);
                         });
                     });
    onRefresh([list, record, access, entries, emptyText] {
        if (const R* r = record.read())
            list->setEntries(entries(), access.get(*r), emptyText);
    });
    return list;
}

} // namespace gemba::app::detail
