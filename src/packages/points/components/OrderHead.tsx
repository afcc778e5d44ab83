import { View, Text } from '@tarojs/components'
import type { OrderView } from '@contract/points'
import { STATUS_LABELS } from '../shared'

/** "洗衣液 ×1" with its status chip (待取货 / 已取货 / 已取消 / 已过期). */
export function OrderHead({
  o,
  className = 'order-row__name',
  id,
}: {
  o: Pick<OrderView, 'itemName' | 'quantity' | 'status'>
  className?: string
  id?: string
}) {
  return (
    <View className='order-row__top'>
      <Text className={className} id={id}>
        {o.itemName} ×{o.quantity}
      </Text>
      <Text className={`chip chip--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
    </View>
  )
}
