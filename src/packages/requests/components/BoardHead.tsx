/**
 * The top of the secretary's board: what is open now by colour (request.stats: three indexed counts), the
 * closure rate and the rating, and the filters — colour (or 待确认 / 已办结), grid, category — as chips.
 */
import { View, Text } from '@tarojs/components'
import type { RequestCategory, RequestStats } from '@contract/requests'
import type { TreeView } from '@contract/org'
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS } from '@contract/vocabulary'
import { Chip } from '../../../components/Field'

export type Lane = 'open' | 'red' | 'yellow' | 'green' | 'resolved' | 'closed'
export interface Filters {
  lane: Lane
  gridId: string | null
  category: RequestCategory | null
}

const LANES: { value: Lane; text: string }[] = [
  { value: 'open', text: '全部在办' },
  { value: 'red', text: '红 · 超时' },
  { value: 'yellow', text: '黄 · 快到时限' },
  { value: 'green', text: '绿 · 时间充裕' },
  { value: 'resolved', text: '待居民确认' },
  { value: 'closed', text: '已办结' },
]

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

export function BoardStats({ s }: { s: RequestStats }) {
  const open = s.open.red + s.open.yellow + s.open.green
  return (
    <View className='card' id='board-stats'>
      <View className='stat-grid'>
        <View className='stat'>
          <Text className='stat__num'>{open}</Text>
          <Text className='note'>件在办</Text>
        </View>
        <View className='stat rq-stat--red'>
          <Text className='stat__num' id='board-red'>
            {s.open.red}
          </Text>
          <Text className='note'>件已超时</Text>
        </View>
        <View className='stat'>
          <Text className='stat__num'>{percent(s.closureRate)}</Text>
          <Text className='note'>办结率</Text>
        </View>
        <View className='stat'>
          <Text className='stat__num'>{s.ratingAverage === null ? '—' : s.ratingAverage.toFixed(1)}</Text>
          <Text className='note'>平均评分</Text>
        </View>
      </View>
    </View>
  )
}

export function BoardFilters({
  f,
  onChange,
  stats,
  grids,
}: {
  f: Filters
  onChange: (f: Filters) => void
  stats: RequestStats | null
  grids: TreeView['grids']
}) {
  const count = (lane: Lane) => (stats && (lane === 'red' || lane === 'yellow' || lane === 'green') ? ` ${stats.open[lane]}` : '')
  return (
    <View className='card rq-filters'>
      <View className='seg' id='board-lanes'>
        {LANES.map((l) => (
          <Chip key={l.value} value={l.value} on={f.lane === l.value} onClick={() => onChange({ ...f, lane: l.value })}>
            {l.text}
            {count(l.value)}
          </Chip>
        ))}
      </View>
      {grids.length > 0 && (
        <View className='seg' id='board-grids'>
          <Chip on={f.gridId === null} onClick={() => onChange({ ...f, gridId: null })}>
            全部网格
          </Chip>
          {grids.map((g) => (
            <Chip key={g.id} value={g.id} on={f.gridId === g.id} onClick={() => onChange({ ...f, gridId: g.id })}>
              {g.name}
            </Chip>
          ))}
        </View>
      )}
      <View className='seg' id='board-categories'>
        <Chip on={f.category === null} onClick={() => onChange({ ...f, category: null })}>
          全部类别
        </Chip>
        {REQUEST_CATEGORIES.map((c) => (
          <Chip key={c} value={c} on={f.category === c} onClick={() => onChange({ ...f, category: c })}>
            {REQUEST_CATEGORY_LABELS[c]}
          </Chip>
        ))}
      </View>
    </View>
  )
}
