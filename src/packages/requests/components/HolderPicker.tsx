/**
 * Who should hold a request: a grid worker of the community (改派) or a unit that serves it — its property
 * company and partner units, the street's departments (改派, 吹哨: street departments first, each with the time
 * it has to report). Only grids with a worker and active units are offered.
 */
import { View, Text } from '@tarojs/components'
import { UNIT_KIND_LABELS } from '@contract/vocabulary'
import { Loaded } from '../../../components/Guard'
import { PickRow } from '../../../components/MemberSearch'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { durationWords } from '../shared'

export interface Target {
  kind: 'worker' | 'unit'
  id: string
}

export function HolderPicker(props: { communityId: string; workers: boolean; value: Target | null; onChange: (t: Target) => void }) {
  const { communityId, workers, value } = props
  const found = useQuery(`${communityId}|${workers}`, () =>
    Promise.all([workers ? call('org.tree', { communityId }).then((t) => t.grids) : Promise.resolve([]), call('unit.list', { communityId })]),
  )
  const on = (kind: Target['kind'], id: string) => value?.kind === kind && value.id === id
  return (
    <Loaded query={found} loadingText='正在读取网格员和单位…'>
      {([grids, units]) => {
        const staffed = grids.filter((g) => g.workerId)
        const active = units.filter((u) => u.active).sort((a, b) => (workers ? 0 : Number(b.kind === 'street_dept') - Number(a.kind === 'street_dept')))
        if (staffed.length + active.length === 0) return <Text className='muted'>还没有可以交办的网格员或单位，请先在「网格与网格员」「责任单位」里设置</Text>
        return (
          <View className='pick-list' id='holder-picker'>
            {staffed.map((g) => (
              <PickRow key={g.id} id={g.workerId!} on={on('worker', g.workerId!)} onClick={() => props.onChange({ kind: 'worker', id: g.workerId! })}>
                网格员 {g.workerName ?? ''}（{g.name}）
              </PickRow>
            ))}
            {active.map((u) => (
              <PickRow key={u.id} id={u.id} on={on('unit', u.id)} onClick={() => props.onChange({ kind: 'unit', id: u.id })}>
                {u.name} · {UNIT_KIND_LABELS[u.kind]}
                {workers ? '' : `（${durationWords(u.escalationAcceptMinutes)}内报到）`}
              </PickRow>
            ))}
          </View>
        )
      }}
    </Loaded>
  )
}
