/**
 * 报到分布 (street admin): verified registrations per 100 households in each community, flagged 空白
 * (none), 偏少, 正常 or 扎堆 against the street's median, so registrations can be steered from crowded
 * communities to empty ones.
 */
import { View, Text } from '@tarojs/components'
import { useRouter, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import '../../party.scss'

const FLAGS = { empty: '空白', low: '偏少', ok: '正常', crowded: '扎堆' } as const

export default function Coverage() {
  const session = useSession()
  const { me } = session
  const { params } = useRouter()
  const streetId = params.streetId ? decodeURIComponent(params.streetId) : (me?.roles.find((r) => r.role === 'street_admin')?.communityId ?? null)
  const cov = useQuery(me && streetId ? `${me.userId}|${streetId}` : null, () => call('party.coverage', { streetId: streetId! }))
  usePullDownRefresh(() => {
    cov.reload()
    stopPullDownRefresh()
  })

  if (!me) return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  if (!streetId) return <PageShell><Empty text='只有街道管理员可以查看报到分布' action={{ text: '回到我的', onClick: () => go('me') }} /></PageShell>
  if (cov.error) return <PageShell><ErrorState error={cov.error} onRetry={cov.reload} /></PageShell>
  if (!cov.data) return <PageShell><Loading /></PageShell>
  const d = cov.data
  const attention = d.communities.filter((c) => c.flag === 'empty' || c.flag === 'crowded')

  return (
    <PageShell className='coverage'>
      <View className='pty-hero'>
        <Text className='pty-hero__label'>全街道中位数</Text>
        <Text className='pty-hero__title'>每百户 {Math.round(d.median * 10) / 10} 名报到党员</Text>
      </View>
      {attention.length > 0 && (
        <Text className='pty-warn pty-warn--red'>
          {attention.map((c) => `${c.name}${FLAGS[c.flag]}`).join('，')}：可引导在职党员到报到少的社区。
        </Text>
      )}
      {d.communities.length === 0 ? (
        <Empty text='街道下还没有社区' />
      ) : (
        <View className='card' id='coverage-table'>
          <View className='table-row table-row--head'>
            <Text>社区</Text>
            <Text>户数</Text>
            <Text>已报到</Text>
            <Text>待审</Text>
            <Text>每百户</Text>
          </View>
          {d.communities.map((c) => (
            <View key={c.communityId} className='table-row' data-id={c.communityId}>
              <View>
                <Text style={{ display: 'block' }}>{c.name}</Text>
                <Text className={`chip chip--${c.flag}`}>{FLAGS[c.flag]}</Text>
              </View>
              <Text>{c.households}</Text>
              <Text>{c.verified}</Text>
              <Text>{c.pending}</Text>
              <Text>{Math.round(c.perHundredHouseholds * 10) / 10}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className='note' style={{ display: 'block' }}>
        空白：没有报到党员；偏少：不到中位数的一半；扎堆：超过中位数的两倍。
      </Text>
    </PageShell>
  )
}
