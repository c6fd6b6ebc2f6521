#pragma once

#include <QString>
#include <QStyledItemDelegate>
#include <QVariant>
#include <functional>
#include <vector>

namespace gemba::app {

/// A table cell edited by picking from a list that opens in it; a pick commits at once. The
/// cell's item keeps the value picked under `role` (its text is the table's to set).
class PickListDelegate : public QStyledItemDelegate {
public:
    struct Choice {
        QString label;
        QVariant value;
    };
    /// The choices for a cell, made when its list opens.
    using Choices = std::function<std::vector<Choice>(const QModelIndex&)>;

    PickListDelegate(int role, Choices choices, QObject* parent);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    int m_role;
    Choices m_choices;
};

} // namespace gemba::app
