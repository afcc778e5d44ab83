/**
 * The two forms of 共建单位 (secretary): add or edit a sponsor, and 注入积分 (amount + note; one request
 * key per opened form, so a retried tap funds once). Each answers the new sponsor list on success.
 */
import { useState, type ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { SponsorView } from '@contract/points'
import { Field, Toggle, intOrNull } from '../../../components/Field'
import { useAction, type Action } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { invalid, newRequestKey } from '../shared'

type Done = (list: SponsorView[]) => void

/** A form card: title, fields, the refusal, 取消 and the submit button. */
function FormCard({
  id,
  title,
  action,
  submitId,
  submitText,
  onCancel,
  children,
}: {
  id: string
  title: string
  action: Action<[], SponsorView[]>
  submitId: string
  submitText: string
  onCancel: () => void
  children: ReactNode
}) {
  return (
    <View className='card' id={id}>
      <Text className='card-title'>{title}</Text>
      {children}
      {action.error && <Text className='sheet__error'>{action.error.message}</Text>}
      <View className='btn-row' style={{ marginTop: '16px' }}>
        <Button className='btn' onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn--primary' id={submitId} loading={action.busy} disabled={action.busy} onClick={() => action.run()}>
          {submitText}
        </Button>
      </View>
    </View>
  )
}

export function SponsorForm({
  communityId,
  sponsor,
  onDone,
  onCancel,
}: {
  communityId: string
  sponsor: SponsorView | null
  onDone: Done
  onCancel: () => void
}) {
  const [name, setName] = useState(sponsor?.name ?? '')
  const [contact, setContact] = useState(sponsor?.contact ?? '')
  const [warnBelow, setWarnBelow] = useState(sponsor ? String(sponsor.warnBelow) : '500')
  const [priority, setPriority] = useState(sponsor ? String(sponsor.priority) : '')
  const [active, setActive] = useState(sponsor?.active ?? true)
  const save = useAction(
    async () => {
      const [warn, prio] = [intOrNull(warnBelow), intOrNull(priority)]
      if (!name.trim()) throw invalid('请填写单位名称')
      if (warn === null || Number.isNaN(warn) || warn < 0) throw invalid('预警线要填 0 或以上的整数')
      if (prio !== null && (Number.isNaN(prio) || prio < 0)) throw invalid('顺序要填 0 或以上的整数')
      return call('points.setSponsor', {
        communityId,
        ...(sponsor ? { sponsorId: sponsor.id } : {}),
        name: name.trim(),
        contact: contact.trim() || null,
        warnBelow: warn,
        ...(prio !== null ? { priority: prio } : {}),
        active,
      })
    },
    { showError: 'keep', success: '已保存', onSuccess: onDone },
  )
  return (
    <FormCard id='sponsor-form' title={sponsor ? '修改共建单位' : '添加共建单位'} action={save} submitId='sponsor-save' submitText='保存' onCancel={onCancel}>
      <Field label='单位名称' id='sponsor-name' value={name} maxlength={40} onChange={setName} />
      <Field label='联系人（选填）' id='sponsor-contact' value={contact} maxlength={40} onChange={setContact} />
      <Field label='预警线（剩余积分低于此数标红）' id='sponsor-warn' type='number' value={warnBelow} onChange={setWarnBelow} />
      <Field label='支付顺序（数小的先付，选填）' id='sponsor-priority' type='number' value={priority} onChange={setPriority} />
      <Toggle label='启用' checked={active} onChange={setActive} />
    </FormCard>
  )
}

export function FundForm({ communityId, sponsor, onDone, onCancel }: { communityId: string; sponsor: SponsorView; onDone: Done; onCancel: () => void }) {
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [requestKey] = useState(newRequestKey)
  const fund = useAction(
    async () => {
      const n = intOrNull(amount)
      if (n === null || Number.isNaN(n) || n < 1) throw invalid('注入的积分要填大于 0 的整数')
      if (!note.trim()) throw invalid('请写一句说明，如“2026 年度爱心积分”')
      return call('points.fundSponsor', { communityId, sponsorId: sponsor.id, amount: n, note: note.trim(), requestKey })
    },
    { showError: 'keep', success: () => `已注入 ${amount.trim()} 积分`, onSuccess: onDone },
  )
  return (
    <FormCard id='fund-form' title={`给「${sponsor.name}」注入积分`} action={fund} submitId='fund-submit' submitText='确认注入' onCancel={onCancel}>
      <Text className='muted'>现在剩余 {sponsor.budget} 积分</Text>
      <Field label='注入多少积分' id='fund-amount' type='number' value={amount} onChange={setAmount} />
      <Field label='说明' id='fund-note' value={note} maxlength={100} placeholder='如：2026 年度爱心积分' onChange={setNote} />
    </FormCard>
  )
}
