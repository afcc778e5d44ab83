/**
 * A service: what it is, when and where, who provides it, the price; the slots of the coming days with the
 * places left (or why closed); 预约 with a confirmation sheet. Why I may not book (blocked after no-shows
 * until …, not in the audience) is said plainly. Opened as `?id=<service>&c=<community>`.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { SlotView } from '@contract/services'
import { PROVIDER_LABELS, SERVICE_CATEGORY_LABELS } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { useQuery } from '../../../../hooks/useQuery'
import { useSharedPage } from '../../../../hooks/useSharedPage'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { BookSheet } from '../../components/BookSheet'
import { Slots } from '../../components/Slots'
import { VenueBook } from '../../components/VenueBook'
import { priceText, useServicesPage } from '../../shared'
import '../../services.scss'

export default function ServicePage() {
  const page = useServicesPage()
  const id = page.params.id ?? ''
  const communityId = page.communityId
  const key = page.key && id ? `${page.key}|${id}` : null
  const detail = useQuery(key, () => call('service.get', { communityId: communityId!, serviceId: id }))
  const bookable = detail.data ? !['walk_in', 'venue'].includes(detail.data.delivery) : false
  const slots = useQuery(key && bookable ? key : null, () => call('service.slots', { communityId: communityId!, serviceId: id, days: 7 }))
  const [picked, setPicked] = useState<SlotView | null>(null)
  const reload = () => {
    detail.reload()
    slots.reload()
  }
  useSharedPage(
    { data: detail.data, reload },
    {
      title: detail.data?.name ?? '服务详情',
      card: (s) => ({ title: s ? `社区服务：${s.name}` : '社区服务预约', path: `${ROUTES['services.service']}?id=${id}&c=${communityId ?? ''}` }),
    },
  )

  return (
    <Guard communityId={communityId} className='services'>
      <Loaded query={detail}>
        {(s) => (
          <>
            <View className='card' id='service-detail'>
              <View className='services__row'>
                <Text className='services__name'>{s.name}</Text>
                <Text className='chip'>{SERVICE_CATEGORY_LABELS[s.category]}</Text>
              </View>
              <Text className='muted' style={{ display: 'block' }}>
                {s.description}
              </Text>
              <Text style={{ display: 'block' }}>时间：{s.walkIn ?? s.when}</Text>
              <Text style={{ display: 'block' }}>地点：{s.place}</Text>
              <Text style={{ display: 'block' }}>
                提供：{s.provider.name}（{PROVIDER_LABELS[s.provider.kind]}）
              </Text>
              <Text style={{ display: 'block' }}>费用：{priceText(s.pricePoints)}</Text>
              {s.private && <Text className='note'>这项服务保密：只有您和服务的人知道您约了。</Text>}
              {s.me.isProvider && (
                <Text className='link' id='service-staff' style={{ display: 'block' }} onClick={() => go('services.staff', { communityId: communityId! })}>
                  这项服务由您负责：核验预约码 · 今日名单 ›
                </Text>
              )}
            </View>
            {!s.me.canBook && s.me.whyNot && (
              <View className='card' id='service-why-not'>
                <Text className='sheet__error'>{s.me.whyNot}</Text>
              </View>
            )}
            {bookable && <Loaded query={slots}>{(list) => <Slots slots={list} canBook={s.me.canBook} onPick={setPicked} />}</Loaded>}
            {s.delivery === 'venue' && <VenueBook s={s} onBooked={(b) => go('services.mine', { booking: b.id, c: communityId! })} />}
            <Button className='btn btn--block' id='service-mine' onClick={() => go('services.mine', { c: communityId! })}>
              我的预约
            </Button>
            {picked && (
              <BookSheet
                s={s}
                slot={picked}
                reload={reload}
                onClose={() => setPicked(null)}
                onBooked={(b) => {
                  setPicked(null)
                  go('services.mine', { booking: b.id, c: communityId! })
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
