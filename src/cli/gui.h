#pragma once

#include <QGuiApplication>
#include <memory>

namespace gemba::cli {

/// The Qt application the drawing commands (export, report, simulate --report) need, for as
/// long as the command runs (null when one runs already). Qt runs on its offscreen platform
/// unless QT_QPA_PLATFORM names another: output is then the same with or without a display,
/// and a stale DISPLAY cannot stop an export.
std::unique_ptr<QGuiApplication> startGui();

} // namespace gemba::cli
