/**
 * 志愿活动: upcoming / past / mine. Each card: title, when, where, 已报名 n/N, points per hour and my
 * status. Secretaries get 发布活动. Pull down to refresh, scroll for more; shared into the WeChat group.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useReachBottom, usePullDownRefresh, stopPullDownRefresh, useDidShow, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { SIGNUP_LABELS, isSecretaryOf, rangeText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

type Scope = 'upcoming' | 'past' | 'mine'
const TABS: { scope: Scope; text: string }[] = [
  { scope: 'upcoming', text: '近期' },
  { scope: 'mine', text: '我报名的' },
  { scope: 'past', text: '往期' },
]

export default function Activities() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const [scope, setScope] = useState<Scope>('upcoming')
  const key = me && communityId ? `${me.userId}|${communityId}|${scope}` : null
  const list = usePaged(key, (cursor) => call('activity.list', { communityId: communityId!, scope, cursor, limit: 20 }))
  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  useDidShow(() => {
    if (list.loaded) list.reload()
  })
  useShareAppMessage(() => ({ title: '社区志愿活动，邀您一起参加', path: ROUTES['party.activities'] }))

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  const secretary = isSecretaryOf(me, communityId)

  return (
    <PageShell className='activities'>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.scope} className={`tabs__tab${scope === t.scope ? ' tabs__tab--on' : ''}`} onClick={() => setScope(t.scope)}>
            {t.text}
          </View>
        ))}
      </View>
      {secretary && (
        <Button className='btn btn--primary btn--block' id='activity-new' style={{ marginBottom: '24px' }} onClick={() => go('party.adminActivity', { communityId: communityId! })}>
          ＋ 发布活动
        </Button>
      )}
      {list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty
          text={scope === 'mine' ? '您还没有报名活动' : scope === 'past' ? '还没有往期活动' : '近期没有活动，过几天再来看看'}
          action={scope === 'mine' ? { text: '看看近期活动', onClick: () => setScope('upcoming') } : secretary ? { text: '发布活动', onClick: () => go('party.adminActivity', { communityId: communityId! }) } : undefined}
        />
      ) : (
        <View id='activity-list'>
          {list.items.map((a) => {
            const off = a.status === 'cancelled'
            return (
              <View key={a.id} className={`act${off ? ' act--off' : ''}`} data-id={a.id} hoverClass='row--hover' onClick={() => go('party.activity', { id: a.id, c: communityId! })}>
                <View className='head-row'>
                  <Text className='act__title'>{a.title}</Text>
                  {off ? <Text className='chip chip--cancelled'>已取消</Text> : a.mySignup ? <Text className={`chip chip--${a.mySignup.status}`}>{SIGNUP_LABELS[a.mySignup.status]}</Text> : null}
                </View>
                <Text className='act__line'>{rangeText(a.startAt, a.endAt)}</Text>
                <Text className='act__line'>{a.place}</Text>
                <View className='act__meta'>
                  <Text>
                    已报名 {a.signedUp}/{a.capacity}
                  </Text>
                  <Text className='act__pts'>每小时 {a.pointsPerHour} 积分</Text>
                </View>
              </View>
            )
          })}
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note'>已经到底了</Text>
          ) : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
