/**
 * 出示签到码 (organiser): the activity's check-in QR, big, for members to scan on site, and beside it the
 * same check-in as 6 digits, very large, to read aloud to someone without a camera (an elderly member
 * types them on the 签到 page). The QR rotates every 30 s and the digits every minute (a forwarded
 * screenshot stops working soon), so the page fetches new ones every 25 s and counts down; the screen is
 * kept on. The long token is shown small under the QR, for someone who has to paste it (H5) — and for tests.
 */
import { useEffect, useRef, useState } from 'react'
import { View, Text, Image, Button } from '@tarojs/components'
import Taro, { useRouter, useDidHide, useDidShow } from '@tarojs/taro'
import type { CheckinCode } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError, type ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { rangeText, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

const REFRESH_S = 25

export default function CheckinCodePage() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const { params } = useRouter()
  const activityId = decodeURIComponent(params.activityId ?? '')
  const key = me && communityId && activityId ? `${me.userId}|${communityId}|${activityId}` : null
  const act = useQuery(key, () => call('activity.get', { communityId: communityId!, activityId }))
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [left, setLeft] = useState(REFRESH_S)
  const [visible, setVisible] = useState(true)
  const fetchedAt = useRef(0)
  const busy = useRef(false)

  async function refresh() {
    if (!communityId || !activityId || busy.current) return
    busy.current = true
    try {
      const c = await call('activity.checkinCode', { communityId, activityId })
      setCode(c)
      setError(null)
      fetchedAt.current = Date.now()
      setLeft(REFRESH_S)
    } catch (e) {
      setError(toApiError(e))
    } finally {
      busy.current = false
    }
  }

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  // While the page is on screen: a code now, then a new one every 25 s, with a countdown.
  useEffect(() => {
    if (!key || !visible) return
    refresh()
    const timer = setInterval(() => {
      const since = (Date.now() - fetchedAt.current) / 1000
      const remain = Math.max(0, Math.ceil(REFRESH_S - since))
      setLeft(remain)
      if (remain <= 0) refresh()
    }, 1000)
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => {
      clearInterval(timer)
      if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, visible])

  const blocked = guard(session, communityId)
  if (blocked) return blocked

  return (
    <PageShell className='checkin-code'>
      {act.data && (
        <View className='card'>
          <Text className='card-title' style={{ display: 'block' }}>
            {act.data.title}
          </Text>
          <Text className='muted'>
            {rangeText(act.data.startAt, act.data.endAt)} · {act.data.place}
          </Text>
        </View>
      )}
      {error && !code ? (
        <>
          <ErrorState error={error} onRetry={refresh} />
          <Button className='btn btn--block' onClick={() => go('party.activity', { id: activityId, c: communityId! })}>
            回到活动
          </Button>
        </>
      ) : !code ? (
        <Loading text='正在生成签到码…' />
      ) : (
        <View className='code-card' id='checkin-code'>
          <Text className='code-card__title'>请用微信扫码签到 / 签退</Text>
          <View className='code-pair'>
            <View className='qr-wrap'>
              <Image className='code-card__qr' id='checkin-qr' src={code.qr} mode='scaleToFill' />
            </View>
            <View className='short-code' id='checkin-short' data-code={code.shortCode} aria-label={`数字签到码 ${code.shortCode.split('').join(' ')}`}>
              <Text className='short-code__label'>不能扫码？读出数字签到码</Text>
              <Text className='short-code__digits' id='checkin-short-digits'>
                {code.shortCode.slice(0, 3)} {code.shortCode.slice(3)}
              </Text>
              <Text className='short-code__note'>在活动页点“签到”，输入这 6 位数字</Text>
            </View>
          </View>
          <Text className='code-card__count' id='checkin-countdown'>
            {left} 秒后自动换新码
          </Text>
          {error && <Text className='note'>刷新失败：{error.message}，正在重试</Text>}
          <Text className='note' style={{ display: 'block', marginTop: '8px' }}>
            二维码每 30 秒、数字码每分钟换一次，截图转发无效。也可以让对方手动输入下面这串字：
          </Text>
          <Text className='code-card__token' id='checkin-token' data-token={code.token} userSelect>
            {code.token}
          </Text>
        </View>
      )}
      {act.data && (
        <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
          已报名 {act.data.signedUp}/{act.data.capacity} 人
        </Text>
      )}
    </PageShell>
  )
}
