/**
 * 确认预约: what, when, where, the price; the child's given name and age for a children's service, the address
 * for an at-home one, a note. The tap asks for the day-before reminder (bookingReminder) first, then books.
 * A refusal (full, blocked after no-shows until …, not enough points) is shown in the sheet in its own words.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { BookingView, ServiceDetail, SlotView } from '@contract/services'
import { Area, Field, intOrNull } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { dayText } from '../../../services/time'
import { BOOKING_WORDS, priceText } from '../shared'

export interface BookSheetProps {
  s: ServiceDetail
  slot: SlotView
  onClose: () => void
  onBooked: (b: BookingView) => void
  reload: () => void
}

export function BookSheet({ s, slot, onClose, onBooked, reload }: BookSheetProps) {
  const [childName, setChildName] = useState('')
  const [childAge, setChildAge] = useState('')
  const [address, setAddress] = useState('')
  const [note, setNote] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const book = useAction(
    async (child: { givenName: string; age: number } | null) => {
      await askSubscribe(['bookingReminder'])
      return call('booking.create', {
        communityId: s.communityId,
        serviceId: s.id,
        day: slot.day,
        ...(s.delivery === 'daily' ? {} : { start: slot.start }),
        ...(child ? { child } : {}),
        ...(s.delivery === 'at_home' ? { address: address.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
    },
    { success: '预约成功', showError: 'keep', words: BOOKING_WORDS, onSuccess: onBooked, reload },
  )

  const submit = () => {
    let child: { givenName: string; age: number } | null = null
    if (s.forChild) {
      const age = intOrNull(childAge)
      if (!childName.trim() || age === null || Number.isNaN(age) || age < 1 || age > 17) {
        setInvalid('请填写孩子的名字和年龄（1-17 岁）')
        return
      }
      child = { givenName: childName.trim(), age }
    }
    if (s.delivery === 'at_home' && !address.trim()) {
      setInvalid('请填写上门的地址')
      return
    }
    setInvalid(null)
    void book.run(child)
  }

  return (
    <Sheet id='book-sheet' title='确认预约' act={book} error={invalid ?? undefined} submitText='确认预约' onSubmit={submit} onClose={onClose} reload={reload}>
      <View className='form-row'>
        <Text className='services__name'>{s.name}</Text>
        <Text className='muted' style={{ display: 'block' }}>
          {dayText(slot.day)} {s.delivery === 'daily' ? '' : `${slot.start}-${slot.end}`} · {s.place}
        </Text>
        <Text className='note' style={{ display: 'block' }}>
          {priceText(s.pricePoints)}
          {s.cutoffHours > 0 ? ` · 开始前 ${s.cutoffHours} 小时内不能取消` : ''}
        </Text>
      </View>
      {s.forChild && (
        <>
          <Field label='孩子的名字（只留名，不留姓）' id='book-child-name' value={childName} onChange={setChildName} maxlength={10} />
          <Field label='孩子的年龄' id='book-child-age' type='number' value={childAge} onChange={setChildAge} maxlength={2} />
        </>
      )}
      {s.delivery === 'at_home' && (
        <Field label='上门地址' id='book-address' value={address} onChange={setAddress} maxlength={100} hint='只有上门服务的人看得到' />
      )}
      <Area label='想说的（可不填）' id='book-note' value={note} onChange={setNote} maxlength={200} />
      <Text className='note'>预约后会请您允许一条提醒，前一天提醒您。</Text>
    </Sheet>
  )
}
