/**
 * 报到分布 (street admin): verified registrations per 100 households in each community, flagged 空白
 * (none), 偏少, 正常 or 扎堆 against the street's median, so registrations can be steered from crowded
 * communities to empty ones. The street: the route's, else the first the person administers (Me.streets).
 */
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { usePullDown } from '../../../../hooks/usePullDown'
import { call } from '../../../../services/api'
import { Hero, Warn } from '../../components/bits'
import '../../party.scss'

const FLAGS = { empty: '空白', low: '偏少', ok: '正常', crowded: '扎堆' } as const
const oneDecimal = (n: number) => Math.round(n * 10) / 10

export default function Coverage() {
  const { me } = useSession()
  const { params } = useRouter()
  const streetId = params.streetId ? decodeURIComponent(params.streetId) : (me?.streets[0]?.id ?? null)
  const cov = useQuery(me && streetId ? `${me.userId}|${streetId}` : null, () => call('party.coverage', { streetId: streetId! }))
  usePullDown(cov.reload)

  return (
    <Guard allowed={!!streetId} forbidden='只有街道管理员可以查看报到分布' className='coverage'>
      <Loaded query={cov}>
        {(d) => {
          const attention = d.communities.filter((c) => c.flag === 'empty' || c.flag === 'crowded')
          return (
            <>
              <Hero label='全街道中位数' title={`每百户 ${oneDecimal(d.median)} 名报到党员`} />
              {attention.length > 0 && <Warn bad>{attention.map((c) => `${c.name}${FLAGS[c.flag]}`).join('，')}：可引导在职党员到报到少的社区。</Warn>}
              {d.communities.length === 0 ? (
                <EmptyState text='街道下还没有社区' />
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
                      <Text>{oneDecimal(c.perHundredHouseholds)}</Text>
                    </View>
                  ))}
                </View>
              )}
              <Text className='note' style={{ display: 'block' }}>
                空白：没有报到党员；偏少：不到中位数的一半；扎堆：超过中位数的两倍。
              </Text>
            </>
          )
        }}
      </Loaded>
    </Guard>
  )
}
