/**
 * 扫码签到 / 签退 (member, on site): in WeChat one big button opens the camera
 * (Taro.scanCode onlyFromCamera: a photo from the album cannot prove presence); the scanned text is the
 * token. Without a camera (or without the knack), the member types the 6 digits the organiser reads out
 * from 出示签到码 into one big number box (opened from the activity, which names the activity). If the
 * activity checks location, the phone's position (gcj02) goes with it. In H5 (local mode) a box also takes
 * the long token pasted from the organiser's page. Success is big and green with the time; a refusal is big
 * and red in the server's words (expired code, wrong digits with the tries left, too many tries, too far…).
 */
import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActivityDetail } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError, ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { clock, hoursText, rangeText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

type Mode = 'checkin' | 'checkout'

async function position(): Promise<{ lat: number; lng: number }> {
  try {
    const loc = await Taro.getLocation({ type: 'gcj02' })
    return { lat: loc.latitude, lng: loc.longitude }
  } catch {
    throw new ApiCallError('FORBIDDEN', '没有拿到位置：这个活动要定位签到，请在设置里允许使用位置后再试')
  }
}

export default function ScanPage() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const { params } = useRouter()
  const activityId = params.activityId ? decodeURIComponent(params.activityId) : null
  const key = me && communityId && activityId ? `${me.userId}|${communityId}|${activityId}` : null
  const act = useQuery(key, () => call('activity.get', { communityId: communityId!, activityId: activityId! }))
  const [token, setToken] = useState('')
  const [digits, setDigits] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ mode: Mode; activity: ActivityDetail } | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  if (activityId && act.error) return <PageShell><ErrorState error={act.error} onRetry={act.reload} /></PageShell>
  if (activityId && !act.data) return <PageShell><Loading /></PageShell>

  const a = done?.activity ?? act.data
  const status = a?.mySignup?.status ?? null
  const mode: Mode = status === 'checked_in' ? 'checkout' : 'checkin'
  const verb = mode === 'checkin' ? '签到' : '签退'
  const finished = status === 'checked_out' || status === 'no_show'

  async function submit(raw: string, m: Mode) {
    const t = raw.trim()
    const short = /^\d{6}$/.test(t)
    setError(null)
    if (short ? !activityId : t.length < 10) {
      setError(new ApiCallError('INVALID_INPUT', '这不是签到码，请扫描组织者手机上的二维码，或输入 6 位数字签到码'))
      return
    }
    setBusy(true)
    try {
      const location = a?.hasLocation ? await position() : undefined
      const input = { communityId: communityId!, token: t, ...(activityId ? { activityId } : {}), ...(location ? { location } : {}) }
      const res = m === 'checkin' ? await call('activity.checkin', input) : await call('activity.checkout', input)
      setDone({ mode: m, activity: res })
      act.setData(res)
      setToken('')
      setDigits('')
    } catch (e) {
      setError(e instanceof ApiCallError ? e : toApiError(e))
      if (short) setDigits('') // the digits change every minute: ask for the ones shown now
    } finally {
      setBusy(false)
    }
  }

  async function scan(m: Mode) {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(res.result ?? '', m)
    } catch {
      /* the scan was cancelled */
    }
  }

  // The 6 digits the organiser reads out: for a phone without a camera, or a member who cannot scan.
  const digitsCard = !finished && activityId ? (
    <View className='card' id='scan-digits-card' style={{ marginTop: '24px' }}>
      <Text className='card-title' style={{ display: 'block' }}>
        输入数字签到码
      </Text>
      <Text className='note' style={{ display: 'block' }}>
        请组织者读出“出示签到码”页上的 6 位数字，输入后点“{verb}”。
      </Text>
      <Input
        className='digits-input'
        id='scan-digits'
        type='number'
        maxlength={6}
        value={digits}
        placeholder='6 位数字'
        onInput={(e) => setDigits(e.detail.value.replace(/\D/g, '').slice(0, 6))}
        onConfirm={(e) => submit(e.detail.value, mode)}
      />
      <Button className='btn btn--primary btn--block scan-big' id='scan-digits-submit' loading={busy} disabled={busy || digits.length !== 6} onClick={() => submit(digits, mode)}>
        {verb}
      </Button>
    </View>
  ) : null

  const mine = done?.activity.mySignup
  return (
    <PageShell className='scan'>
      {a && (
        <View className='card'>
          <Text className='card-title' style={{ display: 'block' }}>
            {a.title}
          </Text>
          <Text className='muted'>
            {rangeText(a.startAt, a.endAt)} · {a.place}
          </Text>
        </View>
      )}

      {done && mine && (
        <View className='result-ok' id='scan-result'>
          <Text className='result-ok__title'>✓ {done.mode === 'checkin' ? '签到成功' : '签退成功'}</Text>
          <Text className='result-ok__line'>
            {done.mode === 'checkin' ? `签到时间 ${clock(mine.checkinAt)}` : `签退时间 ${clock(mine.checkoutAt)}`}
          </Text>
          {done.mode === 'checkout' && mine.hours !== null && <Text className='result-ok__line'>本次服务 {hoursText(mine.hours)}</Text>}
          {done.mode === 'checkin' && <Text className='result-ok__line'>活动结束离开时，记得再扫一次码签退。</Text>}
        </View>
      )}
      {error && (
        <View className='result-bad' id='scan-error'>
          <Text>✗ {error.message}</Text>
        </View>
      )}

      {process.env.TARO_ENV !== 'weapp' && digitsCard}
      {finished ? (
        <Text className='pty-ok' style={{ marginTop: '24px' }}>
          这个活动您已经签退了，谢谢参与！组织者确认时长后积分会发给您。
        </Text>
      ) : process.env.TARO_ENV === 'weapp' ? (
        activityId ? (
          <Button className='btn btn--primary btn--block scan-big' id='scan-open' loading={busy} disabled={busy} onClick={() => scan(mode)}>
            扫码{verb}
          </Button>
        ) : (
          <View className='btn-row' style={{ marginTop: '24px' }}>
            <Button className='btn btn--primary scan-big' loading={busy} disabled={busy} onClick={() => scan('checkin')}>
              扫码签到
            </Button>
            <Button className='btn btn--primary scan-big' loading={busy} disabled={busy} onClick={() => scan('checkout')}>
              扫码签退
            </Button>
          </View>
        )
      ) : (
        <View className='card' style={{ marginTop: '24px' }}>
          <Text className='card-title' style={{ display: 'block' }}>
            {activityId ? '或粘贴长签到码' : '输入签到码'}
          </Text>
          <Text className='note' style={{ display: 'block', marginBottom: '12px' }}>
            请组织者打开“出示签到码”，把二维码下面那串字复制到这里（每 30 秒会换新）。
          </Text>
          <Textarea className='scan-input' id='scan-input' value={token} maxlength={120} placeholder='粘贴或输入签到码' onInput={(e) => setToken(e.detail.value)} />
          {activityId ? (
            <Button className='btn btn--primary btn--block scan-big' id='scan-submit' loading={busy} disabled={busy || !token.trim()} onClick={() => submit(token, mode)}>
              {verb}
            </Button>
          ) : (
            <View className='btn-row' style={{ marginTop: '24px' }}>
              <Button className='btn btn--primary' loading={busy} disabled={busy || !token.trim()} onClick={() => submit(token, 'checkin')}>
                签到
              </Button>
              <Button className='btn btn--primary' loading={busy} disabled={busy || !token.trim()} onClick={() => submit(token, 'checkout')}>
                签退
              </Button>
            </View>
          )}
        </View>
      )}
      {process.env.TARO_ENV === 'weapp' && digitsCard}
      {a?.hasLocation && !finished && <Text className='note'>这个活动要在现场定位签到：点按钮后请允许使用位置。</Text>}
      {a && (
        <Button className='btn btn--block' id='scan-back' onClick={() => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : go('party.activity', { id: a.id, c: communityId! }))}>
          回到活动
        </Button>
      )}
    </PageShell>
  )
}
