/**
 * 爱心服务卡 (member): the households I am paired with — who lives there, what they need (sensitive:
 * only the secretary and I see it), how often I visited — and 记录走访 with a short note.
 */
import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dayText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

export default function Pairs() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const list = useQuery(me && communityId ? `${me.userId}|${communityId}` : null, () => call('pair.mine', { communityId: communityId! }))
  const [visit, setVisit] = useState<{ householdId: string; note: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked

  async function save() {
    if (!visit) return
    if (!visit.note.trim()) return setProblem('请写一句走访情况，如“老人身体好，帮忙换了灯泡”')
    setBusy(true)
    setProblem(null)
    try {
      const res = await call('pair.logVisit', { communityId: communityId!, householdId: visit.householdId, note: visit.note.trim() })
      list.setData((list.data ?? []).map((p) => (p.householdId === visit.householdId ? { ...p, visits: res.visits, lastVisitAt: res.lastVisitAt } : p)))
      setVisit(null)
      Taro.showToast({ title: '走访已记录', icon: 'success' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='pairs'>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        住户的情况只有您和社区书记能看到，请不要外传。
      </Text>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty text='还没有结对的住户，社区书记会根据您的住址和特长安排。' action={{ text: '回到党员首页', onClick: () => go('party.index') }} />
      ) : (
        list.data.map((p) => (
          <View key={p.householdId} className='card' data-id={p.householdId}>
            <Text className='card-title' style={{ display: 'block' }}>
              {p.household}
            </Text>
            <Text className='muted' style={{ display: 'block' }}>
              住户：{p.residents.join('、') || '—'}
            </Text>
            {p.needs.length > 0 && (
              <View style={{ marginTop: '12px' }}>
                {p.needs.map((n) => (
                  <Text key={n} className='tag'>
                    {n}
                  </Text>
                ))}
              </View>
            )}
            <Text className='muted' style={{ display: 'block' }}>
              {dayText(p.since)} 起结对 · 走访 {p.visits} 次{p.lastVisitAt ? ` · 最近 ${dayText(p.lastVisitAt)}` : ''}
            </Text>
            {visit?.householdId === p.householdId ? (
              <View style={{ marginTop: '16px' }}>
                <Textarea className='form-textarea' value={visit.note} maxlength={300} placeholder='这次走访做了什么、老人有什么需要' onInput={(e) => setVisit({ ...visit, note: e.detail.value })} />
                {problem && <Text className='form-error'>{problem}</Text>}
                <View className='btn-row' style={{ marginTop: '16px' }}>
                  <Button className='btn' onClick={() => (setVisit(null), setProblem(null))}>
                    取消
                  </Button>
                  <Button className='btn btn--primary' loading={busy} disabled={busy} onClick={save}>
                    保存走访
                  </Button>
                </View>
              </View>
            ) : (
              <Button className='btn btn--primary btn--block' onClick={() => (setProblem(null), setVisit({ householdId: p.householdId, note: '' }))}>
                记录走访
              </Button>
            )}
          </View>
        ))
      )}
    </PageShell>
  )
}
