/**
 * 核验预约码 · 今日名单 (staff and providers): type the resident's 8 digits to mark them attended (each code
 * once, on its day), and a service's roster for today with 未到场, and venue requests to approve (同意 / 不同意). The server decides who may (the provider,
 * the community's staff); a refusal is said in its own words.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { BookingView } from '@contract/services'
import { BOOKING_STATUS_LABELS } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { Chip, Field } from '../../../../components/Field'
import { useAction } from '../../../../hooks/useAction'
import { useQuery } from '../../../../hooks/useQuery'
import { useSecretaryPage } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { chinaToday, dayText } from '../../../../services/time'
import { go } from '../../../../services/nav'
import { Roster } from '../../components/Roster'
import '../../services.scss'

const STAFF_ONLY = { text: '只有社区工作人员可以核验预约码', action: { text: '回到我的', onClick: () => go('me') } }

export default function StaffDesk() {
  const admin = useSecretaryPage(STAFF_ONLY)
  const communityId = admin.communityId
  const [code, setCode] = useState('')
  const [verified, setVerified] = useState<BookingView | null>(null)
  const [serviceId, setServiceId] = useState<string | null>(null)
  const today = chinaToday()
  const services = useQuery(admin.key, () => call('service.list', { communityId: communityId!, all: true, limit: 50 }))
  const verify = useAction((digits: string) => call('booking.verify', { communityId: communityId!, code: digits }), {
    success: '核验成功',
    showError: 'keep',
    onSuccess: (b) => {
      setVerified(b)
      setCode('')
    },
  })

  return (
    <Guard {...admin.guard} className='services'>
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
            {serviceId ? <Roster communityId={communityId!} serviceId={serviceId} day={today} /> : <Text className='note'>选一项服务，看今天谁约了</Text>}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
