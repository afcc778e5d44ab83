/**
 * 发布心愿: what you need (title, a few words more), which kind, which building (my own by default),
 * by when (optional), photos (optional); a building head can post for a resident they act for
 * (为谁发布; ?onBehalfOf=&name= preselects). On 发布 WeChat asks once whether to tell me the review's
 * result, when someone claims it and when it is done. Then it says plainly what happens next (waiting for
 * review, or on the wall) and promises only the notices that were accepted.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Button, Input, Textarea, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { WishDetail } from '@contract/wish'
import type { TemplateName } from '@contract/templates'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { askSubscribe, wishCommunityId } from '../../../../features/wish/shared'
import { guard } from '../../components/Guard'
import { PhotoPicker } from '../../components/Photos'
import { dayText, isoDay } from '../../../../services/time'
import '../../wish.scss'

/** What the person will be told by WeChat: only what they accepted in the 发布 tap (one message each). */
function noticePromise(open: boolean, accepted: TemplateName[]): string {
  const events = [
    !open && accepted.includes('wishReviewed') ? '审核有了结果' : null,
    accepted.includes('wishClaimed') ? '有人认领' : null,
    accepted.includes('wishFulfilled') ? '心愿完成' : null,
  ].filter((e): e is string => !!e)
  if (events.length === 0) return '进展可以随时在「我的心愿」里查看。'
  return events.length === 1 ? `${events[0]}时，会发微信通知告诉您。` : `${events.join('、')}，都会发微信通知告诉您。`
}

// China days, which is how the server reads them (src/services/time.ts).
const ymd = (d: Date) => isoDay(d)

export default function PostWish() {
  const session = useSession()
  const { me } = session
  const { params } = useRouter()
  const communityId = wishCommunityId(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const settings = useQuery(key, () => call('wish.settings', { communityId: communityId! }))
  const tree = useQuery(key, () => call('org.tree', { communityId: communityId! }))

  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState('')
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const [wishedBy, setWishedBy] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [forWhom, setForWhom] = useState<string>(params.onBehalfOf ? decodeURIComponent(params.onBehalfOf) : '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [posted, setPosted] = useState<WishDetail | null>(null)
  const [notices, setNotices] = useState<TemplateName[]>([])

  const buildings = useMemo(
    () => (tree.data?.compounds ?? []).flatMap((c) => c.buildings.map((b) => ({ id: b.id, label: `${c.name} ${b.name}` }))),
    [tree.data],
  )
  useEffect(() => {
    if (!buildings.length) return
    // Posting for a neighbour: their building; else my own.
    const theirs = forWhom ? me?.proxyFor.find((p) => p.userId === forWhom)?.buildingId : undefined
    const mine = me?.household?.communityId === communityId ? me?.household?.buildingId : undefined
    const preferred = theirs ?? mine
    if (theirs || buildingId === null) setBuildingId(buildings.some((b) => b.id === preferred) ? preferred! : buildings[0].id)
  }, [buildings, forWhom]) // eslint-disable-line react-hooks/exhaustive-deps

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  const loadError = settings.error ?? tree.error
  if (loadError) {
    return (
      <PageShell>
        <ErrorState
          error={loadError}
          onRetry={() => {
            settings.reload()
            tree.reload()
          }}
        />
      </PageShell>
    )
  }
  if (!settings.data || !tree.data) return <PageShell><Loading /></PageShell>

  if (posted) {
    const open = posted.status === 'open'
    return (
      <PageShell>
        <View className='card w-done' id='wish-posted' data-id={posted.id} data-status={posted.status}>
          <View className='w-done__icon'>✓</View>
          <Text className='w-done__title'>{open ? '已发布到心愿墙' : '已提交，社区审核后会出现在心愿墙'}</Text>
          <Text className='muted' id='wish-posted-notices'>
            {noticePromise(open, notices)}
          </Text>
        </View>
        <Button className='btn btn--primary btn--block' id='wish-posted-open' onClick={() => Taro.redirectTo({ url: `${ROUTES['wish.detail']}?id=${encodeURIComponent(posted.id)}&c=${encodeURIComponent(communityId!)}` })}>
          看看这个心愿
        </Button>
        <Button className='btn btn--block' onClick={() => go('wishes')}>
          回心愿墙
        </Button>
      </PageShell>
    )
  }

  const proxies = me!.proxyFor
  const building = buildings.find((b) => b.id === buildingId)
  const today = new Date()
  const tomorrow = new Date(today.getTime() + 86400_000)

  async function submit() {
    if (busy) return
    const t = title.trim()
    const d = description.trim()
    if (!t) return setProblem('请写一句话说说您的心愿')
    if (!d) return setProblem('请再多写几句，说清楚需要帮什么忙')
    if (!category) return setProblem('请选一个类别')
    if (!buildingId) return setProblem('请选择楼栋')
    setProblem(null)
    // Consent first, inside the tap (WeChat's limit is 3): the review's result, someone claims it, it is done.
    setNotices(await askSubscribe(['wishReviewed', 'wishClaimed', 'wishFulfilled']))
    setBusy(true)
    try {
      const wish = await call('wish.create', {
        communityId: communityId!,
        title: t,
        description: d,
        category,
        buildingId,
        ...(photos.length ? { photos } : {}),
        ...(wishedBy ? { wishedBy } : {}),
        ...(forWhom ? { onBehalfOf: forWhom } : {}),
      })
      setPosted(wish)
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='wish-post'>
      <View className='card'>
        {proxies.length > 0 && (
          <View className='w-row' id='wish-for'>
            <Text className='w-label'>为谁发布</Text>
            <View className='w-seg'>
              {[{ userId: '', name: '我自己' }].concat(proxies).map((p) => (
                <View key={p.userId || 'me'} className={`w-seg__opt${forWhom === p.userId ? ' w-seg__opt--on' : ''}`} data-id={p.userId || 'me'} onClick={() => setForWhom(p.userId)}>
                  {p.userId ? `替 ${p.name}` : p.name}
                </View>
              ))}
            </View>
          </View>
        )}
        <View className='w-row'>
          <Text className='w-label'>心愿是什么</Text>
          <Input
            id='wish-title'
            className='w-input'
            value={title}
            maxlength={30}
            placeholder='一句话，例如：想请人帮忙换个灯泡'
            onInput={(e) => setTitle(e.detail.value)}
          />
          <Text className='w-count'>{Array.from(title).length}/30</Text>
        </View>
        <View className='w-row'>
          <Text className='w-label'>说详细一点</Text>
          <Textarea
            id='wish-desc'
            className='w-textarea'
            value={description}
            maxlength={500}
            placeholder='需要帮什么忙？什么时候方便？'
            onInput={(e) => setDescription(e.detail.value)}
          />
          <Text className='w-count'>{Array.from(description).length}/500</Text>
        </View>
        <View className='w-row'>
          <Text className='w-label'>类别</Text>
          <View className='w-seg' id='wish-cats'>
            {settings.data.categories.map((c) => (
              <View key={c} className={`w-seg__opt${category === c ? ' w-seg__opt--on' : ''}`} data-cat={c} onClick={() => setCategory(c)}>
                {c}
              </View>
            ))}
          </View>
        </View>
        <View className='w-row'>
          <Text className='w-label'>在哪栋楼</Text>
          <Picker mode='selector' range={buildings.map((b) => b.label)} value={Math.max(0, buildings.findIndex((b) => b.id === buildingId))} onChange={(e) => setBuildingId(buildings[Number(e.detail.value)]?.id ?? null)}>
            <View className='w-picker' id='wish-building'>
              <Text>{building?.label ?? '请选择'}</Text>
              <Text className='w-picker__arrow'>更改 ›</Text>
            </View>
          </Picker>
        </View>
        <View className='w-row'>
          <Text className='w-label'>
            希望哪天前办好<Text className='w-label__opt'>（可不填）</Text>
          </Text>
          <Picker mode='date' value={wishedBy || ymd(tomorrow)} start={ymd(tomorrow)} onChange={(e) => setWishedBy(String(e.detail.value))}>
            <View className='w-picker' id='wish-date'>
              <Text>{wishedBy ? `${dayText(wishedBy)} 前` : '不着急，不用选'}</Text>
              <Text className='w-picker__arrow'>选日期 ›</Text>
            </View>
          </Picker>
          {wishedBy && (
            <Text className='w-link w-count' onClick={() => setWishedBy('')}>
              不限日期
            </Text>
          )}
        </View>
        <View className='w-row'>
          <Text className='w-label'>
            照片<Text className='w-label__opt'>（可不加，加了照片要等社区看过）</Text>
          </Text>
          <PhotoPicker value={photos} onChange={setPhotos} max={6} />
        </View>
        {problem && (
          <Text className='w-problem' id='wish-problem'>
            {problem}
          </Text>
        )}
      </View>
      {!session.canWrite ? (
        <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
          同意隐私保护指引后才能发布
        </Button>
      ) : (
        <Button className='btn btn--primary btn--block w-submit' id='wish-submit' loading={busy} disabled={busy} onClick={submit}>
          发布心愿
        </Button>
      )}
      <Text className='note' style={{ display: 'block', textAlign: 'center', marginTop: '16px' }}>
        心愿会显示在本社区的心愿墙上，只显示姓氏和楼栋，电话和门牌只给认领人看。
      </Text>
    </PageShell>
  )
}
