/**
 * 单位按时率 (street admin): who is late — not only which requests — the street's departments, its
 * communities' own units and every grid, each with its on-time rate and what it holds overdue now; lagging
 * ones first and red (below 80 %, or holding anything overdue), with 督办 for a unit. From the street home.
 */
import { View, Text } from '@tarojs/components'
import { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { LateRow } from '../../components/LateRow'
import '../../requests.scss'

export default function Late() {
  const { me } = useSession()
  const { params } = useRouter()
  const streetId = params.streetId ? decodeURIComponent(params.streetId) : (me?.streets[0]?.id ?? null)
  const allowed = !!me && me.streets.some((s) => s.id === streetId)
  // The street's departments are set up on a community's units page (they serve every community of the street).
  const firstCommunity = me?.access.find((a) => a.streetId === streetId)?.communityId ?? null
  const late = useQuery(allowed && streetId ? `${me!.userId}|${streetId}` : null, () => call('request.lateUnits', { streetId: streetId! }))
  usePullDownRefresh(() => {
    late.reload()
    stopPullDownRefresh()
  })
  return (
    <Guard className='requests' allowed={allowed} forbidden='只有街道管理员可以查看单位按时率'>
      <Loaded query={late}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState text='街道还没有责任单位和网格' />
          ) : (
            <>
              <View className='rq-lead'>
                <Text className='muted'>按时率低于八成、或手上有超时诉求的，标红排在前面。</Text>
              </View>
              {firstCommunity && (
                <View className='rq-minor'>
                  <Text className='link' id='late-units-setup' onClick={() => go('requests.units', { communityId: firstCommunity })}>
                    设置街道科室和工作人员 ›
                  </Text>
                </View>
              )}
              {rows.map((u) => (
                <LateRow key={`${u.kind}-${u.id}`} u={u} streetId={streetId!} reload={late.reload} />
              ))}
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}
