#include "pick_list_delegate.h"

#include <QComboBox>

namespace gemba::app {

PickListDelegate::PickListDelegate(int role, Choices choices, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
    , m_choices(std::move(choices)) {}

QWidget* PickListDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                        const QModelIndex& index) const {
    auto* box = new QComboBox(parent);
    for (const Choice& choice : m_choices(index))
        box->addItem(choice.label, choice.value);
    auto* self = const_cast<PickListDelegate*>(this);
    connect(box, &QComboBox::activated, self, [self, box] {
        emit self->commitData(box);
        emit self->closeEditor(box);
    });
    return box;
}

void PickListDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* box = static_cast<QComboBox*>(editor);
    box->setCurrentIndex(std::max(0, box->findData(index.data(m_role))));
}

void PickListDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                    const QModelIndex& index) const {
    model->setData(index, static_cast<QComboBox*>(editor)->currentData(), m_role);
}

} // namespace gemba::app
