#include "findings_panel.h"

#include "editor_document.h"
#include "gemba/metrics/metrics.h"

#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace gemba::app {

namespace {

enum Role { MapRole = Qt::UserRole, ElementRole, CodeRole };

int rank(metrics::Severity severity) {
    switch (severity) {
    case metrics::Severity::Error:
        return 0;
    case metrics::Severity::Warning:
        return 1;
    case metrics::Severity::Info:
        return 2;
    }
    return 3;
}

} // namespace

FindingsPanel::FindingsPanel(EditorDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("findingsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setWordWrap(true);
    m_list->setIconSize(QSize(16, 16));
    m_list->setSpacing(1);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Findings"));
    layout->addWidget(m_list, 1);

    // Enter and double-click activate; a single click does too, as in a compiler's issue list.
    connect(m_list, &QListWidget::itemActivated, this, &FindingsPanel::activate);
    connect(m_list, &QListWidget::itemClicked, this, &FindingsPanel::activate);
    connect(&document, &EditorDocument::metricsUpdated, this, [this](model::Id map) {
        if (map == m_map)
            refresh();
    });
    connect(&document, &EditorDocument::changed, this, [this](const model::Changes& changes) {
        for (const model::Change& change : changes)
            if ((change.subject == model::Change::Subject::Everything ||
                 change.subject == model::Change::Subject::MapList) &&
                !m_document.map(m_map)) {
                refresh();
                return;
            }
    });
    refresh();
}

FindingsPanel::~FindingsPanel() = default;

void FindingsPanel::setMap(model::Id map) {
    m_map = map;
    refresh();
}

int FindingsPanel::count() const {
    return m_count;
}

void FindingsPanel::activate(QListWidgetItem* item) {
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    emit findingActivated(item->data(MapRole).value<model::Id>(),
                          item->data(ElementRole).value<model::Id>());
}

void FindingsPanel::refresh() {
    const model::Map* map = m_document.map(m_map);
    const metrics::MapMetrics* m = map ? m_document.metrics(m_map) : nullptr;

    // Keep the user's place: the same finding stays current across a refresh.
    const QListWidgetItem* current = m_list->currentItem();
    const model::Id currentElement =
        current ? current->data(ElementRole).value<model::Id>() : model::kNoId;
    const QString currentCode = current ? current->data(CodeRole).toString() : QString();

    m_list->clear();
    m_count = 0;
    if (!m) {
        m_summary->setText(tr("No map."));
        return;
    }
    std::vector<const metrics::Finding*> findings;
    for (const metrics::Finding& f : m->findings)
        findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(), [](const auto* a, const auto* b) {
        return rank(a->severity) < rank(b->severity);
    });

    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (const metrics::Finding* f : findings) {
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        QString severity = tr("Note");
        switch (f->severity) {
        case metrics::Severity::Error:
            icon = QStyle::SP_MessageBoxCritical;
            severity = tr("Error");
            ++errors;
            break;
        case metrics::Severity::Warning:
            icon = QStyle::SP_MessageBoxWarning;
            severity = tr("Warning");
            ++warnings;
            break;
        case metrics::Severity::Info:
            ++notes;
            break;
        }
        auto* item = new QListWidgetItem(style()->standardIcon(icon),
                                         QString::fromStdString(f->message), m_list);
        item->setData(MapRole, QVariant::fromValue(f->map != model::kNoId ? f->map : m_map));
        item->setData(ElementRole, QVariant::fromValue(f->element));
        item->setData(CodeRole, QString::fromStdString(f->code));
        const QString where = f->element != model::kNoId && map->contains(f->element)
                                  ? tr("Click to select it on the map.")
                                  : tr("About the map as a whole.");
        item->setToolTip(
            QStringLiteral("%1 (%2)\n%3").arg(severity, QString::fromStdString(f->code), where));
        item->setData(Qt::AccessibleDescriptionRole, severity);
        if (f->element == currentElement && item->data(CodeRole).toString() == currentCode)
            m_list->setCurrentItem(item);
    }
    m_count = static_cast<int>(findings.size());

    if (m_count == 0) {
        m_summary->setText(tr("No findings: every check passed."));
        return;
    }
    QStringList parts;
    if (errors)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings)
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    if (notes)
        parts << (notes == 1 ? tr("1 note") : tr("%1 notes").arg(notes));
    QString summary = parts.join(QStringLiteral(", "));
    if (errors)
        summary += tr(" — the figures wait until the errors are fixed.");
    m_summary->setText(summary);
}

} // namespace gemba::app
