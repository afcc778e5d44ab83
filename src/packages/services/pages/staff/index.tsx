/**
 * 核验预约码 · 今日名单 (the secretary and every provider: a partner unit's staff, a post's holders, people named):
 * type the resident's 8 digits to mark them attended (each code once, on its day), and the roster for today of
 * a service one provides, with 未到场 (venue requests wait on 场地预约). Which services are mine comes from the
 * server (service.list `provided`: the secretary gets every one); someone who provides none is told so. The
 * server decides every move (booking.verify / roster / markNoShow); a refusal is said in its own words.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BookingView } from '@contract/services'
import { BOOKING_STATUS_LABELS } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Chip, Field } from '../../../../components/Field'
import { useAction } from '../../../../hooks/useAction'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { chinaToday, dayText } from '../../../../services/time'
import { go } from '../../../../services/nav'
import { Roster } from '../../components/Roster'
import { useServicesPage } from '../../shared'
import '../../services.scss'

export default function StaffDesk() {
  const page = useServicesPage()
  const communityId = page.communityId
  const [code, setCode] = useState('')
  const [verified, setVerified] = useState<BookingView | null>(null)
  const [serviceId, setServiceId] = useState<string | null>(null)
  const today = chinaToday()
  const services = useQuery(page.key, () => call('service.list', { communityId: communityId!, provided: true, limit: 50 }))
  const verify = useAction((digits: string) => call('booking.verify', { communityId: communityId!, code: digits }), {
    success: '核验成功',
    showError: 'keep',
    onSuccess: (b) => {
      setVerified(b)
      setCode('')
    },
  })

  const mine = services.data?.items ?? null
  if (mine && mine.length === 0)
    return (
      <Guard communityId={communityId} className='services'>
        <EmptyState
          id='staff-none'
          text='您还没有负责的服务。社区把服务交给您或您的单位后，就能在这里核验预约码、看名单了'
          action={{ text: '去看服务菜单', onClick: () => go('services.index') }}
        />
      </Guard>
    )

  return (
    <Guard communityId={communityId} className='services'>
      <View className='card' id='verify-box'>
        <Field label='预约码（8 位数字）' id='verify-code' type='number' value={code} onChange={setCode} maxlength={8} />
        {verify.error && (
          <Text className='sheet__error' id='verify-error'>
            {verify.error.message}
          </Text>
        )}
        <Button className='btn btn--primary btn--block' id='verify-go' disabled={verify.busy || code.length !== 8} onClick={() => verify.run(code)}>
          核验
        </Button>
        {verified && (
          <View id='verify-result'>
            <Text className='services__name' style={{ display: 'block' }}>
              {verified.serviceName} · {BOOKING_STATUS_LABELS[verified.status]}
            </Text>
            <Text className='muted'>
              {dayText(verified.day)} {verified.start}-{verified.end} · {verified.who}
              {verified.child ? ` · ${verified.child.givenName}（${verified.child.age} 岁）` : ''}
            </Text>
          </View>
        )}
      </View>
      <View className='section-title'>今日名单（{dayText(today)}）</View>
      <Loaded query={services}>
        {(page) => (
          <>
            <View className='seg' id='roster-services'>
              {page.items
                .filter((s) => s.delivery !== 'walk_in')
                .map((s) => (
                  <Chip key={s.id} value={s.id} on={serviceId === s.id} onClick={() => setServiceId(s.id)}>
                    {s.name}
                  </Chip>
                ))}
            </View>
            {page.items.some((s) => s.delivery === 'venue') && (
              <Text className='link' id='staff-venues' onClick={() => go('services.venue', { c: communityId! })}>
                场地预约的申请在「场地预约」里审批 ›
              </Text>
            )}
            {serviceId ? <Roster communityId={communityId!} serviceId={serviceId} day={today} /> : <Text className='note'>选一项服务，看今天谁约了</Text>}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
