#pragma once

#include "gemba/model/quick_capture.h"

#include <QWidget>

class QLineEdit;

namespace gemba::app {

/// The workshop's capture line: `Review contract 30 min 2 d` and Enter. It parses the line with
/// the project's calendar and hands the step on; a line it cannot read stays, marked, with the
/// reason shown.
class QuickCaptureBar : public QWidget {
    Q_OBJECT

public:
    explicit QuickCaptureBar(QWidget* parent = nullptr);
    ~QuickCaptureBar() override;
    void setCalendar(const model::Calendar& calendar);
    QLineEdit* lineEdit() const;

signals:
    void captured(const gemba::model::QuickCapture& capture);
};

} // namespace gemba::app
