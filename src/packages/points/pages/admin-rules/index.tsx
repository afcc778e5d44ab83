/**
 * 积分规则 (secretary): for each way of earning, the points, daily and monthly caps and on/off;
 * and how many months points stay valid. Each rule is saved on its own.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RuleView } from '@contract/points'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Field, Toggle, intOrNull } from '../../components/Field'
import '../../points.scss'

const str = (n: number | null) => (n === null ? '' : String(n))

function RuleCard({ communityId, rule, onSaved }: { communityId: string; rule: RuleView; onSaved: (rules: RuleView[]) => void }) {
  const [points, setPoints] = useState(str(rule.points))
  const [daily, setDaily] = useState(str(rule.dailyCap))
  const [monthly, setMonthly] = useState(str(rule.monthlyCap))
  const [active, setActive] = useState(rule.active)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function save() {
    const p = intOrNull(points)
    const d = intOrNull(daily)
    const m = intOrNull(monthly)
    if (p === null || Number.isNaN(p) || p < 0) return setProblem('积分要填 0 或以上的整数')
    if ((d !== null && (Number.isNaN(d) || d < 1)) || (m !== null && (Number.isNaN(m) || m < 1))) return setProblem('上限要填大于 0 的整数，不限就空着')
    setProblem(null)
    setBusy(true)
    try {
      const res = await call('points.setRule', { communityId, kind: rule.kind, points: p, dailyCap: d, monthlyCap: m, active })
      onSaved(res.rules)
      Taro.showToast({ title: active ? '已保存' : '已保存（未启用）', icon: active ? 'success' : 'none' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

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
      {problem && <Text className='sheet__error'>{problem}</Text>}
      <Button className='btn btn--primary btn--block' id={`rule-${rule.kind}-save`} loading={busy} disabled={busy} onClick={save}>
        保存这条
      </Button>
    </View>
  )
}

export default function AdminRules() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const rules = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('points.rules', { communityId: communityId! }))
  const [months, setMonths] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (rules.data) setMonths(str(rules.data.expireMonths))
  }, [rules.data?.expireMonths]) // eslint-disable-line react-hooks/exhaustive-deps

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  if (rules.error) return <PageShell><ErrorState error={rules.error} onRetry={rules.reload} /></PageShell>
  if (!rules.data) return <PageShell><Loading /></PageShell>
  const data = rules.data

  async function saveExpiry() {
    const m = intOrNull(months)
    if (m !== null && (Number.isNaN(m) || m < 1 || m > 120)) {
      Taro.showToast({ title: '有效期要填 1 到 120 个月，永久有效就空着', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      rules.setData(await call('points.setExpiry', { communityId: communityId!, expireMonths: m }))
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>积分有效期</Text>
        <Field label='获得后几个月内有效' id='expiry-months' type='number' value={months} placeholder='永久有效就空着' hint='到期前居民会看到提醒；先得的积分先用' onChange={setMonths} />
        <Button className='btn btn--primary btn--block' id='expiry-save' loading={busy} disabled={busy} onClick={saveExpiry}>
          保存有效期
        </Button>
      </View>
      <View className='section-title'>怎么得积分</View>
      {data.rules.map((r) => (
        <RuleCard key={r.kind} communityId={communityId!} rule={r} onSaved={(list) => rules.setData({ ...data, rules: list })} />
      ))}
    </PageShell>
  )
}
