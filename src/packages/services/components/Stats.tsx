/**
 * The secretary's figures (service.stats, from counters): per service its bookings, attendance, no-shows,
 * cancellations and rating — each service's figures open its roster (the list behind them); what residents
 * looked for and did not find, each wish a tap from a new service of that name; 代办 errands, opening the
 * errands desk. Every part says so when it has nothing yet.
 */
import { View, Text, Button } from '@tarojs/components'
import type { ServiceStats } from '@contract/services'

export interface StatsProps {
  st: ServiceStats
  /** The roster of one service (its bookings by day). */
  onRoster: (serviceId: string, name: string) => void
  /** A new service for words residents asked for. */
  onWanted: (words: string) => void
  /** The errands desk. */
  onErrands: () => void
}

const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—')

export function Stats({ st, onRoster, onWanted, onErrands }: StatsProps) {
  return (
    <>
      <View className='card' id='stats-services'>
        <Text className='card-title'>预约情况</Text>
        {st.services.length === 0 && (
          <Text className='note' style={{ display: 'block' }}>
            还没有服务，新增后这里会显示每项服务的预约、到场和评价
          </Text>
        )}
        {st.services.map((s) => (
          <View className='services__slot' key={s.id} id={`stats-${s.id}`} onClick={() => onRoster(s.id, s.name)}>
            <View>
              <Text style={{ display: 'block' }}>{s.name}</Text>
              <Text className='note'>
                预约 {s.bookings} · 到场 {s.attended}（{rate(s.attended, s.attended + s.noShows)}）· 未到 {s.noShows} · 取消 {s.cancelled}
              </Text>
              <Text className='note' style={{ display: 'block' }}>
                {s.ratingAverage !== null ? `评价 ${s.ratingAverage.toFixed(1)} 分` : '还没有评价'}
              </Text>
            </View>
            <Text className='note'>名单 ›</Text>
          </View>
        ))}
      </View>
      <View className='card' id='stats-errands' onClick={onErrands}>
        <View className='services__row'>
          <Text className='card-title'>社区代办</Text>
          <Text className='note'>去办理 ›</Text>
        </View>
        <Text className='note' style={{ display: 'block' }}>
          {st.errands.open + st.errands.done === 0 ? '还没有代办事项' : `进行中 ${st.errands.open} · 已办结 ${st.errands.done}`}
        </Text>
      </View>
      <View className='card' id='stats-demand'>
        <Text className='card-title'>居民想要、还没有的服务</Text>
        {st.demand.length === 0 && (
          <Text className='note' style={{ display: 'block' }}>
            暂时没有：居民搜不到或说“我想要这样的服务”时，会记在这里
          </Text>
        )}
        {st.demand.map((d) => (
          <View className='services__slot' key={d.words}>
            <View>
              <Text style={{ display: 'block' }}>{d.words}</Text>
              <Text className='note'>
                搜过 {d.searches} 次 · 想要 {d.wants} 人
              </Text>
            </View>
            <Button className='btn btn--small' data-words={d.words} onClick={() => onWanted(d.words)}>
              新增这项
            </Button>
          </View>
        ))}
      </View>
    </>
  )
}
