/**
 * The organiser's part of 活动详情: 出示签到码, the roster with statuses, 确认时长 after the end (each person's
 * measured hours, correctable with a reason), 修改 and 取消活动 (with a reason, in a sheet). The 组织者
 * heading stands over the organiser's tools; once the activity is over and settled there are none.
 */
import { useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import type { ActivityDetail } from '@contract/party'
import { Sheet } from '../../../components/Sheet'
import { Area } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { SIGNUP_LABELS, hoursText } from '../shared'
import { Warn } from './bits'
import { useDraft } from './useDraft'

type Fix = { hours: string; reason: string }
type Row = NonNullable<ActivityDetail['roster']>[number]
type Correction = { userId: string; hours: number; reason: string }

/** The corrections typed into the roster, or what is wrong with them. */
function corrections(fixes: Record<string, Fix>): Correction[] | string {
  const out: Correction[] = []
  for (const [userId, fx] of Object.entries(fixes)) {
    if (fx.hours.trim() === '') continue
    const h = Number(fx.hours)
    if (!Number.isFinite(h) || h < 0 || h > 24) return '时长要填 0 到 24 之间的数字，如 1.5'
    if (!fx.reason.trim()) return '改了时长，请写一句原因，如“提前到场布置”'
    out.push({ userId, hours: h, reason: fx.reason.trim() })
  }
  return out
}

function RosterRow({ r, editable, fx, onFix }: { r: Row; editable: boolean; fx: Fix; onFix: (fx: Fix) => void }) {
  return (
    <View className='item-row' data-user={r.userId} data-status={r.status}>
      <View className='head-row'>
        <Text className='item-row__name'>{r.name}</Text>
        <Text className={`chip chip--${r.status}`}>{SIGNUP_LABELS[r.status]}</Text>
      </View>
      <Text className='muted'>
        {r.confirmedHours !== null
          ? `已确认 ${hoursText(r.confirmedHours)}`
          : r.hours !== null
            ? `签到签退计 ${hoursText(r.hours)}`
            : r.status === 'checked_in'
              ? '已签到，未签退'
              : ''}
      </Text>
      {editable && (
        <View className='form-row--inline' style={{ display: 'flex', gap: '12px', marginTop: '8px' }}>
          <Text className='note'>改为</Text>
          <Input
            className='form-input hours-input'
            type='digit'
            value={fx.hours}
            placeholder={r.hours !== null ? String(r.hours) : '0'}
            onInput={(e) => onFix({ ...fx, hours: e.detail.value })}
          />
          <Text className='note'>小时</Text>
          {fx.hours.trim() !== '' && (
            <Input className='form-input' value={fx.reason} maxlength={100} placeholder='原因' onInput={(e) => onFix({ ...fx, reason: e.detail.value })} />
          )}
        </View>
      )}
    </View>
  )
}

export function OrganiserPanel(props: {
  a: ActivityDetail
  communityId: string
  started: boolean
  ended: boolean
  shareHint: string
  onChange: (a: ActivityDetail) => void
  reload: () => void
}) {
  const { a, communityId, started, ended } = props
  const cancelled = a.status === 'cancelled'
  const [fixes, setFixes] = useState<Record<string, Fix>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<{ confirmed: number; noShows: number; credited: number; stillIn: number } | null>(null)
  const ids = { communityId, activityId: a.id }
  const confirm = useAction((list: Correction[]) => call('activity.confirmHours', { ...ids, ...(list.length ? { corrections: list } : {}) }), {
    confirm: () => ({
      title: '确认时长',
      content: `确认后按时长发放积分（每小时 ${a.pointsPerHour} 分），没签到的记为未到场。确认后不能再改。`,
      confirmText: '确认',
      cancelText: '再看看',
    }),
    onSuccess: (res) => {
      props.onChange(res.activity)
      setDone(res)
      setFixes({})
    },
    showError: 'keep',
  })
  const cancel = useAction((reason: string) => call('activity.cancel', { ...ids, reason }), {
    success: '活动已取消',
    onSuccess: () => {
      cancelling.close()
      props.reload()
    },
    reload: props.reload,
    showError: 'keep',
  })
  const confirmHours = () => {
    const list = corrections(fixes)
    setProblem(typeof list === 'string' ? list : null)
    if (typeof list !== 'string') confirm.run(list)
  }
  const cancelling = useDraft(
    cancel,
    (d: { reason: string }) => (d.reason.trim() ? null : '请写明取消的原因，报名的人会收到通知'),
    (d) => cancel.run(d.reason.trim()),
  )

  const roster = a.roster ?? []
  const toConfirm = roster.filter((r) => r.status !== 'withdrawn' && r.confirmedHours === null)
  const settling = ended && !cancelled && toConfirm.length > 0
  const shown = problem ?? confirm.error?.message
  return (
    <>
      {((!cancelled && !ended) || !!done || settling) && <View className='section-title'>组织者</View>}
      {!cancelled && !ended && (
        <Button className='btn btn--primary btn--block scan-big' id='activity-show-code' onClick={() => go('party.checkinCode', ids)}>
          出示签到码
        </Button>
      )}
      {done && (
        <Text className='pty-ok' id='confirm-result' style={{ marginTop: '24px' }}>
          已确认 {done.confirmed} 人，未到场 {done.noShows} 人，发放 {done.credited} 积分
          {done.stillIn > 0 ? `；还有 ${done.stillIn} 人没签退，签退后请再点一次确认` : ''}
        </Text>
      )}
      <View className='card' id='activity-roster' style={{ marginTop: '24px' }}>
        <Text className='card-title'>报名名单（{roster.filter((r) => r.status !== 'withdrawn').length} 人）</Text>
        {roster.length === 0 ? (
          <Text className='muted' style={{ display: 'block' }}>
            还没有人报名。{props.shareHint}
          </Text>
        ) : (
          roster.map((r) => (
            <RosterRow
              key={r.userId}
              r={r}
              editable={settling && r.status !== 'withdrawn' && r.confirmedHours === null}
              fx={fixes[r.userId] ?? { hours: '', reason: '' }}
              onFix={(fx) => setFixes({ ...fixes, [r.userId]: fx })}
            />
          ))
        )}
      </View>
      {shown && <Warn bad>{shown}</Warn>}
      {settling && (
        <>
          <Text className='note' style={{ display: 'block' }}>
            按签到签退计时；有人忘了签退或提前到场帮忙，可在上面改时长并写原因。
          </Text>
          <Button className='btn btn--primary btn--block' id='activity-confirm-hours' loading={confirm.busy} disabled={confirm.busy} onClick={confirmHours}>
            确认时长并发积分
          </Button>
        </>
      )}
      {!ended && !cancelled && (
        <Text className='note' style={{ display: 'block' }}>
          活动结束后，在这里确认每个人的服务时长。
        </Text>
      )}
      {!cancelled && !started && (
        <Button className='btn btn--block' onClick={() => go('party.adminActivity', ids)}>
          修改活动
        </Button>
      )}
      {!cancelled && !ended && (
        <Button className='btn btn--block' id='activity-cancel-open' onClick={() => cancelling.open({ reason: '' })}>
          取消活动
        </Button>
      )}
      {cancelling.draft && (
        <Sheet title='取消活动' submitText='确认取消' cancelText='不取消' {...cancelling.sheet}>
          <Area
            label='原因（报名的人会收到通知）'
            value={cancelling.draft.reason}
            maxlength={200}
            placeholder='写明原因，如：下雨改期'
            onChange={(reason) => cancelling.set({ reason })}
          />
        </Sheet>
      )}
    </>
  )
}
