#pragma once

#include <QString>

class QWidget;

namespace gemba::app {

/// Shows one of the help pages bundled from docs/ (glossary.md, shortcuts.md): the same text
/// the user guide links to, so the editor and the guide never disagree. The window stays
/// open beside the map (one per page) and is raised when asked for again.
void showHelpPage(QWidget* parent, const QString& page, const QString& title);

/// The markdown of a bundled help page ("glossary.md"), or empty when there is none.
QString helpPageText(const QString& page);

} // namespace gemba::app
