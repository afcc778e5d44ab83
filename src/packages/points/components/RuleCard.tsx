/** One way of earning on 积分规则 (secretary): points, daily and monthly caps, on/off; saved on its own. */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { RuleView } from '@contract/points'
import { Field, Toggle, intOrNull } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { invalid } from '../shared'

export const str = (n: number | null) => (n === null ? '' : String(n))

export function RuleCard({ communityId, rule, onSaved }: { communityId: string; rule: RuleView; onSaved: (rules: RuleView[]) => void }) {
  const [points, setPoints] = useState(str(rule.points))
  const [daily, setDaily] = useState(str(rule.dailyCap))
  const [monthly, setMonthly] = useState(str(rule.monthlyCap))
  const [active, setActive] = useState(rule.active)
  const save = useAction(
    async () => {
      const [p, d, m] = [intOrNull(points), intOrNull(daily), intOrNull(monthly)]
      if (p === null || Number.isNaN(p) || p < 0) throw invalid('积分要填 0 或以上的整数')
      if ((d !== null && (Number.isNaN(d) || d < 1)) || (m !== null && (Number.isNaN(m) || m < 1))) throw invalid('上限要填大于 0 的整数，不限就空着')
      return call('points.setRule', { communityId, kind: rule.kind, points: p, dailyCap: d, monthlyCap: m, active })
    },
    { showError: 'keep', success: () => (active ? '已保存' : '已保存（未启用）'), onSuccess: (res) => onSaved(res.rules) },
  )

  return (
    <View className='card' data-kind={rule.kind}>
      <Text className='card-title'>{rule.label}</Text>
      <Toggle
        label='启用'
        id={`rule-${rule.kind}-active`}
        checked={active}
        note={active ? undefined : '没有启用：这条规则不生效，填的积分和上限都不算'}
        onChange={setActive}
      />
      <Field label='每次得多少积分' id={`rule-${rule.kind}-points`} type='number' value={points} onChange={setPoints} />
      <Field label='每天最多（积分）' id={`rule-${rule.kind}-daily`} type='number' value={daily} placeholder='不限就空着' onChange={setDaily} />
      <Field label='每月最多（积分）' id={`rule-${rule.kind}-monthly`} type='number' value={monthly} placeholder='不限就空着' onChange={setMonthly} />
      {save.error && <Text className='sheet__error'>{save.error.message}</Text>}
      <Button className='btn btn--primary btn--block' id={`rule-${rule.kind}-save`} loading={save.busy} disabled={save.busy} onClick={() => save.run()}>
        保存这条
      </Button>
    </View>
  )
}
