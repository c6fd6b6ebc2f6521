#include "catalogue_column.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

namespace gemba::app {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("CatalogueColumn", text);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// "ERP (sys-…); also SAP ERP, erp system"
QString describe(const model::CatalogueEntry& entry) {
    QString out = tr("Catalogue entry %1 (%2)").arg(qs(entry.name), qs(entry.id));
    if (!entry.role.empty())
        out += tr(", %1").arg(qs(entry.role));
    QStringList aliases;
    for (const std::string& alias : entry.aliases)
        aliases << qs(alias);
    if (!aliases.isEmpty())
        out += tr("; also written %1").arg(aliases.join(QStringLiteral(", ")));
    return out;
}

} // namespace

CatalogueCell catalogueCell(const model::Catalogue* catalogue, model::CatalogueKind kind,
                            const std::string& reference, const std::string& name) {
    CatalogueCell cell;
    const QString pick = tr("Double-click or F2 to choose the entry.");
    if (!catalogue) {
        cell.text = qs(reference);
        cell.byName = reference.empty();
        cell.toolTip = tr("No catalogue is read (see below the tables).");
        return cell;
    }
    if (!reference.empty()) {
        if (const model::CatalogueEntry* entry = catalogue->find(reference);
            entry && entry->kind == kind) {
            cell.text = qs(entry->name);
            cell.toolTip = describe(*entry);
            if (entry->id != reference)
                cell.toolTip += tr("\n%1 was merged into it.").arg(qs(reference));
            cell.toolTip += QLatin1Char('\n') + pick;
            return cell;
        }
        cell.unknown = true;
        cell.text = tr("%1 (not in the catalogue)").arg(qs(reference));
        const model::CatalogueEntry* byName = catalogue->match(kind, name);
        cell.toolTip =
            (byName ? tr("The catalogue has no %1 %2: counted as %3, by its name.")
                          .arg(qs(std::string(model::catalogueKindName(kind))), qs(reference),
                               qs(byName->name))
                    : tr("The catalogue has no %1 %2: counted by its own name.")
                          .arg(qs(std::string(model::catalogueKindName(kind))), qs(reference))) +
            QLatin1Char('\n') + pick;
        return cell;
    }
    cell.byName = true;
    if (const model::CatalogueEntry* entry = catalogue->match(kind, name)) {
        cell.text = tr("%1 (by name)").arg(qs(entry->name));
        cell.toolTip = describe(*entry) + QLatin1Char('\n') + pick;
    } else {
        cell.toolTip =
            tr("In no catalogue entry: counted by its own name.") + QLatin1Char('\n') + pick;
    }
    return cell;
}

std::vector<PickListDelegate::Choice> catalogueChoices(const model::Catalogue* catalogue,
                                                       model::CatalogueKind kind,
                                                       const std::string& reference) {
    std::vector<PickListDelegate::Choice> choices{{tr("By name"), QString()}};
    std::vector<const model::CatalogueEntry*> entries;
    if (catalogue)
        for (const auto& [id, entry] : catalogue->entries())
            if (entry.kind == kind)
                entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
        return QString::localeAwareCompare(qs(a->name), qs(b->name)) < 0;
    });
    bool referenceListed = reference.empty();
    for (const model::CatalogueEntry* entry : entries) {
        QString label = qs(entry->name);
        if (!entry->role.empty())
            label += tr(" (%1)").arg(qs(entry->role));
        choices.push_back({label, qs(entry->id)});
        referenceListed = referenceListed || entry->id == reference;
    }
    if (!referenceListed) {
        const model::CatalogueEntry* kept = catalogue ? catalogue->find(reference) : nullptr;
        choices.push_back({kept ? tr("%1 (merged into %2)").arg(qs(reference), qs(kept->name))
                                : tr("%1 (not in the catalogue)").arg(qs(reference)),
                           qs(reference)});
    }
    return choices;
}

} // namespace gemba::app
