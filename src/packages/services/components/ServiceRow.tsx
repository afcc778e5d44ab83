/** One service on the menu: its name, category, when and where, price. */
import { View, Text } from '@tarojs/components'
import type { ServiceCard } from '@contract/services'
import { DELIVERY_LABELS, SERVICE_CATEGORY_LABELS } from '@contract/vocabulary'
import { priceText } from '../shared'

export function ServiceRow({ s, onOpen }: { s: ServiceCard; onOpen: () => void }) {
  return (
    <View className='card services__card' id={`service-${s.id}`} onClick={onOpen}>
      <View className='services__row'>
        <Text className='services__name'>{s.name}</Text>
        <Text className='chip'>{SERVICE_CATEGORY_LABELS[s.category]}</Text>
      </View>
      <Text className='muted'>
        {s.when} · {s.place}
      </Text>
      <View className='services__row'>
        <Text className='note'>
          {DELIVERY_LABELS[s.delivery]} · {priceText(s.pricePoints)}
          {s.ratingAverage !== null ? ` · ${s.ratingAverage.toFixed(1)} 分` : ''}
        </Text>
        {!s.active && <Text className='note'>暂停</Text>}
      </View>
    </View>
  )
}
