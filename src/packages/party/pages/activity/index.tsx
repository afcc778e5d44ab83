/**
 * 活动详情: when (start–end), where, 已报名 12/40, points per hour, who organises it; 报名 / 取消报名;
 * on the day, for a signed-up member, 扫码签到 / 扫码签退 (the scan page) and then their status and hours.
 * For the organiser: components/OrganiserPanel.tsx. Shared into the compound's WeChat group with a card that
 * opens this page (weapp); the browser build, which has no 转发 menu, copies the page's link instead.
 */
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useDidShow } from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { usePullDown } from '../../../../hooks/usePullDown'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { call, type ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { askSubscribe } from '../../../../services/subscribe'
import { timeRange } from '../../../../services/time'
import { ROUTES } from '../../../../routes'
import { CHECKOUT_GRACE_MIN, NO_COMMUNITY, phase } from '../../shared'
import { Warn } from '../../components/bits'
import { ActivityFacts, MySignup } from '../../components/ActivityFacts'
import { OrganiserPanel } from '../../components/OrganiserPanel'
import '../../party.scss'

const SHARE_HINT = process.env.TARO_ENV === 'weapp' ? '把活动分享到小区群里吧（右上角 ··· 转发）。' : '复制活动链接，发到小区群里吧（下方「复制活动链接」）。'

/** A refusal's way forward: not a party member yet → register; full → other activities. */
function forward(e: ApiCallError): { text: string; run: () => void } | null {
  if (e.reason === 'NOT_PARTY_MEMBER') return { text: '去党员报到', run: () => go('party.register', {}) }
  if (e.reason === 'FULL') return { text: '看看别的活动', run: () => go('party.activities') }
  return null
}

/** H5 only: the hash route of this page, which opens it for whoever has the link (Taro shows 内容已复制). */
function copyLink(activityId: string, communityId: string) {
  const url = `${window.location.origin}${window.location.pathname}#${ROUTES['party.activity']}?id=${encodeURIComponent(activityId)}&c=${encodeURIComponent(communityId)}`
  Taro.setClipboardData({ data: url }).catch(() => Taro.showModal({ title: '复制活动链接', content: url, showCancel: false }))
}

export default function ActivityPage() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const { params } = useRouter()
  const activityId = decodeURIComponent(params.id ?? params.activityId ?? '')
  const key = me && communityId && activityId ? `${me.userId}|${communityId}|${activityId}` : null
  const act = useQuery(key, () => call('activity.get', { communityId: communityId!, activityId }))
  const ids = { communityId: communityId!, activityId }
  const join = useAction((what: 'signUp' | 'withdraw') => call(what === 'signUp' ? 'activity.signUp' : 'activity.withdraw', ids), {
    confirm: (what) =>
      what === 'withdraw'
        ? { title: '取消报名', content: `确定不参加「${act.data?.title ?? ''}」了吗？名额会让给别人。`, confirmText: '确定取消', cancelText: '再想想' }
        : null,
    success: (_, what) => (what === 'signUp' ? '报名成功' : '已取消报名'),
    onSuccess: act.reload,
    onError: (e) => e.code !== 'INTERNAL' && act.reload(),
    showError: 'keep',
  })
  const signUp = async () => {
    if (join.busy) return
    // Inside the tap: the reminder the day before (or the notice if it is cancelled) needs this consent.
    await askSubscribe(['reminder'])
    await join.run('signUp')
  }

  useShareAppMessage(() => ({
    title: act.data ? `一起来参加：${act.data.title}（${timeRange(act.data.startAt, act.data.endAt)}）` : '社区志愿活动，邀您参加',
    path: act.data && communityId ? `${ROUTES['party.activity']}?id=${act.data.id}&c=${communityId}` : ROUTES['party.activities'],
  }))
  // Back from the scan page or the edit page: the status has changed.
  useDidShow(() => {
    if (key && act.data) act.reload()
  })
  usePullDown(act.reload)

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='activity'>
      <Loaded query={act}>
        {(a) => {
          const now = Date.now()
          const started = now >= new Date(a.startAt).getTime()
          const ended = now > new Date(a.endAt).getTime()
          const cancelled = a.status === 'cancelled'
          const s = a.mySignup
          const full = a.signedUp >= a.capacity
          const way = join.error && forward(join.error)
          const scan = () => go('party.scan', ids)
          return (
            <>
              <ActivityFacts a={a} started={started} ended={ended} />
              {s && <MySignup s={s} />}
              {join.error && (
                <View className='result-bad' id='activity-problem'>
                  <Text>{join.error.message}</Text>
                  {way && (
                    <Button className='btn btn--block' onClick={way.run}>
                      {way.text}
                    </Button>
                  )}
                </View>
              )}

              {!cancelled && !a.isOrganiser && (
                <>
                  {!s &&
                    !ended &&
                    (!me?.privacy.needsConsent ? (
                      <Button
                        className='btn btn--primary btn--block scan-big'
                        id='activity-signup'
                        loading={join.busy}
                        disabled={join.busy || full}
                        onClick={signUp}
                      >
                        {full ? '名额已满' : '我要报名'}
                      </Button>
                    ) : (
                      <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
                        同意隐私保护指引后才能报名
                      </Button>
                    ))}
                  {s?.status === 'signed' && phase(a, now) === 'open' && (
                    <Button className='btn btn--primary btn--block scan-big' id='activity-checkin' onClick={scan}>
                      扫码签到
                    </Button>
                  )}
                  {s?.status === 'checked_in' && now <= new Date(a.endAt).getTime() + CHECKOUT_GRACE_MIN * 60_000 && (
                    <Button className='btn btn--primary btn--block scan-big' id='activity-checkout' onClick={scan}>
                      扫码签退
                    </Button>
                  )}
                  {s?.status === 'signed' && phase(a, now) === 'early' && (
                    <Warn style={{ marginTop: '24px' }}>活动开始前 30 分钟可以扫码签到，到时请打开这个页面。</Warn>
                  )}
                  {s?.status === 'signed' && !started && (
                    <Button className='btn btn--block' id='activity-withdraw' disabled={join.busy} onClick={() => join.run('withdraw')}>
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

              {a.isOrganiser && (
                <OrganiserPanel
                  a={a}
                  communityId={communityId!}
                  started={started}
                  ended={ended}
                  shareHint={SHARE_HINT}
                  onChange={act.setData}
                  reload={act.reload}
                />
              )}
              {process.env.TARO_ENV === 'weapp' && (
                <Button className='btn btn--block' openType='share' id='activity-share'>
                  转发到小区群
                </Button>
              )}
              {process.env.TARO_ENV === 'h5' && (
                <Button className='btn btn--block' id='activity-copy-link' onClick={() => copyLink(a.id, communityId!)}>
                  复制活动链接
                </Button>
              )}
            </>
          )
        }}
      </Loaded>
      {act.error && (
        <Button className='btn btn--block' onClick={() => go('party.activities')}>
          看看别的活动
        </Button>
      )}
    </Guard>
  )
}
