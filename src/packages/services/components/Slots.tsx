/** The coming days' slots: the time, the places left, and why a closed one is closed; my own booking marked. */
import { View, Text, Button } from '@tarojs/components'
import type { SlotView } from '@contract/services'
import { EmptyState } from '../../../components/EmptyState'
import { dayText } from '../../../services/time'

export function Slots({ slots, canBook, onPick }: { slots: SlotView[]; canBook: boolean; onPick: (s: SlotView) => void }) {
  if (slots.length === 0) return <EmptyState id='slots-empty' text='近几天没有可以预约的时段' />
  return (
    <View className='card' id='service-slots'>
      <Text className='card-title'>可预约时段</Text>
      {slots.map((s) => {
        const id = `slot-${s.day}-${s.start.replace(':', '')}`
        return (
          <View className='services__slot' key={`${s.day}_${s.start}`} id={id} data-open={s.open ? '1' : '0'}>
            <View>
              <Text style={{ display: 'block' }}>
                {dayText(s.day)} {s.start}-{s.end}
              </Text>
              <Text className='note'>{s.mine ? '您已约了这个时段' : s.open ? `还剩 ${s.left} 个名额` : (s.why ?? '不能预约')}</Text>
            </View>
            {!s.mine && s.open && canBook && (
              <Button className='btn btn--small btn--primary' id={`${id}-book`} onClick={() => onPick(s)}>
                预约
              </Button>
            )}
          </View>
        )
      })}
    </View>
  )
}
