/**
 * The requests waiting for my decision on one venue, across days (venue.list `pending`): who asked (masked),
 * when and what for; 同意, or 不同意 with the reason the asker is told.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { VenueRequest } from '@contract/services'
import { Area } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { dayText } from '../../../services/time'

export function VenueRequests({ communityId, requests, onChanged }: { communityId: string; requests: VenueRequest[]; onChanged: () => void }) {
  const [refusing, setRefusing] = useState<VenueRequest | null>(null)
  const [reason, setReason] = useState('')
  const approve = useAction((r: VenueRequest) => call('venue.approve', { communityId, bookingId: r.id, approve: true }), {
    confirm: (r) => ({ title: '同意使用', content: `${dayText(r.day)} ${r.start}-${r.end} 给 ${r.who} 用于「${r.purpose}」，确定同意吗？` }),
    success: '已同意，申请人会收到通知',
    onSuccess: onChanged,
    reload: onChanged,
  })
  const refuse = useAction((r: VenueRequest) => call('venue.approve', { communityId, bookingId: r.id, approve: false, reason: reason.trim() }), {
    success: '已回复申请人',
    showError: 'keep',
    onSuccess: () => {
      setRefusing(null)
      setReason('')
      onChanged()
    },
  })
  if (requests.length === 0) return <Text className='note'>没有等待审批的申请</Text>
  return (
    <View id='venue-requests'>
      {requests.map((r) => (
        <View className='venue__request' key={r.id} id={`venue-request-${r.id}`}>
          <Text style={{ display: 'block' }}>
            {dayText(r.day)} {r.start}-{r.end} · {r.who}
          </Text>
          <Text className='muted venue__purpose'>用途：{r.purpose || '未写明'}</Text>
          <View className='btn-row'>
            <Button className='btn btn--small' id={`venue-reject-${r.id}`} disabled={approve.busy} onClick={() => setRefusing(r)}>
              不同意
            </Button>
            <Button className='btn btn--small btn--primary' id={`venue-approve-${r.id}`} disabled={approve.busy} onClick={() => approve.run(r)}>
              同意
            </Button>
          </View>
        </View>
      ))}
      {refusing && (
        <Sheet
          id='venue-refuse'
          title='不同意使用'
          act={refuse}
          reload={onChanged}
          submitText='告诉申请人'
          check={() => (reason.trim() ? null : '请写明原因，让申请人知道怎么调整')}
          onSubmit={() => void refuse.run(refusing)}
          onClose={() => setRefusing(null)}
        >
          <Text className='muted'>
            {dayText(refusing.day)} {refusing.start}-{refusing.end} · {refusing.purpose}
          </Text>
          <Area label='原因' id='venue-refuse-reason' value={reason} onChange={setReason} maxlength={100} placeholder='如：这天馆内有比赛，请换个时间' />
        </Sheet>
      )}
    </View>
  )
}
