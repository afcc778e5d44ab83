/**
 * 党员 home (三卡): my registration and its status (待审核 / 已报到 / 未通过 with the reason), my pledge
 * 微承诺 (edit it, 标记已兑现), my post 岗位, my paired households 爱心服务卡 (with 记录走访), upcoming
 * activities and the way to my 活动记录卡. Not registered yet: 去报到.
 */
import { View, Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { RegistrationView } from '@contract/party'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { usePullDown } from '../../../../hooks/usePullDown'
import { call } from '../../../../services/api'
import { allPosts } from '../../../../services/posts'
import { go } from '../../../../services/nav'
import { isoDay } from '../../../../services/time'
import { Hero, Warn } from '../../components/bits'
import { ActivityItem } from '../../components/ActivityItem'
import { PledgeCard } from '../../components/PledgeCard'
import '../../party.scss'

function NotRegistered({ rejected }: { rejected: RegistrationView | undefined }) {
  return (
    <>
      <Hero title='党员双报到' sub='在职党员到居住地社区报到，为邻居做实事：认领岗位、结对帮扶、参加志愿活动。' />
      {rejected && (
        <Warn bad id='reg-rejected'>
          您在 {rejected.communityName} 的报到没有通过：{rejected.rejectReason ?? '请联系社区'}。修改后可以重新报到。
        </Warn>
      )}
      <EmptyState
        text='您还没有报到。请扫描社区党群服务中心的报到二维码，或点下面的按钮。'
        action={{ text: '去报到', onClick: () => go('party.register', {}) }}
      />
      <Button className='btn btn--block' onClick={() => go('party.activities')}>
        看看志愿活动
      </Button>
    </>
  )
}

export default function PartyHome() {
  const { me } = useSession()
  const mine = useQuery(me ? `${me.userId}|reg` : null, () => call('party.myRegistration', {}))
  const reg = mine.data?.current ?? null
  const cid = reg?.communityId ?? null
  const verified = reg?.status === 'verified'
  const posts = useQuery(me && cid && verified ? `${me.userId}|${cid}|posts` : null, () => allPosts(cid!))
  const pairs = useQuery(me && cid && verified ? `${me.userId}|${cid}|pairs` : null, () => call('pair.mine', { communityId: cid! }))
  const acts = useQuery(me && cid ? `${me.userId}|${cid}|acts` : null, () => call('activity.list', { communityId: cid!, scope: 'upcoming', limit: 3 }))
  useDidShow(() => {
    if (mine.data) mine.reload()
  })
  usePullDown(mine.reload, posts.reload, pairs.reload, acts.reload)

  return (
    <Guard className='party-home'>
      <Loaded query={mine}>
        {(m) =>
          !m.current ? (
            <NotRegistered rejected={m.history.find((r) => r.status === 'rejected')} />
          ) : (
            <>
              <View className='card' id='my-registration' data-status={m.current.status}>
                <View className='head-row'>
                  <Text className='card-title'>{m.current.communityName}</Text>
                  <Text className={`chip chip--${m.current.status}`}>{m.current.statusLabel}</Text>
                </View>
                <Text className='muted' style={{ display: 'block' }}>
                  {m.current.employerName} · {m.current.branch} · {m.current.memberType}党员
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  居住：{m.current.home}
                </Text>
                {m.current.status === 'pending' && <Warn style={{ marginTop: '16px' }}>已提交，等待社区书记审核。审核通过后可以认领岗位、结对帮扶。</Warn>}
              </View>

              <PledgeCard reg={m.current} onChange={(r) => mine.setData({ ...m, current: r })} />

              {verified && (
                <>
                  <View className='section-title'>岗位责任卡</View>
                  <View className='card' id='my-posts'>
                    <Loaded query={posts}>
                      {(all) => {
                        const held = all.filter((p) => p.mine)
                        return (
                          <>
                            {held.length === 0 ? (
                              <Text className='muted' style={{ display: 'block' }}>
                                还没有认领岗位。
                              </Text>
                            ) : (
                              held.map((p) => (
                                <View key={p.id} className='item-row'>
                                  <Text className='item-row__name'>{p.title}</Text>
                                  {p.description && <Text className='muted'>{p.description}</Text>}
                                </View>
                              ))
                            )}
                            <Button className='btn btn--small btn--block' onClick={() => go('party.posts')}>
                              {held.length ? '看看全部岗位' : '去认领岗位'}
                            </Button>
                          </>
                        )
                      }}
                    </Loaded>
                  </View>

                  <View className='section-title'>爱心服务卡（结对的住户）</View>
                  <View className='card' id='my-pairs'>
                    <Loaded query={pairs}>
                      {(list) =>
                        list.length === 0 ? (
                          <Text className='muted' style={{ display: 'block' }}>
                            还没有结对的住户，社区书记会为您安排。
                          </Text>
                        ) : (
                          <>
                            {list.map((p) => (
                              <View key={p.householdId} className='item-row'>
                                <Text className='item-row__name'>{p.household}</Text>
                                <Text className='muted'>
                                  {p.residents.join('、') || '—'} · 走访 {p.visits} 次{p.lastVisitAt ? `，最近 ${isoDay(p.lastVisitAt)}` : ''}
                                </Text>
                              </View>
                            ))}
                            <Button className='btn btn--small btn--primary btn--block' onClick={() => go('party.pairs')}>
                              记录走访
                            </Button>
                          </>
                        )
                      }
                    </Loaded>
                  </View>
                </>
              )}

              <View className='section-title'>近期活动</View>
              <Loaded query={acts}>
                {(a) =>
                  a.items.length === 0 ? (
                    <View className='card'>
                      <Text className='muted'>近期没有活动，过几天再来看看。</Text>
                    </View>
                  ) : (
                    a.items.map((x) => <ActivityItem key={x.id} a={x} communityId={cid!} brief />)
                  )
                }
              </Loaded>
              <Button className='btn btn--block' id='go-activities' onClick={() => go('party.activities')}>
                全部志愿活动
              </Button>
              <Button className='btn btn--block' id='go-record' onClick={() => go('party.record', { communityId: cid! })}>
                我的活动记录卡
              </Button>
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}
