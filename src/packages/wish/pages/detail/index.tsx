/**
 * 心愿详情: the wish and its whole story. Status, description, photos, place, wished-by date; the
 * timeline of every change (时间 · 谁 · 做了什么, with notes and photos); the wisher's contact for those
 * who need it (claimer, secretary, the wisher's side; tap the number to call); proof and rating; and the
 * buttons the server says this viewer may use (`can`), each through a sheet that says what happens.
 * Works as the first page of a share card (/packages/wish/pages/detail/index?id=…&c=…): it logs in, then loads.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button, Image, Textarea } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { WishDetail } from '@contract/wish'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import type { TemplateName } from '@contract/templates'
import { EVENT_TEXT, askSubscribe, wishCommunityId } from '../../../../features/wish/shared'
import { dateTime as whenText, dayText } from '../../../../services/time'
import { StatusChip } from '../../../../features/wish/WishCard'
import { guard } from '../../components/Guard'
import { Sheet } from '../../components/Sheet'
import { PhotoPicker, PhotoRow } from '../../components/Photos'
import { MemberPicker } from '../../components/MemberPicker'
import '../../wish.scss'

type Kind = 'claim' | 'release' | 'progress' | 'fulfil' | 'confirm' | 'withdraw' | 'approve' | 'reject' | 'dispatch'

/** The subscribe messages each tap leads to for the person tapping (asked for inside that tap). */
const SUBSCRIBE_ON: Partial<Record<Kind, TemplateName[]>> = {
  claim: ['wishConfirmed', 'reminder'],
  fulfil: ['wishConfirmed'],
  progress: ['reminder'],
}

const STAR_WORDS = ['', '不太满意', '一般', '还不错', '很满意', '非常满意，谢谢！']

const SHEETS: Record<Kind, { title: string; body: string; submit: string; done: string; text?: { label: string; placeholder: string; required: string | null } }> = {
  claim: { title: '认领这个心愿', body: '认领后您能看到许愿人的电话和门牌，请尽快联系、上门帮忙。做不了可以放弃认领。', submit: '确认认领', done: '认领成功，请尽快联系许愿人' },
  release: { title: '放弃认领', body: '放弃后心愿回到心愿墙，其他党员志愿者可以认领。', submit: '确认放弃', done: '已放弃认领', text: { label: '放弃的原因', placeholder: '例如：这几天出差，怕耽误了', required: '请说一下放弃的原因' } },
  progress: { title: '反馈进展', body: '告诉许愿人事情办到哪一步了，许愿人能在心愿里看到。', submit: '发送进展', done: '进展已反馈', text: { label: '进展', placeholder: '例如：已经联系上了，周六上午上门', required: '请写一下进展' } },
  fulfil: { title: '完成心愿', body: '写下做了什么（可以加照片），许愿人确认后心愿就圆满了，您会得到积分。', submit: '提交完成', done: '已提交，等许愿人确认', text: { label: '做了什么', placeholder: '例如：帮王阿姨换好了厨房的灯泡', required: '请写一下做了什么' } },
  confirm: { title: '确认并评价', body: '心愿办好了吗？给帮忙的人打个分，说句话。', submit: '确认圆梦', done: '心愿圆满了，谢谢您的评价' },
  withdraw: { title: '撤回心愿', body: '撤回后心愿不再显示在心愿墙上。', submit: '确认撤回', done: '心愿已撤回', text: { label: '原因（可不填）', placeholder: '例如：家里人已经帮忙办好了', required: null } },
  approve: { title: '审核通过', body: '通过后心愿上心愿墙，社区的党员志愿者都能看到和认领。', submit: '确认通过', done: '已通过，心愿上墙了' },
  reject: { title: '审核不通过', body: '许愿人会看到不通过的原因。', submit: '确认不通过', done: '已告知许愿人', text: { label: '不通过的原因', placeholder: '例如：请写清楚需要帮什么忙', required: '请写不通过的原因，许愿人会看到' } },
  dispatch: { title: '派单给党员', body: '选一位党员，心愿就由他负责，他会收到提醒。', submit: '确认派单', done: '已派单' },
}

export default function WishDetailPage() {
  const session = useSession()
  const { me } = session
  const { params } = useRouter()
  const wishId = decodeURIComponent(params.id ?? '')
  const communityId = wishCommunityId(me, params.c)
  const key = me && communityId && wishId ? `${me.userId}|${communityId}|${wishId}` : null
  const wish = useQuery(key, () => call('wish.get', { communityId: communityId!, wishId }))

  const [sheet, setSheet] = useState<Kind | null>(null)
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [stars, setStars] = useState(5)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] } as Parameters<typeof Taro.showShareMenu>[0])
  }, [])
  useShareAppMessage(() => {
    const w = wish.data
    const c = w?.communityId ?? communityId ?? ''
    return {
      title: w ? `微心愿：${w.title}` : '社区微心愿',
      path: `${ROUTES['wish.detail']}?id=${encodeURIComponent(wishId)}&c=${encodeURIComponent(c)}`,
      ...(w?.photos[0] ? { imageUrl: w.photos[0] } : {}),
    }
  })
  usePullDownRefresh(() => {
    wish.reload()
    stopPullDownRefresh()
  })
  useEffect(() => {
    if (wish.data) Taro.setNavigationBarTitle({ title: wish.data.statusLabel === '已圆梦' ? '心愿圆梦了' : '心愿详情' })
  }, [wish.data?.status]) // eslint-disable-line react-hooks/exhaustive-deps

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  if (!wishId) return <PageShell><ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个心愿' }} /></PageShell>
  if (wish.error) {
    return (
      <PageShell>
        <ErrorState error={wish.error} onRetry={wish.reload} />
        <Button className='btn btn--block' onClick={() => go('wishes')}>
          去心愿墙看看
        </Button>
      </PageShell>
    )
  }
  if (!wish.data) return <PageShell><Loading /></PageShell>
  const w: WishDetail = wish.data

  function open(kind: Kind) {
    setSheet(kind)
    setText('')
    setPhotos([])
    setStars(5)
    setMemberId(null)
    setError(null)
    setStale(false)
  }

  function refresh() {
    setSheet(null)
    wish.reload()
  }

  async function submit() {
    if (!sheet || busy) return
    const spec = SHEETS[sheet]
    const t = text.trim()
    if (spec.text?.required && !t) return setError(spec.text.required)
    if (sheet === 'dispatch' && !memberId) return setError('请选一位党员')
    // Consent first, inside the tap (WeChat only asks from a tap), for the messages this tap leads to for me:
    // claiming → told when the wisher confirms, and reminded (follow-ups, a withdrawn wish); fulfilling → told
    // when confirmed (a dispatched claimer never claimed); reporting progress → the next follow-up reminder.
    const asks = SUBSCRIBE_ON[sheet]
    if (asks) await askSubscribe(asks)
    setBusy(true)
    setError(null)
    const base = { communityId: communityId!, wishId: w.id }
    try {
      let next: WishDetail
      switch (sheet) {
        case 'claim':
          next = await call('wish.claim', base)
          break
        case 'release':
          next = await call('wish.release', { ...base, reason: t })
          break
        case 'progress':
          next = await call('wish.progress', { ...base, note: t, ...(photos.length ? { photos } : {}) })
          break
        case 'fulfil':
          next = await call('wish.fulfil', { ...base, proof: t, ...(photos.length ? { photos } : {}) })
          break
        case 'confirm':
          next = await call('wish.confirm', { ...base, stars, thanks: t })
          break
        case 'withdraw':
          next = await call('wish.withdraw', { ...base, ...(t ? { reason: t } : {}) })
          break
        case 'approve':
          next = await call('wish.review', { ...base, approve: true })
          break
        case 'reject':
          next = await call('wish.review', { ...base, approve: false, reason: t })
          break
        case 'dispatch':
          next = await call('wish.dispatch', { ...base, memberId: memberId!, ...(t ? { note: t } : {}) })
          break
      }
      wish.setData(next)
      setSheet(null)
      Taro.showToast({ title: spec.done, icon: 'none', duration: 2500 })
    } catch (e) {
      const err = toApiError(e)
      setError(err.message)
      // Someone else got there first, or the wish moved on: the way forward is to look again.
      setStale(err.code === 'CONFLICT' || err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')
    } finally {
      setBusy(false)
    }
  }

  const canWrite = session.canWrite
  const buttons: { kind: Kind; text: string; primary?: boolean }[] = []
  if (w.can.review) buttons.push({ kind: 'approve', text: '审核通过', primary: true }, { kind: 'reject', text: '不通过' })
  if (w.can.claim) buttons.push({ kind: 'claim', text: '我来认领', primary: true })
  if (w.can.dispatch) buttons.push({ kind: 'dispatch', text: '派单给党员' })
  if (w.can.fulfil) buttons.push({ kind: 'fulfil', text: '完成心愿', primary: true })
  if (w.can.progress) buttons.push({ kind: 'progress', text: '反馈进展' })
  if (w.can.confirm) buttons.push({ kind: 'confirm', text: '确认并评价', primary: true })
  if (w.can.release) buttons.push({ kind: 'release', text: '放弃认领' })
  if (w.can.withdraw) buttons.push({ kind: 'withdraw', text: '撤回心愿' })

  const latest = w.history.length - 1
  const spec = sheet ? SHEETS[sheet] : null

  return (
    <PageShell className='wish-detail'>
      {w.photos[0] && <Image className='wd-hero' src={w.photos[0]} mode='aspectFill' onClick={() => Taro.previewImage({ urls: w.photos, current: w.photos[0] })} />}
      <View className='card' id='wish-head' data-status={w.status}>
        <View className='wd-status'>
          <StatusChip status={w.status} label={w.statusLabel} />
          <Text className='wish-card__cat'>{w.category}</Text>
        </View>
        <Text className='wd-title' id='wish-title'>
          {w.title}
        </Text>
        <Text className='wd-desc'>{w.description}</Text>
        {w.photos.length > 1 && <PhotoRow photos={w.photos.slice(1)} />}
        {w.rejectReason && w.status === 'rejected' && <Text className='wd-reason'>未通过的原因：{w.rejectReason}</Text>}
      </View>

      {buttons.length > 0 && (
        <View className='card wd-actions' id='wish-actions'>
          {!canWrite ? (
            <Button className='btn btn--primary' onClick={() => go('me')}>
              同意隐私保护指引后才能操作
            </Button>
          ) : (
            buttons.map((b) => (
              <Button key={b.kind} className={`btn${b.primary ? ' btn--primary' : ''}`} id={`wish-${b.kind}`} onClick={() => open(b.kind)}>
                {b.text}
              </Button>
            ))
          )}
        </View>
      )}

      <View className='card'>
        <View className='row'>
          <Text className='row__label'>地点</Text>
          <Text className='row__value'>{w.place}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>许愿人</Text>
          <Text className='row__value'>
            {w.wisherName}
            {w.onBehalf ? '（楼栋长代发）' : ''}
          </Text>
        </View>
        {w.wishedBy && (
          <View className='row'>
            <Text className='row__label'>希望在</Text>
            <Text className='row__value'>{dayText(w.wishedBy)} 前</Text>
          </View>
        )}
        {w.claimerName && (
          <View className='row'>
            <Text className='row__label'>认领人</Text>
            <Text className='row__value' id='wish-claimer'>
              {w.claimerName}
            </Text>
          </View>
        )}
      </View>

      {w.contact && (
        <View className='card' id='wish-contact'>
          <Text className='card-title'>{w.isMine ? '我的联系方式（认领人能看到）' : '许愿人联系方式'}</Text>
          <View className='row'>
            <Text className='row__label'>姓名</Text>
            <Text className='row__value'>{w.contact.name}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>门牌</Text>
            <Text className='row__value'>{w.contact.address}</Text>
          </View>
          {w.contact.phone ? (
            <View className='row' hoverClass='row--hover' onClick={() => Taro.makePhoneCall({ phoneNumber: w.contact!.phone! })}>
              <Text className='row__label'>电话</Text>
              <Text className='row__value wd-contact__phone' id='wish-phone'>
                {w.contact.phone}
              </Text>
              <Text className='row__arrow'>拨打 ›</Text>
            </View>
          ) : (
            <Text className='muted'>没有留电话，请上门或找楼栋长联系</Text>
          )}
        </View>
      )}

      {w.proof && (
        <View className='card' id='wish-proof'>
          <Text className='card-title'>怎么帮的</Text>
          <Text className='wd-proof'>{w.proof.text}</Text>
          <PhotoRow photos={w.proof.photos} />
          <Text className='note'>{whenText(w.proof.at)}</Text>
        </View>
      )}
      {w.rating && (
        <View className='card' id='wish-rating'>
          <Text className='card-title'>许愿人的评价</Text>
          <Text className='wd-rating__stars'>{'★'.repeat(w.rating.stars) + '☆'.repeat(5 - w.rating.stars)}</Text>
          {w.rating.note ? <Text className='wd-proof'>“{w.rating.note}”</Text> : null}
        </View>
      )}

      <View className='section-title'>心愿进展</View>
      <View className='card' id='wish-timeline'>
        <View className='tl'>
          {w.history
            .map((h, i) => ({ h, i }))
            .reverse()
            .map(({ h, i }) => (
              <View key={i} className={`tl__item${i === latest ? ' tl__item--latest' : ''}`} data-event={h.event}>
                <View className='tl__dot' />
                <Text className='tl__when'>{whenText(h.at)}</Text>
                <Text className='tl__what'>
                  {h.byName} {EVENT_TEXT[h.event] ?? h.event}
                </Text>
                {h.note ? <Text className='tl__note'>{h.note}</Text> : null}
                <PhotoRow photos={h.photos} />
              </View>
            ))}
        </View>
      </View>

      <Button className='btn btn--block' id='wish-back-wall' onClick={() => go('wishes')}>
        回心愿墙
      </Button>

      {sheet && spec && (
        <Sheet
          title={spec.title}
          error={error}
          stale={stale}
          busy={busy}
          submitText={spec.submit}
          onSubmit={submit}
          onClose={() => setSheet(null)}
          onRefresh={refresh}
        >
          <Text className='w-sheet__body'>{spec.body}</Text>
          {sheet === 'confirm' && (
            <>
              <View className='stars' id='wish-stars'>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Text key={n} className={`star${n <= stars ? ' star--on' : ''}`} data-n={n} onClick={() => setStars(n)}>
                    ★
                  </Text>
                ))}
              </View>
              <Text className='stars__word'>
                {stars} 星 · {STAR_WORDS[stars]}
              </Text>
            </>
          )}
          {sheet === 'dispatch' && <MemberPicker communityId={communityId!} value={memberId} onChange={setMemberId} />}
          {(spec.text || sheet === 'confirm' || sheet === 'dispatch') && (
            <View className='w-row'>
              <Text className='w-label'>{spec.text?.label ?? (sheet === 'confirm' ? '想说的话（可不填）' : '给党员的留言（可不填）')}</Text>
              <Textarea
                id='sheet-text'
                className='w-textarea'
                value={text}
                maxlength={sheet === 'fulfil' ? 500 : 200}
                placeholder={spec.text?.placeholder ?? (sheet === 'confirm' ? '例如：谢谢小张，灯修好了，亮堂多了' : '例如：老人腿脚不便，请上门')}
                onInput={(e) => setText(e.detail.value)}
              />
            </View>
          )}
          {(sheet === 'fulfil' || sheet === 'progress') && (
            <View className='w-row'>
              <Text className='w-label'>
                照片<Text className='w-label__opt'>（可不加）</Text>
              </Text>
              <PhotoPicker value={photos} onChange={setPhotos} max={6} />
            </View>
          )}
        </Sheet>
      )}
    </PageShell>
  )
}
