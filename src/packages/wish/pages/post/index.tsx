/**
 * 发布心愿: what you need (title, a few words more), which kind, which building (my own by default),
 * by when (optional), photos (optional); a building head can post for a resident they act for
 * (为谁发布; ?onBehalfOf=&name= preselects). On 发布 WeChat asks once whether to tell me the review's result,
 * and when someone claims and fulfils it. Then it says plainly what happens next, promising only the notices
 * the person accepted.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { TemplateName } from '@contract/templates'
import type { WishDetail } from '@contract/wish'
import { Guard, Loaded } from '../../../../components/Guard'
import { Area, Choice, Field, FormRow, PickFace } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { askSubscribe } from '../../../../services/subscribe'
import { dayText, isoDay } from '../../../../services/time'
import { NO_WISH_COMMUNITY } from '../../../../features/wish/shared'
import { PhotoPicker } from '../../../../components/Photos'
import { Posted } from '../../components/Posted'
import '../../wish.scss'

const TITLE = { id: 'wish-title', label: '心愿是什么', maxlength: 30, placeholder: '一句话，例如：想请人帮忙换个灯泡' }
const DESCRIPTION = { id: 'wish-desc', label: '说详细一点', maxlength: 500, placeholder: '需要帮什么忙？什么时候方便？' }
/** "12/30": how much of the room is used (characters, as the server counts them). */
const count = (s: string, max: number) => `${Array.from(s).length}/${max}`

export default function PostWish() {
  const { me, canWrite } = useSession()
  const { params } = useRouter()
  const communityId = useHomeCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const form = useQuery(key, () => Promise.all([call('wish.settings', { communityId: communityId! }), call('org.tree', { communityId: communityId! })]))

  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState<string | null>(null)
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const [wishedBy, setWishedBy] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [forWhom, setForWhom] = useState<string>(params.onBehalfOf ? decodeURIComponent(params.onBehalfOf) : '')
  const [problem, setProblem] = useState<string | null>(null)
  const [posted, setPosted] = useState<WishDetail | null>(null)
  const [notices, setNotices] = useState<TemplateName[]>([])

  const buildings = useMemo(
    () => (form.data?.[1].compounds ?? []).flatMap((c) => c.buildings.map((b) => ({ id: b.id, label: `${c.name} ${b.name}` }))),
    [form.data],
  )
  useEffect(() => {
    if (!buildings.length) return
    // Posting for a neighbour: their building; else my own.
    const theirs = forWhom ? me?.proxyFor.find((p) => p.userId === forWhom)?.buildingId : undefined
    const mine = me?.household?.communityId === communityId ? me?.household?.buildingId : undefined
    const preferred = theirs ?? mine
    if (theirs || buildingId === null) setBuildingId(buildings.some((b) => b.id === preferred) ? preferred! : buildings[0].id)
  }, [buildings, forWhom]) // eslint-disable-line react-hooks/exhaustive-deps -- only when the buildings or the person change, not when one is picked

  const post = useAction(
    async (wish: { title: string; description: string; category: string; buildingId: string }) => {
      // Consent first, inside the tap (WeChat's limit is 3): the review's result, someone claims it, it is done.
      setNotices(await askSubscribe(['wishReviewed', 'wishClaimed', 'wishFulfilled']))
      return call('wish.create', {
        communityId: communityId!,
        ...wish,
        ...(photos.length ? { photos } : {}),
        ...(wishedBy ? { wishedBy } : {}),
        ...(forWhom ? { onBehalfOf: forWhom } : {}),
      })
    },
    {
      showError: 'keep',
      onSuccess: (wish) => {
        setPosted(wish)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      },
    },
  )

  function submit() {
    const t = title.trim()
    const d = description.trim()
    if (!t) return setProblem('请写一句话说说您的心愿')
    if (!d) return setProblem('请再多写几句，说清楚需要帮什么忙')
    if (!category) return setProblem('请选一个类别')
    if (!buildingId) return setProblem('请选择楼栋')
    setProblem(null)
    void post.run({ title: t, description: d, category, buildingId })
  }

  const proxies = [{ value: '', text: '我自己' }].concat((me?.proxyFor ?? []).map((p) => ({ value: p.userId, text: `替 ${p.name}` })))
  const building = buildings.find((b) => b.id === buildingId)
  const tomorrow = isoDay(new Date(Date.now() + 86400_000))
  const said = problem ?? post.error?.message

  return (
    <Guard communityId={communityId} noCommunity={NO_WISH_COMMUNITY} className='wish-post'>
      {posted ? (
        <Posted wish={posted} communityId={communityId!} notices={notices} />
      ) : (
        <Loaded query={form}>
          {([settings]) => (
            <>
              <View className='card'>
                {proxies.length > 1 && <Choice id='wish-for' label='为谁发布' value={forWhom} options={proxies} onChange={setForWhom} />}
                <Field {...TITLE} value={title} hint={count(title, TITLE.maxlength)} onChange={setTitle} />
                <Area {...DESCRIPTION} value={description} hint={count(description, DESCRIPTION.maxlength)} onChange={setDescription} />
                <Choice id='wish-cats' label='类别' value={category} options={settings.categories.map((c) => ({ value: c, text: c }))} onChange={setCategory} />
                <FormRow label='在哪栋楼'>
                  <Picker
                    mode='selector'
                    range={buildings.map((b) => b.label)}
                    value={Math.max(0, buildings.indexOf(building!))}
                    onChange={(e) => setBuildingId(buildings[Number(e.detail.value)]?.id ?? null)}
                  >
                    <PickFace id='wish-building' text={building?.label ?? '请选择'} arrow='更改 ›' />
                  </Picker>
                </FormRow>
                <FormRow label='希望哪天前办好' hint='可不填'>
                  <Picker mode='date' value={wishedBy || tomorrow} start={tomorrow} onChange={(e) => setWishedBy(String(e.detail.value))}>
                    <PickFace id='wish-date' text={wishedBy ? `${dayText(wishedBy)} 前` : '不着急，不用选'} arrow='选日期 ›' />
                  </Picker>
                  {wishedBy && (
                    <Text className='link w-aside' onClick={() => setWishedBy('')}>
                      不限日期
                    </Text>
                  )}
                </FormRow>
                <FormRow label='照片' hint='可不加，加了照片要等社区看过'>
                  <PhotoPicker value={photos} onChange={setPhotos} max={6} />
                </FormRow>
                {said && (
                  <Text className='w-problem' id='wish-problem'>
                    {said}
                  </Text>
                )}
              </View>
              {!canWrite ? (
                <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
                  同意隐私保护指引后才能发布
                </Button>
              ) : (
                <Button className='btn btn--primary btn--block w-submit' id='wish-submit' loading={post.busy} disabled={post.busy} onClick={submit}>
                  发布心愿
                </Button>
              )}
              <Text className='note w-footnote'>心愿会显示在本社区的心愿墙上，只显示姓氏和楼栋，电话和门牌只给认领人看。</Text>
            </>
          )}
        </Loaded>
      )}
    </Guard>
  )
}
