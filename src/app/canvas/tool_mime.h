#pragma once

#include "canvas/map_view.h"

#include <QByteArray>
#include <optional>
#include <string_view>

/// How a shape dragged from the palette travels to the canvas: mime type
/// application/x-gemba-tool with the tool's stable name ("step", "inventory"...) as data.
namespace gemba::app {

inline constexpr char kToolMimeType[] = "application/x-gemba-tool";

inline constexpr std::pair<Tool, std::string_view> kToolNames[] = {
    {Tool::AddStep, "step"},           {Tool::AddWait, "wait"},
    {Tool::AddInventory, "inventory"}, {Tool::AddSupplier, "supplier"},
    {Tool::AddCustomer, "customer"},   {Tool::AddInfoBox, "info_box"},
    {Tool::AddNote, "note"},           {Tool::AddRedPen, "red_pen"},
};

/// The mime data of a shape tool; empty for Select and Connect.
inline QByteArray toolMimeData(Tool tool) {
    for (const auto& [t, name] : kToolNames)
        if (t == tool)
            return QByteArray(name.data(), static_cast<qsizetype>(name.size()));
    return {};
}

/// The shape tool a mime payload names, or nothing.
inline std::optional<Tool> toolFromMimeData(const QByteArray& data) {
    const std::string_view text(data.constData(), static_cast<std::size_t>(data.size()));
    for (const auto& [t, name] : kToolNames)
        if (name == text)
            return t;
    return std::nullopt;
}

} // namespace gemba::app
