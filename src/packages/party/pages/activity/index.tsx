/**
 * 活动详情: when (start–end), where, 已报名 12/40, points per hour, who organises it; 报名 / 取消报名;
 * on the day, for a signed-up member, 扫码签到 / 扫码签退 (the scan page) and then their status and hours.
 * For the organiser: 出示签到码 (the rotating QR), the roster with statuses, 确认时长 after the end
 * (each person's measured hours, correctable with a reason), 修改 and 取消活动. Shared into the
 * compound's WeChat group with a card that opens this page (weapp); the browser build, which has no
 * 转发 menu, copies the page's link instead.
 */
import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { ErrorReason } from '@contract/common'
import type { ActivityDetail } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { askSubscribe } from '../../../../services/subscribe'
import { ROUTES } from '../../../../routes'
import { CHECKOUT_GRACE_MIN, SIGNUP_LABELS, clock, hoursText, phase, rangeText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

type Fix = { hours: string; reason: string }

export default function ActivityPage() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const { params } = useRouter()
  const activityId = decodeURIComponent(params.id ?? params.activityId ?? '')
  const key = me && communityId && activityId ? `${me.userId}|${communityId}|${activityId}` : null
  const act = useQuery(key, () => call('activity.get', { communityId: communityId!, activityId }))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ message: string; forward?: { text: string; run: () => void } } | null>(null)
  const [fixes, setFixes] = useState<Record<string, Fix>>({})
  const [cancelling, setCancelling] = useState<string | null>(null)
  const [confirmed, setConfirmed] = useState<{ confirmed: number; noShows: number; credited: number; stillIn: number } | null>(null)

  useShareAppMessage(() => ({
    title: act.data ? `一起来参加：${act.data.title}（${rangeText(act.data.startAt, act.data.endAt)}）` : '社区志愿活动，邀您参加',
    path: act.data && communityId ? `${ROUTES['party.activity']}?id=${act.data.id}&c=${communityId}` : ROUTES['party.activities'],
  }))
  // Back from the scan page or the edit page: the status has changed.
  useDidShow(() => {
    if (key && act.data) act.reload()
  })
  usePullDownRefresh(() => {
    act.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  if (act.error) {
    return (
      <PageShell>
        <ErrorState error={act.error} onRetry={act.reload} />
        <Button className='btn btn--block' onClick={() => go('party.activities')}>
          看看别的活动
        </Button>
      </PageShell>
    )
  }
  if (!act.data) return <PageShell><Loading /></PageShell>
  const a: ActivityDetail = act.data
  const now = Date.now()
  const p = phase(a, now)
  const started = now >= new Date(a.startAt).getTime()
  const ended = now > new Date(a.endAt).getTime()
  const cancelled = a.status === 'cancelled'
  const s = a.mySignup
  const canWrite = !!me && !me.privacy.needsConsent
  const full = a.signedUp >= a.capacity

  async function run(what: () => Promise<unknown>, ok: string) {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await what()
      Taro.showToast({ title: ok, icon: 'none' })
      act.reload()
    } catch (e) {
      const err = toApiError(e)
      const forward =
        err.reason === ('NOT_PARTY_MEMBER' satisfies ErrorReason)
          ? { text: '去党员报到', run: () => go('party.register', {}) }
          : err.reason === ('FULL' satisfies ErrorReason)
            ? { text: '看看别的活动', run: () => go('party.activities') }
            : undefined
      setProblem({ message: err.message, forward })
      if (err.code !== 'INTERNAL') act.reload()
    } finally {
      setBusy(false)
    }
  }

  async function signUp() {
    if (busy) return
    // Inside the tap: the reminder the day before (or the notice if it is cancelled) needs this consent.
    await askSubscribe(['reminder'])
    await run(() => call('activity.signUp', { communityId: communityId!, activityId: a.id }), '报名成功')
  }
  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '取消报名', content: `确定不参加「${a.title}」了吗？名额会让给别人。`, confirmText: '确定取消', cancelText: '再想想', confirmColor: '#C8161D' })
    if (confirm) run(() => call('activity.withdraw', { communityId: communityId!, activityId: a.id }), '已取消报名')
  }
  async function cancelActivity() {
    const reason = (cancelling ?? '').trim()
    if (!reason) return setProblem({ message: '请写明取消的原因，报名的人会收到通知' })
    await run(() => call('activity.cancel', { communityId: communityId!, activityId: a.id, reason }), '活动已取消')
    setCancelling(null)
  }
  async function confirmHours() {
    const corrections: { userId: string; hours: number; reason: string }[] = []
    for (const [userId, fx] of Object.entries(fixes)) {
      if (fx.hours.trim() === '') continue
      const h = Number(fx.hours)
      if (!Number.isFinite(h) || h < 0 || h > 24) return setProblem({ message: '时长要填 0 到 24 之间的数字，如 1.5' })
      if (!fx.reason.trim()) return setProblem({ message: '改了时长，请写一句原因，如“提前到场布置”' })
      corrections.push({ userId, hours: h, reason: fx.reason.trim() })
    }
    const { confirm } = await Taro.showModal({
      title: '确认时长',
      content: `确认后按时长发放积分（每小时 ${a.pointsPerHour} 分），没签到的记为未到场。确认后不能再改。`,
      confirmText: '确认',
      cancelText: '再看看',
      confirmColor: '#C8161D',
    })
    if (!confirm || busy) return
    setBusy(true)
    setProblem(null)
    try {
      const res = await call('activity.confirmHours', { communityId: communityId!, activityId: a.id, ...(corrections.length ? { corrections } : {}) })
      act.setData(res.activity)
      setConfirmed(res)
      setFixes({})
    } catch (e) {
      setProblem({ message: toApiError(e).message })
    } finally {
      setBusy(false)
    }
  }

  const roster = a.roster ?? []
  const toConfirm = roster.filter((r) => r.status !== 'withdrawn' && r.confirmedHours === null)
  // The 组织者 heading stands over the organiser's tools; once the activity is over and settled there are none.
  const organiserTools = (!cancelled && !ended) || !!confirmed || (ended && !cancelled && toConfirm.length > 0) || cancelling !== null
  const shareHint = process.env.TARO_ENV === 'weapp' ? '把活动分享到小区群里吧（右上角 ··· 转发）。' : '复制活动链接，发到小区群里吧（下方「复制活动链接」）。'

  function copyLink() {
    // H5 only: the hash route of this page, which opens it for whoever has the link (Taro shows 内容已复制).
    const url = `${window.location.origin}${window.location.pathname}#${ROUTES['party.activity']}?id=${encodeURIComponent(a.id)}&c=${encodeURIComponent(communityId!)}`
    Taro.setClipboardData({ data: url }).catch(() => Taro.showModal({ title: '复制活动链接', content: url, showCancel: false }))
  }

  return (
    <PageShell className='activity'>
      <View className='card' id='activity-head'>
        <View className='head-row'>
          <Text className='act__big' id='activity-title'>
            {a.title}
          </Text>
          {cancelled ? <Text className='chip chip--cancelled'>已取消</Text> : ended ? <Text className='chip'>已结束</Text> : started ? <Text className='chip chip--ok'>进行中</Text> : null}
        </View>
        <View className='row'>
          <Text className='row__label'>时间</Text>
          <Text className='row__value'>{rangeText(a.startAt, a.endAt)}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>地点</Text>
          <Text className='row__value'>{a.place}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>名额</Text>
          <Text className='row__value' id='activity-capacity'>
            已报名 {a.signedUp}/{a.capacity}
            {full && !cancelled ? '（已满）' : ''}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__label'>积分</Text>
          <Text className='row__value act__pts'>每小时 {a.pointsPerHour} 分</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>组织者</Text>
          <Text className='row__value'>{a.organiserName}</Text>
        </View>
        {a.hasLocation && <Text className='note'>这个活动要在现场定位签到，请打开手机定位。</Text>}
      </View>

      {/* ---- me: sign-up and check-in ---- */}
      {s && (
        <View className='card' id='my-signup' data-status={s.status}>
          <View className='head-row'>
            <Text className='card-title'>我的报名</Text>
            <Text className={`chip chip--${s.status}`}>{SIGNUP_LABELS[s.status]}</Text>
          </View>
          {s.checkinAt && <Text className='muted' style={{ display: 'block' }}>签到时间 {clock(s.checkinAt)}</Text>}
          {s.checkoutAt && <Text className='muted' style={{ display: 'block' }}>签退时间 {clock(s.checkoutAt)}</Text>}
          {s.hours !== null && <Text className='muted' style={{ display: 'block' }}>服务时长 {hoursText(s.hours)}</Text>}
          {s.confirmedHours !== null ? (
            <Text className='pty-ok' id='my-confirmed' style={{ marginTop: '12px' }}>
              组织者已确认 {hoursText(s.confirmedHours)}，积分已发到“我的积分”
            </Text>
          ) : s.status === 'checked_out' ? (
            <Text className='note'>活动结束后，组织者确认时长就会发积分。</Text>
          ) : null}
        </View>
      )}
      {problem && (
        <View className='result-bad' id='activity-problem'>
          <Text>{problem.message}</Text>
          {problem.forward && (
            <Button className='btn btn--block' onClick={problem.forward.run}>
              {problem.forward.text}
            </Button>
          )}
        </View>
      )}

      {!cancelled && !a.isOrganiser && (
        <>
          {!s && !ended && (
            canWrite ? (
              <Button className='btn btn--primary btn--block scan-big' id='activity-signup' loading={busy} disabled={busy || full} onClick={signUp}>
                {full ? '名额已满' : '我要报名'}
              </Button>
            ) : (
              <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
                同意隐私保护指引后才能报名
              </Button>
            )
          )}
          {s?.status === 'signed' && p === 'open' && (
            <Button className='btn btn--primary btn--block scan-big' id='activity-checkin' onClick={() => go('party.scan', { communityId: communityId!, activityId: a.id })}>
              扫码签到
            </Button>
          )}
          {s?.status === 'checked_in' && now <= new Date(a.endAt).getTime() + CHECKOUT_GRACE_MIN * 60_000 && (
            <Button className='btn btn--primary btn--block scan-big' id='activity-checkout' onClick={() => go('party.scan', { communityId: communityId!, activityId: a.id })}>
              扫码签退
            </Button>
          )}
          {s?.status === 'signed' && p === 'early' && <Text className='pty-warn' style={{ marginTop: '24px' }}>活动开始前 30 分钟可以扫码签到，到时请打开这个页面。</Text>}
          {s?.status === 'signed' && !started && (
            <Button className='btn btn--block' id='activity-withdraw' disabled={busy} onClick={withdraw}>
              取消报名
            </Button>
          )}
        </>
      )}

      {a.description ? (
        <View className='card' style={{ marginTop: '24px' }}>
          <Text className='card-title'>活动介绍</Text>
          <Text style={{ display: 'block' }}>{a.description}</Text>
        </View>
      ) : null}

      {/* ---- the organiser ---- */}
      {a.isOrganiser && (
        <>
          {organiserTools && <View className='section-title'>组织者</View>}
          {!cancelled && !ended && (
            <Button className='btn btn--primary btn--block scan-big' id='activity-show-code' onClick={() => go('party.checkinCode', { communityId: communityId!, activityId: a.id })}>
              出示签到码
            </Button>
          )}
          {confirmed && (
            <Text className='pty-ok' id='confirm-result' style={{ marginTop: '24px' }}>
              已确认 {confirmed.confirmed} 人，未到场 {confirmed.noShows} 人，发放 {confirmed.credited} 积分
              {confirmed.stillIn > 0 ? `；还有 ${confirmed.stillIn} 人没签退，签退后请再点一次确认` : ''}
            </Text>
          )}
          <View className='card' id='activity-roster' style={{ marginTop: '24px' }}>
            <Text className='card-title'>报名名单（{roster.filter((r) => r.status !== 'withdrawn').length} 人）</Text>
            {roster.length === 0 ? (
              <Text className='muted' style={{ display: 'block' }}>还没有人报名。{shareHint}</Text>
            ) : (
              roster.map((r) => {
                const fx = fixes[r.userId] ?? { hours: '', reason: '' }
                const editable = ended && !cancelled && r.status !== 'withdrawn' && r.confirmedHours === null
                return (
                  <View key={r.userId} className='item-row' data-user={r.userId} data-status={r.status}>
                    <View className='head-row'>
                      <Text className='item-row__name'>{r.name}</Text>
                      <Text className={`chip chip--${r.status}`}>{SIGNUP_LABELS[r.status]}</Text>
                    </View>
                    <Text className='muted'>
                      {r.confirmedHours !== null ? `已确认 ${hoursText(r.confirmedHours)}` : r.hours !== null ? `签到签退计 ${hoursText(r.hours)}` : r.status === 'checked_in' ? '已签到，未签退' : ''}
                    </Text>
                    {editable && (
                      <View className='form-row--inline' style={{ display: 'flex', gap: '12px', marginTop: '8px' }}>
                        <Text className='note'>改为</Text>
                        <Input
                          className='hours-input'
                          type='digit'
                          value={fx.hours}
                          placeholder={r.hours !== null ? String(r.hours) : '0'}
                          onInput={(e) => setFixes({ ...fixes, [r.userId]: { ...fx, hours: e.detail.value } })}
                        />
                        <Text className='note'>小时</Text>
                        {fx.hours.trim() !== '' && (
                          <Input
                            className='form-input'
                            value={fx.reason}
                            maxlength={100}
                            placeholder='原因'
                            onInput={(e) => setFixes({ ...fixes, [r.userId]: { ...fx, reason: e.detail.value } })}
                          />
                        )}
                      </View>
                    )}
                  </View>
                )
              })
            )}
          </View>
          {ended && !cancelled && toConfirm.length > 0 && (
            <>
              <Text className='note' style={{ display: 'block' }}>按签到签退计时；有人忘了签退或提前到场帮忙，可在上面改时长并写原因。</Text>
              <Button className='btn btn--primary btn--block' id='activity-confirm-hours' loading={busy} disabled={busy} onClick={confirmHours}>
                确认时长并发积分
              </Button>
            </>
          )}
          {!ended && !cancelled && <Text className='note' style={{ display: 'block' }}>活动结束后，在这里确认每个人的服务时长。</Text>}
          {!cancelled && !started && (
            <Button className='btn btn--block' onClick={() => go('party.adminActivity', { communityId: communityId!, activityId: a.id })}>
              修改活动
            </Button>
          )}
          {!cancelled && !ended && cancelling === null && (
            <Button className='btn btn--block' id='activity-cancel-open' onClick={() => setCancelling('')}>
              取消活动
            </Button>
          )}
          {cancelling !== null && (
            <View className='card' style={{ marginTop: '24px' }}>
              <Text className='card-title'>取消活动</Text>
              <Textarea className='form-textarea' value={cancelling} maxlength={200} placeholder='写明原因，如：下雨改期' onInput={(e) => setCancelling(e.detail.value)} />
              <View className='btn-row' style={{ marginTop: '16px' }}>
                <Button className='btn' onClick={() => setCancelling(null)}>
                  不取消
                </Button>
                <Button className='btn btn--primary' loading={busy} disabled={busy} onClick={cancelActivity}>
                  确认取消
                </Button>
              </View>
            </View>
          )}
        </>
      )}
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn--block' openType='share' id='activity-share'>
          转发到小区群
        </Button>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <Button className='btn btn--block' id='activity-copy-link' onClick={copyLink}>
          复制活动链接
        </Button>
      )}
    </PageShell>
  )
}
