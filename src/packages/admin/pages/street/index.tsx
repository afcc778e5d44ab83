/**
 * 街道工作台 (street admin): the street's communities at a glance — size, 双报到 coverage, and what waits for
 * someone in each (addresses to confirm, wishes to review, registrations to review), those needing attention
 * first. Each community opens the pages the street admin may use there, on that community.
 */
import { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { StreetCommunity } from '@contract/org'
import { Guard, Loaded } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { chooseCommunity } from '../../../../services/community'
import { go } from '../../../../services/nav'
import '../../admin.scss'

function Waiting({ c }: { c: StreetCommunity }) {
  const items = [
    c.pendingHouseholds > 0 && `${c.pendingHouseholds} 户住址待确认`,
    c.wishesUnderReview > 0 && `${c.wishesUnderReview} 个心愿待审核`,
    c.pendingRegistrations > 0 && `${c.pendingRegistrations} 名党员报到待审核`,
  ].filter((x): x is string => !!x)
  if (items.length === 0) return <View className='note street__waiting'>暂时没有待办的事</View>
  return (
    <View className='street__waiting'>
      {items.map((t) => (
        <Text key={t} className='tag tag--warn'>
          {t}
        </Text>
      ))}
    </View>
  )
}

function CommunityCard({ c }: { c: StreetCommunity }) {
  const open = (route: 'admin.members' | 'admin.households' | 'admin.audit' | 'requests.board') => {
    chooseCommunity(c.communityId)
    go(route, { communityId: c.communityId })
  }
  return (
    <View className={`card street__community ${c.needsAttention ? 'street__community--attention' : ''}`} id={`street-${c.communityId}`}>
      <View className='card-title'>{c.name}</View>
      <View className='note'>
        {c.households} 户 · {c.population} 人 · 已报到党员 {c.registeredMembers} 名 · 待认领心愿 {c.openWishes} 个
      </View>
      <Waiting c={c} />
      <View className='btn-row'>
        <Button className='btn btn--small' onClick={() => open('admin.households')}>
          住址确认
        </Button>
        <Button className='btn btn--small' onClick={() => open('admin.members')}>
          居民与角色
        </Button>
        <Button className='btn btn--small' onClick={() => open('admin.audit')}>
          操作记录
        </Button>
        <Button className='btn btn--small street-board' onClick={() => open('requests.board')}>
          诉求看板
        </Button>
      </View>
    </View>
  )
}

export default function Street() {
  const { me } = useSession()
  const streetId = me?.streets[0]?.id ?? null
  const street = useQuery(streetId, () => call('org.street', { streetId: streetId! }))
  usePullDownRefresh(() => street.reload())
  return (
    <Guard className='admin street' allowed={!!streetId} forbidden='只有街道管理员可以查看街道工作台'>
      <Loaded query={street}>
        {(s) => (
          <View>
            <View className='card'>
              <View className='card-title' id='street-name'>
                {s.name}
              </View>
              <View className='stat-grid'>
                <View className='stat'>
                  <Text className='stat__num'>{s.communities.length}</Text>
                  <Text className='note'>个社区</Text>
                </View>
                <View className='stat'>
                  <Text className='stat__num'>{s.totals.registeredMembers}</Text>
                  <Text className='note'>名党员已报到</Text>
                </View>
                <View className='stat'>
                  <Text className='stat__num' id='street-waiting'>
                    {s.totals.waiting}
                  </Text>
                  <Text className='note'>件事等着处理</Text>
                </View>
                <View className='stat'>
                  <Text className='stat__num'>{s.totals.households}</Text>
                  <Text className='note'>户居民</Text>
                </View>
              </View>
              <View className='street__links'>
                <Text className='link' onClick={() => go('party.coverage', { streetId: s.streetId })}>
                  党员报到分布 ›
                </Text>
                <Text className='link' id='street-late-units' onClick={() => go('requests.late', { streetId: s.streetId })}>
                  单位按时率与督办 ›
                </Text>
              </View>
            </View>
            {s.communities.map((c) => (
              <CommunityCard key={c.communityId} c={c} />
            ))}
          </View>
        )}
      </Loaded>
    </Guard>
  )
}
