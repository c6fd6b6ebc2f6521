#pragma once

#include "gemba/model/calendar.h"
#include "gemba/store/events.h"

#include <QString>
#include <optional>

namespace gemba::app {

/// The event log a project was last measured from, and how it was read (format, columns,
/// date order): Map > Flow over Time… opens it again without asking, with the columns the
/// import was told. Remembered per project file in the user's settings, since a path on one
/// person's disk does not belong in a project that others open.
struct EventSource {
    QString path;
    store::EventFormat format = store::EventFormat::Csv;
    store::EventColumns columns;
    store::DateOrder dateOrder = store::DateOrder::Unstated;

    /// The source of a log read with every default, the format from its extension.
    static EventSource ofFile(const QString& path);
    /// How to read it, timestamps without a zone in the working hours' zone.
    store::EventReadOptions readOptions(const model::WorkingHours& hours) const;
    /// "events.csv (status history; columns item=Key, to=Status)" for a status line.
    QString description() const;
    bool operator==(const EventSource&) const = default;
};

/// The source remembered for the project at `projectPath`; nothing for a project never saved,
/// one with no source remembered, or a remembered log that no longer exists.
std::optional<EventSource> rememberedEventSource(const QString& projectPath);
/// Remembers `source` for the project at `projectPath` (nothing for an unsaved project).
void rememberEventSource(const QString& projectPath, const EventSource& source);

} // namespace gemba::app
