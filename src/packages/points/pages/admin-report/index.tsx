/**
 * 积分报表 (secretary): budget vs issued vs redeemed vs outstanding, the warnings (low budgets...),
 * each sponsor's account and month by month movement — the 公示 of where the points came from.
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { ReportView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { useSecretaryPoints } from '../../shared'
import '../../points.scss'

/** A titled table: its head row, then one row per entry (or what to say when there is none). */
function Table({ title, id, head, rows, empty }: { title: string; id: string; head: string[]; rows: { key: string; cells: ReactNode[] }[]; empty: string }) {
  return (
    <>
      <View className='section-title'>{title}</View>
      <View className='card' id={id}>
        <View className='table-row table-row--head'>
          {head.map((h) => (
            <Text key={h}>{h}</Text>
          ))}
        </View>
        {rows.length === 0 ? (
          <Text className='muted'>{empty}</Text>
        ) : (
          rows.map((r) => (
            <View key={r.key} className='table-row'>
              {r.cells.map((c, i) => (
                <Text key={i}>{c}</Text>
              ))}
            </View>
          ))
        )}
      </View>
    </>
  )
}

function Report({ r }: { r: ReportView }) {
  const totals: [number, string][] = [
    [r.totals.budget, '剩余预算'],
    [r.totals.issued, '已发出'],
    [r.totals.redeemed, '已兑换'],
    [r.totals.outstanding, '居民手里未用'],
  ]
  const low = (s: { low: boolean }, v: ReactNode) => (s.low ? <Text className='sponsor-low'>{v}</Text> : v)
  return (
    <>
      {r.warnings.map((w) => (
        <Text key={w} className='warn warn--red report-warning'>
          ⚠ {w}
        </Text>
      ))}
      <View className='stat-grid' id='report-totals'>
        {totals.map(([n, label]) => (
          <View key={label} className='stat'>
            <Text className='stat__num'>{n}</Text>
            <Text className='note'>{label}</Text>
          </View>
        ))}
      </View>
      <Table
        title='各共建单位'
        id='report-sponsors'
        head={['单位', '剩余', '发出', '兑换']}
        empty='还没有共建单位'
        rows={r.sponsors.map((s) => ({ key: s.id, cells: [low(s, `${s.low ? '⚠ ' : ''}${s.name}`), low(s, s.budget), s.issued, s.redeemed] }))}
      />
      <Table
        title='按月'
        id='report-months'
        head={['月份', '发出', '兑换', '退回', '过期']}
        empty='还没有积分往来'
        rows={r.months.map((m) => ({ key: m.month, cells: [m.month, m.issued, m.redeemed, m.refunded, m.expired] }))}
      />
    </>
  )
}

export default function AdminReport() {
  const { communityId, key, guard } = useSecretaryPoints()
  const report = useQuery(key, () => call('points.report', { communityId: communityId!, months: 12 }))

  return (
    <Guard {...guard}>
      <Loaded query={report}>{(r) => <Report r={r} />}</Loaded>
    </Guard>
  )
}
