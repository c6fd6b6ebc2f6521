#pragma once

#include "gemba/model/project.h"
#include "gemba/render/summary.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace gemba::app {

/// Asks for the one-page summary's options: paper, orientation, the current and the future
/// map and the author; Preview… shows the page as it will print before it is written.
class SummaryOptionsDialog : public QDialog {
    Q_OBJECT

public:
    /// `shown` is the map the window shows: the summary starts from it (as the current state,
    /// or as the future state when it is one made from another map).
    SummaryOptionsDialog(const model::Project& project, model::Id shown, QWidget* parent = nullptr);
    render::SummaryOptions options() const;
    void setOptions(const render::SummaryOptions& options);
    QPushButton* previewButton() const { return m_preview; }

private:
    void preview();

    const model::Project& m_project;
    QComboBox* m_page;
    QComboBox* m_orientation;
    QComboBox* m_current;
    QComboBox* m_future;
    QLineEdit* m_author;
    QPushButton* m_preview;
};

} // namespace gemba::app
