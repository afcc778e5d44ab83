/** A big − n + stepper (tap targets ≥ 60 px in elder mode). */
import { View, Text } from '@tarojs/components'

export function Stepper({ value, min, max, onChange }: { value: number; min: number; max: number; onChange: (n: number) => void }) {
  const canDown = value > min
  const canUp = value < max
  return (
    <View className='stepper'>
      <View className={`stepper__btn${canDown ? '' : ' stepper__btn--off'}`} id='qty-minus' onClick={() => canDown && onChange(value - 1)}>
        −
      </View>
      <Text className='stepper__num' id='qty-value'>
        {value}
      </Text>
      <View className={`stepper__btn${canUp ? '' : ' stepper__btn--off'}`} id='qty-plus' onClick={() => canUp && onChange(value + 1)}>
        +
      </View>
    </View>
  )
}
