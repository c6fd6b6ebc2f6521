#pragma once

#include "gemba/model/types.h"
#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/summary.h"

#include <QDialog>
#include <QMenu>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;

class QRadioButton;
class QSpinBox;
class QWidget;

namespace gemba::app {

class EditorDocument;

/// Asks for the PDF report's options: page size and orientation, the map's scale, the
/// sections, the author and a map to compare with.
class ReportOptionsDialog : public QDialog {
    Q_OBJECT

public:
    ReportOptionsDialog(const model::Project& project, model::Id map, QWidget* parent = nullptr);
    render::ReportOptions options() const;
    void setOptions(const render::ReportOptions& options);

private:
    QComboBox* m_page;
    QComboBox* m_orientation;
    QComboBox* m_scaleMode;
    QSpinBox* m_percent;
    QCheckBox* m_steps;
    QCheckBox* m_redPens;
    QCheckBox* m_findings;
    QComboBox* m_compare;
    QLineEdit* m_author;
};

/// Asks how a PNG is drawn: its resolution or width, and its background.
class ImageOptionsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ImageOptionsDialog(QWidget* parent = nullptr);
    render::ImageOptions options() const;

private:
    QRadioButton* m_byDpi;
    QSpinBox* m_dpi;
    QSpinBox* m_width;
    QCheckBox* m_transparent;
};

/// The editor's ways out: File > Export (PDF report, one-page summary, SVG, PNG, CSV step table,
/// CSV figures), File > Print… with a preview, and Map > Compare Maps…. Every action has an
/// objectName
/// ("actionExportPdf", "actionPrint", "actionCompareMaps"...) for the tests, and every export
/// also runs without a dialog, on a path, for them.
class ExportActions : public QObject {
    Q_OBJECT

public:
    /// `currentMap` tells which map the window shows; `window` parents the dialogs.
    ExportActions(EditorDocument& document, std::function<model::Id()> currentMap, QWidget* window);

    QMenu* exportMenu() const { return m_menu; }
    QAction* printAction() const { return m_print; }
    QAction* compareAction() const { return m_compare; }

    /// Each writes one file for `map`; on failure returns false with the reason in `error`.
    bool exportPdf(const QString& path, model::Id map, const render::ReportOptions& options,
                   QString* error);
    bool exportSvg(const QString& path, model::Id map, QString* error);
    bool exportPng(const QString& path, model::Id map, const render::ImageOptions& options,
                   QString* error);
    bool exportStepsCsv(const QString& path, model::Id map, QString* error);
    /// Every element of the map, a row each, as Import CSV reads it back (store/csv_map.h).
    bool exportMapCsv(const QString& path, model::Id map, QString* error);
    bool exportMetricsCsv(const QString& path, model::Id map, QString* error);
    /// The one-page summary of the workshop (its maps are in `options`).
    bool exportSummary(const QString& path, const render::SummaryOptions& options, QString* error);

    /// The report's options as last chosen (the author and comparison as last given).
    const render::ReportOptions& reportOptions() const { return m_reportOptions; }

private:
    enum class Kind { Pdf, Summary, Svg, Png, StepsCsv, MapCsv, MetricsCsv };
    void exportWithDialog(Kind kind);
    void print();
    void showCompare();
    void updateEnabled();
    QString suggestedPath(model::Id map, const QString& suffix) const;
    bool run(const QString& path, const std::function<void()>& work, QString* error);

    EditorDocument& m_document;
    std::function<model::Id()> m_currentMap;
    QWidget* m_window;
    QPointer<QMenu> m_menu; ///< a widget of the window: it may go before this object
    QAction* m_print;
    QAction* m_compare;
    render::ReportOptions m_reportOptions;
    render::SummaryOptions m_summaryOptions;
    QString m_lastFolder;
};

} // namespace gemba::app
