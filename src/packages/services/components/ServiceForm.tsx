/**
 * The secretary's menu editor (service.upsert): name, category, delivery, place, what it is, weekly slots with
 * capacity ("周三 09:00-11:00 20" a line), closures (dates), price in points, the cutoff in hours. The provider is
 * the community's staff, the secretary themselves (units and party posts: not in this editor yet).
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { DeliveryKind, ServiceCategory, ServiceDetail } from '@contract/services'
import { DELIVERY_KINDS, DELIVERY_LABELS, SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@contract/vocabulary'
import { Area, Choice, Field, Toggle, intOrNull } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { parseDays, parseWeekly, weeklyText } from '../schedule'

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, text: SERVICE_CATEGORY_LABELS[c] }))
const DELIVERY_OPTIONS = DELIVERY_KINDS.filter((d) => d !== 'daily' && d !== 'venue').map((d) => ({ value: d, text: DELIVERY_LABELS[d] }))

export interface ServiceFormProps {
  communityId: string
  userId: string
  s: ServiceDetail | null
  onClose: () => void
  onDone: () => void
}

export function ServiceForm({ communityId, userId, s, onClose, onDone }: ServiceFormProps) {
  const [name, setName] = useState(s?.name ?? '')
  const [category, setCategory] = useState<ServiceCategory>(s?.category ?? 'reception')
  const [delivery, setDelivery] = useState<DeliveryKind>(s?.delivery ?? 'slots')
  const [place, setPlace] = useState(s?.place ?? '')
  const [description, setDescription] = useState(s?.description ?? '')
  const [weekly, setWeekly] = useState(s ? weeklyText(s.schedule.weekly) : '周三 09:00-11:00 20')
  const [closures, setClosures] = useState(s?.schedule.closures.join('\n') ?? '')
  const [walkIn, setWalkIn] = useState(s?.walkIn ?? '')
  const [price, setPrice] = useState(String(s?.pricePoints ?? 0))
  const [cutoff, setCutoff] = useState(String(s?.cutoffHours ?? 2))
  const [active, setActive] = useState(s?.active ?? true)
  const [invalid, setInvalid] = useState<string | null>(null)
  const save = useAction((input: Parameters<typeof call<'service.upsert'>>[1]) => call('service.upsert', input), {
    success: '已保存',
    showError: 'keep',
    onSuccess: onDone,
  })

  const submit = () => {
    const w = parseWeekly(weekly)
    const c = parseDays(closures)
    const pricePoints = intOrNull(price) ?? 0
    const cutoffHours = intOrNull(cutoff) ?? 0
    if (!name.trim() || !place.trim() || !description.trim()) return setInvalid('请填写名称、地点和服务内容')
    if ('bad' in w) return setInvalid(`这一行看不懂：“${w.bad}”，请写成 周三 09:00-11:00 20`)
    if ('bad' in c) return setInvalid(`这个日期看不懂：“${c.bad}”，请写成 2026-10-01`)
    if (Number.isNaN(pricePoints) || Number.isNaN(cutoffHours)) return setInvalid('积分和截止时间请填整数')
    if (delivery === 'walk_in' && !walkIn.trim()) return setInvalid('随到随办的服务，请写明什么时间来')
    setInvalid(null)
    void save.run({
      communityId,
      ...(s ? { serviceId: s.id } : {}),
      name: name.trim(),
      category,
      description: description.trim(),
      // An existing service keeps its provider, privacy and child settings: this form does not edit them.
      ...(s ? {} : { provider: { kind: 'staff' as const, userIds: [userId] }, forChild: category === 'children', private: category === 'counselling' }),
      place: place.trim(),
      delivery,
      schedule: { weekly: delivery === 'walk_in' ? [] : w.slots, dated: s?.schedule.dated ?? [], closures: c.days },
      walkIn: delivery === 'walk_in' ? walkIn.trim() : null,
      pricePoints,
      cutoffHours,
      active,
    })
  }

  return (
    <Sheet id='service-form' title={s ? '修改服务' : '新增服务'} act={save} error={invalid ?? undefined} submitText='保存' onSubmit={submit} onClose={onClose}>
      <Field label='名称' id='form-name' value={name} onChange={setName} maxlength={20} />
      <Choice label='类别' id='form-category' value={category} options={CATEGORY_OPTIONS} onChange={setCategory} />
      <Choice label='方式' id='form-delivery' value={delivery} options={DELIVERY_OPTIONS} onChange={setDelivery} />
      <Field label='地点' id='form-place' value={place} onChange={setPlace} maxlength={50} />
      <Area label='服务内容' id='form-description' value={description} onChange={setDescription} maxlength={500} />
      {delivery === 'walk_in' ? (
        <Field label='什么时间来' id='form-walkin' value={walkIn} onChange={setWalkIn} placeholder='工作日 9:00-17:00' />
      ) : (
        <Area label='每周时段（一行一个：周几 开始-结束 名额）' id='form-weekly' value={weekly} onChange={setWeekly} maxlength={600} />
      )}
      <Area label='暂停的日子（节假日，一行一个日期）' id='form-closures' value={closures} onChange={setClosures} maxlength={700} />
      <Field label='所需积分（0 为免费）' id='form-price' type='number' value={price} onChange={setPrice} maxlength={5} />
      <Field label='开始前几小时截止预约和取消' id='form-cutoff' type='number' value={cutoff} onChange={setCutoff} maxlength={2} />
      <Toggle label='开放预约' id='form-active' checked={active} onChange={setActive} />
      <Text className='note'>服务人员为您本人；成长护航类只记孩子的名和年龄，心灵驿站类预约只有您和居民本人看得到。</Text>
    </Sheet>
  )
}
