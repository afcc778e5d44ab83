/** The day's roster of one service (booking.roster): who booked which slot, and 未到场 for one who did not come. */
import { View, Text, Button } from '@tarojs/components'
import { BOOKING_STATUS_LABELS } from '@contract/vocabulary'
import { PagedList } from '../../../components/PagedList'
import { useAction } from '../../../hooks/useAction'
import { usePaged } from '../../../hooks/useQuery'
import { call } from '../../../services/api'

export function Roster({ communityId, serviceId, day }: { communityId: string; serviceId: string; day: string }) {
  const list = usePaged(`${communityId}|${serviceId}|${day}`, (cursor) => call('booking.roster', { communityId, serviceId, day, cursor, limit: 50 }))
  const noShow = useAction((bookingId: string) => call('booking.markNoShow', { communityId, bookingId }), {
    confirm: () => ({ title: '记为未到场', content: '确定这位居民没有来吗？多次未到场会暂停预约。' }),
    success: '已记为未到场',
    onSuccess: () => list.reload(),
    reload: list.reload,
  })
  const decide = useAction(
    (bookingId: string, approve: boolean) =>
      call('venue.approve', { communityId, bookingId, approve, ...(approve ? {} : { reason: '这个时间场地已有安排，请换个时间' }) }),
    {
      confirm: (_id, approve) => (approve ? null : { title: '不同意使用', content: '告诉申请人：这个时间场地已有安排，请换个时间。' }),
      success: (_b, _id, approve) => (approve ? '已同意' : '已回复'),
      onSuccess: () => list.reload(),
      reload: list.reload,
    },
  )
  return (
    <PagedList
      list={list}
      id='roster-list'
      empty='这一天还没有人预约'
      itemKey={(b) => b.id}
      renderItem={(b) => (
        <View className='services__slot' id={`roster-${b.id}`}>
          <View>
            <Text style={{ display: 'block' }}>
              {b.start}-{b.end} {b.who}
              {b.child ? ` · ${b.child.givenName}（${b.child.age} 岁）` : ''}
            </Text>
            <Text className='note'>
              {BOOKING_STATUS_LABELS[b.status]}
              {b.address ? ` · ${b.address}` : ''}
            </Text>
          </View>
          {b.status === 'pending' && (
            <View className='btn-row'>
              <Button className='btn btn--small' id={`roster-reject-${b.id}`} disabled={decide.busy} onClick={() => decide.run(b.id, false)}>
                不同意
              </Button>
              <Button className='btn btn--small btn--primary' id={`roster-approve-${b.id}`} disabled={decide.busy} onClick={() => decide.run(b.id, true)}>
                同意
              </Button>
            </View>
          )}
          {b.status === 'booked' && (
            <Button className='btn btn--small' id={`roster-noshow-${b.id}`} disabled={noShow.busy} onClick={() => noShow.run(b.id)}>
              未到场
            </Button>
          )}
        </View>
      )}
    />
  )
}
