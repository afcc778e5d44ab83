/**
 * 心愿审核 (secretary): wishes waiting for review, oldest first. 通过 right in the list; 不通过 asks for
 * the reason (the wisher sees it); tap a card to read the whole wish first. Someone else handled it
 * already → said so, and the list refreshes.
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
import { usePaged } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isSecretaryOf } from '../../../../features/wish/shared'
import { dateTime as whenText } from '../../../../services/time'
import { WishCard } from '../../../../features/wish/WishCard'
import { guard } from '../../components/Guard'
import { Sheet } from '../../components/Sheet'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import '../../wish.scss'

export default function AdminReview() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const key = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  const list = usePaged(key, (cursor) => call('wish.reviewQueue', { communityId: communityId!, cursor, limit: 20 }))
  const [busyId, setBusyId] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<Card | null>(null)
  const [reason, setReason] = useState('')
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

  const drop = (id: string) => list.setItems((items) => items.filter((w) => w.id !== id))

  async function approve(w: Card) {
    if (busyId) return
    setBusyId(w.id)
    try {
      await call('wish.review', { communityId: communityId!, wishId: w.id, approve: true })
      drop(w.id)
      Taro.showToast({ title: '已通过，心愿上墙了', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      Taro.showToast({ title: err.message, icon: 'none', duration: 3000 })
      if (err.code !== 'INTERNAL') list.reload()
    } finally {
      setBusyId(null)
    }
  }

  async function reject() {
    if (!rejecting || busyId) return
    const r = reason.trim()
    if (!r) return setError('请写不通过的原因，许愿人会看到')
    setBusyId(rejecting.id)
    setError(null)
    try {
      await call('wish.review', { communityId: communityId!, wishId: rejecting.id, approve: false, reason: r })
      drop(rejecting.id)
      setRejecting(null)
      Taro.showToast({ title: '已告知许愿人', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      setError(err.message)
      setStale(err.code === 'CONFLICT' || err.code === 'NOT_FOUND')
    } finally {
      setBusyId(null)
    }
  }

  return (
    <PageShell>
      <Text className='muted' style={{ display: 'block', margin: '0 8px 16px' }}>
        看看内容是否合适、说得清楚。通过后上心愿墙；不通过请写原因，许愿人能看到。
      </Text>
      <View id='review-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='没有等待审核的心愿' action={{ text: '去心愿墙看看', onClick: () => go('wishes') }} />
        ) : (
          list.items.map((w) => (
            <WishCard key={w.id} wish={w} onClick={() => go('wish.detail', { id: w.id, c: communityId! })}>
              <Text className='note' style={{ display: 'block', marginTop: '8px' }}>
                {whenText(w.createdAt)} 提交 · 点卡片看全文
              </Text>
              <View className='w-queue-actions' onClick={(e) => e.stopPropagation()}>
                <Button
                  className='btn review-reject'
                  disabled={busyId === w.id}
                  onClick={() => {
                    setRejecting(w)
                    setReason('')
                    setError(null)
                    setStale(false)
                  }}
                >
                  不通过
                </Button>
                <Button className='btn btn--primary review-approve' loading={busyId === w.id} disabled={busyId === w.id} onClick={() => approve(w)}>
                  通过
                </Button>
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

      {rejecting && (
        <Sheet
          title='审核不通过'
          error={error}
          stale={stale}
          busy={busyId === rejecting.id}
          submitText='确认不通过'
          onSubmit={reject}
          onClose={() => setRejecting(null)}
          onRefresh={() => {
            setRejecting(null)
            list.reload()
          }}
        >
          <Text className='w-sheet__body'>“{rejecting.title}”</Text>
          <View className='w-row'>
            <Text className='w-label'>不通过的原因</Text>
            <Textarea id='sheet-text' className='w-textarea' value={reason} maxlength={200} placeholder='例如：请写清楚需要帮什么忙' onInput={(e) => setReason(e.detail.value)} />
          </View>
        </Sheet>
      )}
    </PageShell>
  )
}
