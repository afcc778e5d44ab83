import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

/** A label and its value on one line (取货地点, 取货时间…). */
export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value'>{children}</Text>
    </View>
  )
}
