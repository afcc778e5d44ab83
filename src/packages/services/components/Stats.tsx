/** The secretary's figures (service.stats, from counters): per service, what residents asked for and did not find, errands. */
import { View, Text } from '@tarojs/components'
import type { ServiceStats } from '@contract/services'

export function Stats({ st }: { st: ServiceStats }) {
  return (
    <>
      <View className='card' id='stats-services'>
        <Text className='card-title'>预约情况</Text>
        {st.services.map((s) => (
          <View className='services__slot' key={s.id}>
            <Text>{s.name}</Text>
            <Text className='note'>
              预约 {s.bookings} · 到场 {s.attended} · 未到 {s.noShows} · 取消 {s.cancelled}
              {s.ratingAverage !== null ? ` · ${s.ratingAverage.toFixed(1)} 分` : ''}
            </Text>
          </View>
        ))}
        <Text className='note'>
          代办：进行中 {st.errands.open} · 已办结 {st.errands.done}
        </Text>
      </View>
      <View className='card' id='stats-demand'>
        <Text className='card-title'>居民想要、还没有的服务</Text>
        {st.demand.length === 0 && <Text className='note'>暂时没有</Text>}
        {st.demand.map((d) => (
          <View className='services__slot' key={d.words}>
            <Text>{d.words}</Text>
            <Text className='note'>
              搜过 {d.searches} 次 · 想要 {d.wants} 人
            </Text>
          </View>
        ))}
      </View>
    </>
  )
}
