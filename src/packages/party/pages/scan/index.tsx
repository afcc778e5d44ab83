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
import { Guard, Loaded } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { call, ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { clock } from '../../../../services/time'
import { NO_COMMUNITY, hoursText } from '../../shared'
import { ActivityBrief } from '../../components/ActivityItem'
import '../../party.scss'

type Mode = 'checkin' | 'checkout'
const VERB: Record<Mode, string> = { checkin: '签到', checkout: '签退' }
/** Without an activity in the route there is nothing to load first. */
const NOTHING_TO_LOAD = { data: true, error: null, reload: () => undefined }

async function position(): Promise<{ lat: number; lng: number }> {
  try {
    const loc = await Taro.getLocation({ type: 'gcj02' })
    return { lat: loc.latitude, lng: loc.longitude }
  } catch {
    throw new ApiCallError('FORBIDDEN', '没有拿到位置：这个活动要定位签到，请在设置里允许使用位置后再试')
  }
}

/** Two buttons (签到, 签退) when the page names no activity, else one for what comes next. */
function ModeButtons(props: {
  mode: Mode | null
  busy: boolean
  disabled?: boolean
  big?: boolean
  onPick: (m: Mode) => void
  id?: string
  text?: (m: Mode) => string
}) {
  const text = props.text ?? ((m: Mode) => VERB[m])
  const one = (m: Mode, className: string, id?: string) => (
    <Button key={m} className={className} id={id} loading={props.busy} disabled={props.busy || props.disabled} onClick={() => props.onPick(m)}>
      {text(m)}
    </Button>
  )
  if (props.mode) return one(props.mode, 'btn btn--primary btn--block scan-big', props.id)
  return (
    <View className='btn-row' style={{ marginTop: '24px' }}>
      {(['checkin', 'checkout'] as const).map((m) => one(m, `btn btn--primary${props.big ? ' scan-big' : ''}`))}
    </View>
  )
}

export default function ScanPage() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const { params } = useRouter()
  const activityId = params.activityId ? decodeURIComponent(params.activityId) : null
  const key = me && communityId && activityId ? `${me.userId}|${communityId}|${activityId}` : null
  const act = useQuery(key, () => call('activity.get', { communityId: communityId!, activityId: activityId! }))
  const [token, setToken] = useState('')
  const [digits, setDigits] = useState('')
  const [done, setDone] = useState<{ mode: Mode; activity: ActivityDetail } | null>(null)
  const a = done?.activity ?? act.data
  const status = a?.mySignup?.status ?? null
  const mode: Mode = status === 'checked_in' ? 'checkout' : 'checkin'
  const finished = status === 'checked_out' || status === 'no_show'

  const check = useAction(
    async (raw: string, m: Mode) => {
      const t = raw.trim()
      if (/^\d{6}$/.test(t) ? !activityId : t.length < 10)
        throw new ApiCallError('INVALID_INPUT', '这不是签到码，请扫描组织者手机上的二维码，或输入 6 位数字签到码')
      const location = a?.hasLocation ? await position() : undefined
      const input = { communityId: communityId!, token: t, ...(activityId ? { activityId } : {}), ...(location ? { location } : {}) }
      return m === 'checkin' ? call('activity.checkin', input) : call('activity.checkout', input)
    },
    {
      onSuccess: (res, _, m) => {
        setDone({ mode: m, activity: res })
        act.setData(res)
        setToken('')
        setDigits('')
      },
      onError: (_, raw) => /^\d{6}$/.test(raw.trim()) && setDigits(''), // the digits change every minute: ask for the ones shown now
      showError: 'keep',
    },
  )
  const scan = async (m: Mode) => {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null) // null: the scan was cancelled
    if (res) await check.run(res.result ?? '', m)
  }
  const one = activityId ? mode : null
  const mine = done?.activity.mySignup

  // The 6 digits the organiser reads out: for a phone without a camera, or a member who cannot scan.
  const digitsCard = !finished && activityId && (
    <View className='card' id='scan-digits-card' style={{ marginTop: '24px' }}>
      <Text className='card-title' style={{ display: 'block' }}>
        输入数字签到码
      </Text>
      <Text className='note' style={{ display: 'block' }}>
        请组织者读出“出示签到码”页上的 6 位数字，输入后点“{VERB[mode]}”。
      </Text>
      <Input
        className='digits-input'
        id='scan-digits'
        type='number'
        maxlength={6}
        value={digits}
        placeholder='6 位数字'
        onInput={(e) => setDigits(e.detail.value.replace(/\D/g, '').slice(0, 6))}
        onConfirm={(e) => check.run(e.detail.value, mode)}
      />
      <ModeButtons mode={mode} id='scan-digits-submit' busy={check.busy} disabled={digits.length !== 6} onPick={(m) => check.run(digits, m)} />
    </View>
  )

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='scan'>
      <Loaded<unknown> query={activityId ? act : NOTHING_TO_LOAD}>
        {() => (
          <>
            {a && <ActivityBrief a={a} />}
            {done && mine && (
              <View className='result-ok' id='scan-result'>
                <Text className='result-ok__title'>✓ {VERB[done.mode]}成功</Text>
                <Text className='result-ok__line'>{done.mode === 'checkin' ? `签到时间 ${clock(mine.checkinAt)}` : `签退时间 ${clock(mine.checkoutAt)}`}</Text>
                {done.mode === 'checkout' && mine.hours !== null && <Text className='result-ok__line'>本次服务 {hoursText(mine.hours)}</Text>}
                {done.mode === 'checkin' && <Text className='result-ok__line'>活动结束离开时，记得再扫一次码签退。</Text>}
              </View>
            )}
            {check.error && (
              <View className='result-bad' id='scan-error'>
                <Text>✗ {check.error.message}</Text>
              </View>
            )}

            {process.env.TARO_ENV !== 'weapp' && digitsCard}
            {finished ? (
              <Text className='pty-ok' style={{ marginTop: '24px' }}>
                这个活动您已经签退了，谢谢参与！组织者确认时长后积分会发给您。
              </Text>
            ) : process.env.TARO_ENV === 'weapp' ? (
              <ModeButtons mode={one} id='scan-open' big busy={check.busy} text={(m) => `扫码${VERB[m]}`} onPick={scan} />
            ) : (
              <View className='card' style={{ marginTop: '24px' }}>
                <Text className='card-title' style={{ display: 'block' }}>
                  {activityId ? '或粘贴长签到码' : '输入签到码'}
                </Text>
                <Text className='note' style={{ display: 'block', marginBottom: '12px' }}>
                  请组织者打开“出示签到码”，把二维码下面那串字复制到这里（每 30 秒会换新）。
                </Text>
                <Textarea
                  className='form-textarea scan-input'
                  id='scan-input'
                  value={token}
                  maxlength={120}
                  placeholder='粘贴或输入签到码'
                  onInput={(e) => setToken(e.detail.value)}
                />
                <ModeButtons mode={one} id='scan-submit' busy={check.busy} disabled={!token.trim()} onPick={(m) => check.run(token, m)} />
              </View>
            )}
            {process.env.TARO_ENV === 'weapp' && digitsCard}
            {a?.hasLocation && !finished && <Text className='note'>这个活动要在现场定位签到：点按钮后请允许使用位置。</Text>}
            {a && (
              <Button
                className='btn btn--block'
                id='scan-back'
                onClick={() => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : go('party.activity', { id: a.id, c: communityId! }))}
              >
                回到活动
              </Button>
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
