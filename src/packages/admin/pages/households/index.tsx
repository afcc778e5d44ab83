/**
 * 住址确认 (building head for the buildings they look after; secretary for the whole community):
 * people who said they live here, oldest first. 是本户 makes them residents (居民); 不是 asks for a
 * reason, which the person sees on 我的 and may then choose again.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, stopPullDownRefresh } from '@tarojs/taro'
import type { HouseholdClaim, Me } from '@contract/org'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/Empty'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime as shortTime } from '../../../../services/time'
import { useRouter } from '@tarojs/taro'
import '../../admin.scss'

const REASONS = ['这户住的不是TA', '查无此人', '信息不全，请到社区登记'] as const

/** The route's community, else the first where I confirm households (secretary or building head). */
function confirmCommunity(me: Me | null, param: string | undefined): string | null {
  if (param) return decodeURIComponent(param)
  return me?.roles.find((r) => r.role === 'secretary' || r.role === 'building_head')?.communityId ?? null
}

export default function Households() {
  const { me, error: sessionError, retry } = useSession()
  const { params } = useRouter()
  const communityId = confirmCommunity(me, params.communityId)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}` : null, (cursor) =>
    call('org.householdQueue', { communityId: communityId!, cursor, limit: 20 }),
  )
  const [busy, setBusy] = useState<string | null>(null)
  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })

  if (!me) return <PageShell>{sessionError ? <ErrorState error={sessionError} onRetry={retry} /> : <Loading />}</PageShell>
  if (!communityId) {
    return (
      <PageShell>
        <Empty text='只有社区书记和楼栋长可以确认住址' action={{ text: '回到我的', onClick: () => go('me') }} />
      </PageShell>
    )
  }

  async function decide(c: HouseholdClaim, approve: boolean) {
    if (busy) return
    let reason: string | undefined
    if (approve) {
      const { confirm } = await Taro.showModal({ title: '确认住址', content: `${c.name}住在${c.household.label}，对吗？`, confirmText: '是本户', cancelText: '再想想', confirmColor: '#C8161D' })
      if (!confirm) return
    } else {
      try {
        const { tapIndex } = await Taro.showActionSheet({ itemList: [...REASONS] })
        reason = REASONS[tapIndex]
      } catch {
        return // closed without choosing
      }
    }
    setBusy(c.userId)
    try {
      await call('org.confirmHousehold', { communityId: communityId!, userId: c.userId, approve, reason })
      list.setItems((items) => items.filter((x) => x.userId !== c.userId))
      Taro.showToast({ title: approve ? '已确认，TA现在是本社区居民了' : '已退回，TA会看到原因', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      Taro.showToast({ title: err.message, icon: 'none' })
      if (err.code === 'CONFLICT' || err.code === 'NOT_FOUND') list.reload()
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell className='admin'>
      <Text className='note admin__hint'>居民登记门牌后，要由楼栋长或社区确认才算本社区居民。确认后TA可以许愿、兑换积分、请楼栋长代办、参加议事表决。</Text>
      <View className='card' id='households-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='没有等待确认的住址' />
        ) : (
          list.items.map((c) => (
            <View key={c.userId} className='member household-claim' data-id={c.userId}>
              <View className='member__top'>
                <Text className='member__name'>{c.name}</Text>
                {c.offline && <Text className='member__badge'>无智能手机 · 代办</Text>}
              </View>
              <Text className='muted'>{c.household.label}</Text>
              <Text className='note' style={{ display: 'block' }}>
                {c.phone ?? '未留手机号'} · {shortTime(c.declaredAt)} 登记
              </Text>
              <View className='household-claim__actions'>
                <Button className='btn btn--primary household-approve' loading={busy === c.userId} disabled={busy !== null} onClick={() => decide(c, true)}>
                  是本户
                </Button>
                <Button className='btn household-reject' disabled={busy !== null} onClick={() => decide(c, false)}>
                  不是
                </Button>
              </View>
            </View>
          ))
        )}
        {list.items.length > 0 && !list.done && (
          <View className='admin__more'>
            {list.loading ? <Loading text='正在加载更多…' /> : <Button className='btn btn--block' onClick={list.loadMore}>加载更多</Button>}
          </View>
        )}
      </View>
    </PageShell>
  )
}
