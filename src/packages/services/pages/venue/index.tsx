/**
 * 场地预约 (错时开放: a partner unit's hall after hours): residents and partner organisations ask for hours of a
 * venue (venue.book: pending until decided, on 我的预约); the venue's unit staff and the secretary see every
 * request waiting for them, across days (venue.list `pending`), and approve or refuse it with a reason.
 * Whether I decide on a venue comes with it from the server (`decides`).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { VenueBook } from '../../components/VenueBook'
import { VenueRequests } from '../../components/VenueRequests'
import { useServicesPage } from '../../shared'
import '../../services.scss'
import '../../staff.scss'

export default function Venues() {
  const page = useServicesPage()
  const communityId = page.communityId
  const venues = useQuery(page.key, () => call('venue.list', { communityId: communityId!, pending: true }))
  const [asking, setAsking] = useState<string | null>(null)

  return (
    <Guard communityId={communityId} className='services'>
      <Loaded query={venues}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState id='venue-empty' text='社区还没有开放预约的场地' action={{ text: '去看服务菜单', onClick: () => go('services.index') }} />
          ) : (
            <>
              {list.some((v) => v.decides) && <View className='section-title'>等我审批的申请</View>}
              {list
                .filter((v) => v.decides)
                .map((v) => (
                  <View className='card' key={`p-${v.id}`} id={`venue-pending-${v.id}`}>
                    <Text className='services__name' style={{ display: 'block' }}>
                      {v.name}
                      {v.pending?.length ? `（${v.pending.length} 个待审批）` : ''}
                    </Text>
                    <VenueRequests communityId={communityId!} requests={v.pending ?? []} onChanged={venues.reload} />
                  </View>
                ))}
              <View className='section-title'>可以申请的场地</View>
              {list.map((v) => (
                <View className='card' key={v.id} id={`venue-${v.id}`}>
                  <Text className='services__name' style={{ display: 'block' }}>
                    {v.name}
                  </Text>
                  <Text className='muted' style={{ display: 'block' }}>
                    {v.place} · {v.when}
                  </Text>
                  {asking === v.id ? (
                    <VenueBook
                      s={{ id: v.id, communityId: communityId!, venue: v.venue, me: { canBook: true } }}
                      onBooked={(b) => go('services.mine', { booking: b.id, c: communityId! })}
                    />
                  ) : (
                    <Button className='btn btn--primary btn--block' id={`venue-ask-${v.id}`} onClick={() => setAsking(v.id)}>
                      申请使用
                    </Button>
                  )}
                </View>
              ))}
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}
