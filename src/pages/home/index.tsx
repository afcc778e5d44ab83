/**
 * 首页: greeting, the entry grid to every area, and a card about my community.
 */
import { homeCommunityId } from '../../services/community'
import { View, Text } from '@tarojs/components'
import { usePullDownRefresh, useShareAppMessage, stopPullDownRefresh } from '@tarojs/taro'
import type { Me } from '@contract/org'
import { PageShell } from '../../components/PageShell'
import { Loading } from '../../components/Loading'
import { ErrorState } from '../../components/ErrorState'
import { useSession } from '../../hooks/useSession'
import { useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { go } from '../../services/nav'
import { greeting } from '../../services/format'
import { ROUTES, type BareRoute } from '../../routes'
import { StreetCard } from './StreetCard'
import './index.scss'

/**
 * `soon`: the area's pages are still a placeholder that says what is coming; its tile says 即将开放 instead
 * of a hint that would pretend it works. Drop the flag when the area's module lands.
 */
const ENTRIES: { text: string; hint: string; mark: string; route: BareRoute; soon?: true }[] = [
  { text: '微心愿', hint: '说出小心愿', mark: '愿', route: 'wishes' },
  { text: '双报到', hint: '党员到社区报到', mark: '党', route: 'party.index' },
  { text: '议事厅', hint: '大家的事大家议', mark: '议', route: 'council' },
  { text: '积分超市', hint: '积分换好物', mark: '分', route: 'points.index' },
  { text: '服务预约', hint: '代办 · 接待日', mark: '约', route: 'services.index' },
  { text: '一键报修', hint: '有事找网格员', mark: '修', route: 'requests.index' },
]

/** The community to show: my household's, else the first community I hold a role in. */
const myCommunityId = (me: Me): string | null => homeCommunityId(me)

async function loadCommunity(me: Me) {
  let id = myCommunityId(me)
  if (!id) {
    const list = await call('org.communities', {})
    id = list[0]?.id ?? null
  }
  return id ? call('org.tree', { communityId: id }) : null
}

export default function Home() {
  const { me, error: sessionError, retry } = useSession()
  const tree = useQuery(me && me.streets.length === 0 ? `${me.userId}` : null, () => loadCommunity(me!))

  useShareAppMessage(() => ({ title: '一起来参与社区治理', path: ROUTES.home }))
  usePullDownRefresh(() => {
    tree.reload()
    stopPullDownRefresh()
  })

  const streetAdmin = !!me && me.streets.length > 0
  const communityName = streetAdmin ? me.streets[0].name : (tree.data?.community.name ?? me?.roles[0]?.communityName ?? '')

  return (
    <PageShell className='home'>
      <View className='home__hello' id='home-greeting'>
        {me ? (
          <>
            <Text className='home__hi'>
              {me.nickname}，{greeting()}
            </Text>
            <Text className='home__where'>{communityName ? `欢迎回到${communityName}` : '欢迎来到社区'}</Text>
          </>
        ) : sessionError ? (
          <ErrorState error={sessionError} onRetry={retry} />
        ) : (
          <Text className='home__hi'>您好，正在进入社区…</Text>
        )}
      </View>

      <View className='home__grid'>
        {ENTRIES.map((e) => (
          <View
            key={e.text}
            className={`home__entry${e.soon ? ' home__entry--soon' : ''}`}
            hoverClass='home__entry--hover'
            data-route={e.route}
            onClick={() => go(e.route)}
          >
            <View className='home__mark'>{e.mark}</View>
            <Text className='home__entry-text'>{e.text}</Text>
            {e.soon ? <Text className='home__entry-soon'>即将开放</Text> : <Text className='home__entry-hint'>{e.hint}</Text>}
          </View>
        ))}
      </View>

      <View className='section-title'>{streetAdmin ? '我的街道' : '我的社区'}</View>
      {streetAdmin ? (
        <StreetCard me={me} />
      ) : !me && sessionError ? null : tree.error ? (
        <View className='card'>
          <ErrorState error={tree.error} onRetry={tree.reload} />
        </View>
      ) : !me || tree.loading ? (
        <View className='card'>
          <Loading />
        </View>
      ) : tree.data ? (
        <View className='card home__community' id='home-community'>
          <Text className='card-title'>{tree.data.community.name}</Text>
          <Text className='muted home__line'>
            {tree.data.community.streetName} · {tree.data.community.address}
          </Text>
          <View className='home__stats'>
            <View className='home__stat'>
              <Text className='home__num'>{tree.data.community.householdCount}</Text>
              <Text className='note'>户</Text>
            </View>
            <View className='home__stat'>
              <Text className='home__num'>{tree.data.community.population}</Text>
              <Text className='note'>居民</Text>
            </View>
            <View className='home__stat'>
              <Text className='home__num'>{tree.data.compounds.length}</Text>
              <Text className='note'>小区</Text>
            </View>
            <View className='home__stat'>
              <Text className='home__num'>{tree.data.partnerUnits.length}</Text>
              <Text className='note'>共建单位</Text>
            </View>
          </View>
          {tree.data.grids.length > 0 && (
            <Text className='muted home__line'>
              网格员：
              {tree.data.grids.map((g) => `${g.name} ${g.workerName ?? '待安排'}`).join('；')}
            </Text>
          )}
        </View>
      ) : (
        <View className='card'>
          <Text className='muted'>还没有加入社区。登记门牌后，这里会显示您所在社区的情况。</Text>
        </View>
      )}
    </PageShell>
  )
}
