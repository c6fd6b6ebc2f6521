#pragma once

#include "gemba/model/catalogue.h"
#include "pick_list_delegate.h"

#include <QString>
#include <string>
#include <vector>

/// The Catalogue column of the people and systems tables: which entry of the organisation's
/// catalogue a person or system stands for (model::Person::catalogue, System::catalogue), and
/// the list it is picked from. Rules: docs/user-guide.md, "The catalogue".
namespace gemba::app {

/// What a row's cell shows.
struct CatalogueCell {
    QString text;
    QString toolTip;
    bool byName = false;  ///< no reference: matched by its name, or in no entry
    bool unknown = false; ///< a reference the catalogue read has no entry for
};

/// The cell of a person or system with `reference` and `name`, against `catalogue` (null: none
/// could be read).
CatalogueCell catalogueCell(const model::Catalogue* catalogue, model::CatalogueKind kind,
                            const std::string& reference, const std::string& name);

/// The list to pick from: "By name" (no reference), the catalogue's entries of `kind` by name,
/// and the current reference when it is no entry's own id (unknown, or merged into another),
/// so that opening the list never changes it.
std::vector<PickListDelegate::Choice> catalogueChoices(const model::Catalogue* catalogue,
                                                       model::CatalogueKind kind,
                                                       const std::string& reference);

} // namespace gemba::app
