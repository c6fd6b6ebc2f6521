#pragma once

#include "gemba/metrics/catalogue_use.h"
#include "gemba/store/portfolio_sources.h"

#include <QWidget>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace gemba::app {

/// The Catalogue tab of the portfolio window: the organisation's systems and people with the
/// streams that use each, the names no entry matches, Add to Catalogue for those, and Merge…
/// of two selected entries, saved at once to the folder's catalogue file (or the repository).
class CataloguePanel : public QWidget {
    Q_OBJECT

public:
    explicit CataloguePanel(QWidget* parent = nullptr);
    /// Shows `catalogue` as the streams `sources` use it; `where` is the folder or URL it is
    /// saved to. `sources` must outlive the panel's use of it.
    void setCatalogue(const std::string& where, store::PortfolioCatalogue catalogue,
                      const std::vector<metrics::PortfolioSource>* sources);
    const store::PortfolioCatalogue& catalogue() const { return m_catalogue; }
    /// Rows of the table, as listed: entries first, then names no entry matches.
    const std::vector<metrics::CatalogueItem>& items() const { return m_usage.items; }

    /// Merges the two selected entries, after asking which to keep; false (after saying why)
    /// when nothing was merged.
    bool mergeSelected();
    /// Adds each selected name that no entry matches as an entry of its own.
    bool addSelected();

    /// Asks which of two entries to keep: its id, or nothing to cancel. A message box naming
    /// both by default; the tests answer it themselves.
    std::function<std::optional<std::string>(const model::CatalogueEntry& first,
                                             const model::CatalogueEntry& second)>
        chooseKept;

signals:
    /// The catalogue was changed and saved.
    void catalogueChanged();

private:
    void fill();
    bool save(const model::Catalogue& changed);
    std::vector<int> selectedRows() const;
    void updateButtons();

    std::string m_where;
    store::PortfolioCatalogue m_catalogue;
    const std::vector<metrics::PortfolioSource>* m_sources = nullptr;
    metrics::CatalogueUsage m_usage;
    QTableWidget* m_table = nullptr;
    QPushButton* m_merge = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace gemba::app
