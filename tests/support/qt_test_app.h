#pragma once

/// The main of the test executables that drive the editor's widgets.
namespace gemba::test {

/// Runs the Catch2 session inside a real QApplication named `name` (offscreen unless a
/// platform is chosen). Settings, recent files and autosaves go to a folder of this process
/// alone, removed at the end: ctest runs test cases in parallel processes, and a setting one
/// test writes must not reach another.
int runQtTests(int argc, char** argv, const char* name);

} // namespace gemba::test
