/**
 * 超期心愿 (secretary): open wishes nobody has claimed for N days, and claimed ones without progress
 * for N days. An unclaimed one can be dispatched (派单) to a party member right here; for a claimed one,
 * open it to call the wisher. Claimers without progress are reminded automatically by the daily timer.
 */
import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, stopPullDownRefresh, useDidShow } from '@tarojs/taro'
import type { WishCard as Card } from '@contract/wish'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isSecretaryOf } from '../../../../features/wish/shared'
import { dateTime as whenText } from '../../../../services/time'
import { WishCard } from '../../../../features/wish/WishCard'
import { guard } from '../../components/Guard'
import { Sheet } from '../../components/Sheet'
import { MemberPicker } from '../../components/MemberPicker'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import '../../wish.scss'

export default function AdminOverdue() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const key = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  const list = usePaged(key, (cursor) => call('wish.overdue', { communityId: communityId!, cursor, limit: 20 }))
  const settings = useQuery(key, () => call('wish.settings', { communityId: communityId! }))
  const [dispatching, setDispatching] = useState<Card | null>(null)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)

  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => list.loadMore())
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  const days = settings.data?.overdueDays

  async function dispatch() {
    if (!dispatching || busy) return
    if (!memberId) return setError('请选一位党员')
    setBusy(true)
    setError(null)
    try {
      await call('wish.dispatch', { communityId: communityId!, wishId: dispatching.id, memberId, ...(note.trim() ? { note: note.trim() } : {}) })
      list.setItems((items) => items.filter((w) => w.id !== dispatching.id))
      setDispatching(null)
      Taro.showToast({ title: '已派单，党员会收到提醒', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      setError(err.message)
      setStale(err.code === 'CONFLICT' || err.code === 'NOT_FOUND')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <Text className='muted' style={{ display: 'block', margin: '0 8px 16px' }}>
        {days ? `超过 ${days} 天没人认领、或认领后 ${days} 天没有进展的心愿。` : '很久没人认领、或认领后很久没有进展的心愿。'}
        认领人会自动收到提醒；没人认领的可以派单给党员。
      </Text>
      <View id='overdue-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='没有超期的心愿，大家都很给力' action={{ text: '去心愿墙看看', onClick: () => go('wishes') }} />
        ) : (
          list.items.map((w) => (
            <WishCard key={w.id} wish={w} onClick={() => go('wish.detail', { id: w.id, c: communityId! })}>
              <Text className='note' style={{ display: 'block', marginTop: '8px' }}>
                {whenText(w.createdAt)} 发布
              </Text>
              <View className='w-queue-actions' onClick={(e) => e.stopPropagation()}>
                <Button className='btn' onClick={() => go('wish.detail', { id: w.id, c: communityId! })}>
                  {w.status === 'claimed' ? '看看进展、打电话' : '看看详情'}
                </Button>
                {w.status === 'open' && (
                  <Button
                    className='btn btn--primary overdue-dispatch'
                    onClick={() => {
                      setDispatching(w)
                      setMemberId(null)
                      setNote('')
                      setError(null)
                      setStale(false)
                    }}
                  >
                    派单
                  </Button>
                )}
              </View>
            </WishCard>
          ))
        )}
        {list.items.length > 0 &&
          (list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? null : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          ))}
      </View>

      {dispatching && (
        <Sheet
          title='派单给党员'
          error={error}
          stale={stale}
          busy={busy}
          submitText='确认派单'
          onSubmit={dispatch}
          onClose={() => setDispatching(null)}
          onRefresh={() => {
            setDispatching(null)
            list.reload()
          }}
        >
          <Text className='w-sheet__body'>“{dispatching.title}”由谁负责？他会收到提醒。</Text>
          <MemberPicker communityId={communityId!} value={memberId} onChange={setMemberId} />
          <View className='w-row'>
            <Text className='w-label'>留言（可不填）</Text>
            <Textarea id='sheet-text' className='w-textarea' value={note} maxlength={200} placeholder='例如：老人腿脚不便，请上门' onInput={(e) => setNote(e.detail.value)} />
          </View>
        </Sheet>
      )}
    </PageShell>
  )
}
