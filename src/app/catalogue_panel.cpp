#include "catalogue_panel.h"

#include "gemba/store/errors.h"
#include "gemba/store/repository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace gemba::app {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString quotedEntry(const model::CatalogueEntry& entry) {
    return QStringLiteral("“%1” (%2)").arg(text(entry.name), text(entry.id));
}

std::optional<std::string> askWhichToKeep(QWidget* parent, const model::CatalogueEntry& a,
                                          const model::CatalogueEntry& b) {
    QMessageBox box(QMessageBox::Question, CataloguePanel::tr("Merge Catalogue Entries"),
                    CataloguePanel::tr("Merge %1 and %2 into one entry?\n\nThe entry kept keeps "
                                       "its name and id; the other's name and aliases become its "
                                       "aliases, and projects that refer to the other count as "
                                       "the one kept.")
                        .arg(quotedEntry(a), quotedEntry(b)),
                    QMessageBox::Cancel, parent);
    QPushButton* keepA =
        box.addButton(CataloguePanel::tr("Keep “%1”").arg(text(a.name)), QMessageBox::AcceptRole);
    QPushButton* keepB =
        box.addButton(CataloguePanel::tr("Keep “%1”").arg(text(b.name)), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == keepA)
        return a.id;
    if (box.clickedButton() == keepB)
        return b.id;
    return std::nullopt;
}

} // namespace

CataloguePanel::CataloguePanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("cataloguePanel"));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("catalogueTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Catalogue id"), tr("Also written"), tr("Streams")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CataloguePanel::updateButtons);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("catalogueStatus"));
    m_status->setWordWrap(true);
    m_add = new QPushButton(tr("&Add to Catalogue"), this);
    m_add->setObjectName(QStringLiteral("catalogueAdd"));
    m_add->setToolTip(tr("Make each selected name that no entry matches an entry of its own"));
    connect(m_add, &QPushButton::clicked, this, &CataloguePanel::addSelected);
    m_merge = new QPushButton(tr("&Merge…"), this);
    m_merge->setObjectName(QStringLiteral("catalogueMerge"));
    m_merge->setToolTip(tr("Merge the two selected entries into one"));
    connect(m_merge, &QPushButton::clicked, this, &CataloguePanel::mergeSelected);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_merge);
    layout->addLayout(buttons);
    chooseKept = [this](const model::CatalogueEntry& a, const model::CatalogueEntry& b) {
        return askWhichToKeep(this, a, b);
    };
    updateButtons();
}

void CataloguePanel::setCatalogue(const std::string& where, store::PortfolioCatalogue catalogue,
                                  const std::vector<metrics::PortfolioSource>* sources) {
    m_where = where; // empty: the catalogue could not be read, and is not to be saved over
    m_catalogue = std::move(catalogue);
    m_sources = sources;
    fill();
}

void CataloguePanel::fill() {
    static const std::vector<metrics::PortfolioSource> kNone;
    m_usage = metrics::catalogueUsage(m_catalogue.catalogue, m_sources ? *m_sources : kNone);
    m_table->setRowCount(0);
    for (const metrics::CatalogueItem& item : m_usage.items) {
        const model::CatalogueEntry* entry = m_catalogue.catalogue.find(item.entryId);
        std::set<std::string> seen{model::catalogueKey(item.name)};
        QStringList also;
        std::vector<std::string> spellings = item.spellings;
        if (entry)
            spellings.insert(spellings.end(), entry->aliases.begin(), entry->aliases.end());
        for (const std::string& s : spellings)
            if (seen.insert(model::catalogueKey(s)).second)
                also << text(s);
        QStringList streams;
        for (std::size_t s : item.streams)
            streams << text((*m_sources)[s].source);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells = {
            text(item.name), text(std::string(model::catalogueKindName(item.kind))),
            entry ? text(entry->id) : tr("(not in the catalogue)"), also.join(QStringLiteral(", ")),
            streams.isEmpty() ? tr("none") : streams.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            if (!entry)
                cell->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, c, cell);
        }
    }
    m_table->resizeColumnsToContents();
    if (m_where.empty())
        m_status->setText(tr("The catalogue cannot be read (see above): nothing can be changed "
                             "here until it is mended."));
    else
        m_status->setText(m_catalogue.stored
                              ? tr("Saved in %1").arg(text(store::urlForDisplay(m_catalogue.place)))
                              : tr("No catalogue yet: Add to Catalogue starts one in %1")
                                    .arg(text(store::urlForDisplay(m_catalogue.place))));
    updateButtons();
}

std::vector<int> CataloguePanel::selectedRows() const {
    std::set<int> rows;
    for (const QTableWidgetItem* item : m_table->selectedItems())
        rows.insert(item->row());
    return {rows.begin(), rows.end()};
}

void CataloguePanel::updateButtons() {
    const std::vector<int> rows = selectedRows();
    int entries = 0;
    for (int row : rows)
        entries += !m_usage.items[static_cast<std::size_t>(row)].entryId.empty();
    m_merge->setEnabled(!m_where.empty() && rows.size() == 2 && entries == 2);
    m_add->setEnabled(!m_where.empty() && !rows.empty() && entries == 0);
}

bool CataloguePanel::save(const model::Catalogue& changed) {
    store::PortfolioCatalogue next = m_catalogue;
    next.catalogue = changed;
    try {
        store::writePortfolioCatalogue(m_where, next);
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot save the catalogue"), text(e.what()));
        return false;
    }
    m_catalogue = std::move(next);
    fill();
    emit catalogueChanged();
    return true;
}

bool CataloguePanel::mergeSelected() {
    const std::vector<int> rows = selectedRows();
    if (m_where.empty() || rows.size() != 2)
        return false;
    const model::CatalogueEntry* a =
        m_catalogue.catalogue.find(m_usage.items[static_cast<std::size_t>(rows[0])].entryId);
    const model::CatalogueEntry* b =
        m_catalogue.catalogue.find(m_usage.items[static_cast<std::size_t>(rows[1])].entryId);
    if (!a || !b)
        return false;
    if (a->kind != b->kind) {
        QMessageBox::warning(
            this, tr("Merge Catalogue Entries"),
            tr("%1 is a %2 and %3 a %4: only entries of one kind merge.")
                .arg(quotedEntry(*a), text(std::string(catalogueKindName(a->kind))),
                     quotedEntry(*b), text(std::string(catalogueKindName(b->kind)))));
        return false;
    }
    const std::optional<std::string> kept = chooseKept(*a, *b);
    if (!kept)
        return false;
    const std::string duplicate = *kept == a->id ? b->id : a->id;
    model::Catalogue changed = m_catalogue.catalogue;
    try {
        changed.merge(*kept, duplicate);
    } catch (const model::CatalogueError& e) {
        QMessageBox::warning(this, tr("Merge Catalogue Entries"), text(e.what()));
        return false;
    }
    return save(changed);
}

bool CataloguePanel::addSelected() {
    if (m_where.empty())
        return false;
    model::Catalogue changed = m_catalogue.catalogue;
    try {
        for (int row : selectedRows()) {
            const metrics::CatalogueItem& item = m_usage.items[static_cast<std::size_t>(row)];
            if (!item.entryId.empty())
                continue;
            std::vector<std::string> aliases;
            for (const std::string& s : item.spellings)
                if (model::catalogueKey(s) != model::catalogueKey(item.name))
                    aliases.push_back(s);
            changed.add(item.kind, item.name, aliases);
        }
    } catch (const model::CatalogueError& e) {
        QMessageBox::warning(this, tr("Add to Catalogue"), text(e.what()));
        return false;
    }
    return !(changed == m_catalogue.catalogue) && save(changed);
}

} // namespace gemba::app
