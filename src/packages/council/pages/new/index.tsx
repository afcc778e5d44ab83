/**
 * 提议题: what the matter is (title, a few words more), photos, which building it is about, which council
 * (the community's own unless I pick another). A building head may raise it for a neighbour they act for
 * (?onBehalfOf=&name= preselects); a secretary may enter one that came in on paper, at the door or by phone.
 * Opened from a 居民说事点's QR poster (`scene`), it says so and the place is filled in by the server.
 * On 提交 WeChat asks once whether to tell me how it goes and when the vote opens; then it says plainly
 * where the topic is, promising only the notices the person accepted.
 */
import { useMemo, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { TemplateName } from '@contract/templates'
import type { TopicDetail } from '@contract/council'
import { Guard, Loaded } from '../../../../components/Guard'
import { Area, Field, FormRow, PickFace } from '../../../../components/Field'
import { PhotoPicker } from '../../../../components/Photos'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { can } from '../../../../services/access'
import { sceneParam } from '../../../../services/nav'
import { askSubscribe } from '../../../../services/subscribe'
import { NO_COUNCIL_COMMUNITY } from '../../../../features/council/shared'
import { WhoFields, whoFor, whoInput, type Who, type WhoWords } from '../../../../components/WhoFields'
import { Posted } from '../../components/Posted'
import { CouncilChoice, WriteGate } from '../../components/bits'
import '../../council.scss'

/** Who raises it: a building head for a neighbour, a secretary entering one that came in on paper, at the door or by phone. */
type Channel = 'paper' | 'door' | 'phone'
const WHO: WhoWords<Channel> = {
  idPrefix: 'topic',
  forLabel: '为谁提',
  channelLabel: '议题从哪来',
  channels: [
    { value: 'self', text: '我自己提' },
    { value: 'paper', text: '纸质意见' },
    { value: 'door', text: '上门走访' },
    { value: 'phone', text: '电话反映' },
  ],
  residentHint: '可不选：没留名字的纸质意见，提议人显示为“居民”',
}
const TITLE = { id: 'topic-title-input', label: '想议什么事', maxlength: 30, placeholder: '一句话，例如：3号楼门口想加装路灯' }
const DESCRIPTION = { id: 'topic-desc-input', label: '说详细一点', maxlength: 1000, placeholder: '现在是什么情况？希望怎么办？' }
/** "12/30": how much of the room is used (characters, as the server counts them). */
const count = (s: string, max: number) => `${Array.from(s).length}/${max}`

export default function NewTopic() {
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = useHomeCommunity(me)
  const scene = sceneParam(params.scene)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const form = useQuery(key, () => Promise.all([call('council.list', { communityId: communityId! }), call('org.tree', { communityId: communityId! })]))

  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [councilId, setCouncilId] = useState<string | null>(null)
  // The building picked ('' = 不限楼栋); undefined until one is picked.
  const [buildingId, setBuildingId] = useState<string | undefined>(undefined)
  const [who, setWho] = useState<Who<Channel>>(() => whoFor(params.onBehalfOf))
  // Raising one for a neighbour: their building, unless one is picked.
  const theirBuilding = me?.proxyFor.find((p) => p.userId === who.forWhom)?.buildingId ?? null
  const [problem, setProblem] = useState<string | null>(null)
  const [posted, setPosted] = useState<TopicDetail | null>(null)
  const [notices, setNotices] = useState<TemplateName[]>([])

  const buildings = useMemo(
    () =>
      [{ id: '', label: '不限楼栋' }].concat(
        (form.data?.[1].compounds ?? []).flatMap((c) => c.buildings.map((b) => ({ id: b.id, label: `${c.name} ${b.name}` }))),
      ),
    [form.data],
  )
  const councils = (form.data?.[0] ?? []).filter((c) => c.active)

  const submit = useAction(
    async (topic: { title: string; description: string }) => {
      // Consent first, inside the tap (WeChat's limit is 3): how the topic goes on, and when its vote opens.
      setNotices(await askSubscribe(['topicProgress', 'topicVote']))
      return call('topic.create', {
        communityId: communityId!,
        ...topic,
        ...(councilId ? { councilId } : {}),
        ...(building.id ? { buildingId: building.id } : {}),
        ...(photos.length ? { photos } : {}),
        ...(scene ? { pointScene: scene } : {}),
        ...whoInput(who),
      })
    },
    {
      showError: 'keep',
      onSuccess: (topic) => {
        setPosted(topic)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      },
    },
  )

  function send() {
    const t = title.trim()
    const d = description.trim()
    if (!t) return setProblem('请用一句话说说想议什么事')
    if (!d) return setProblem('请再多写几句，说清楚现在的情况和您的想法')
    setProblem(null)
    void submit.run({ title: t, description: d })
  }

  const building = buildings.find((b) => b.id === (buildingId ?? theirBuilding ?? '')) ?? buildings[0]
  const said = problem ?? submit.error?.message
  return (
    <Guard communityId={communityId} noCommunity={NO_COUNCIL_COMMUNITY} className='council-new'>
      {(me) =>
        posted ? (
          <Posted topic={posted} communityId={communityId!} notices={notices} />
        ) : (
          <Loaded query={form}>
            {() => (
              <>
                {scene && (
                  <Text className='warn' id='topic-scene'>
                    您在居民说事点提议题，地点会自动填上。
                  </Text>
                )}
                <View className='card'>
                  <WhoFields {...WHO} me={me} communityId={communityId!} staff={can(me, communityId, 'administer')} who={who} onChange={setWho} />
                  <Field {...TITLE} value={title} hint={count(title, TITLE.maxlength)} onChange={setTitle} />
                  <Area {...DESCRIPTION} value={description} hint={count(description, DESCRIPTION.maxlength)} onChange={setDescription} />
                  <FormRow label='是哪栋楼的事' hint='整个小区或社区的事，不用选'>
                    <Picker
                      mode='selector'
                      range={buildings.map((b) => b.label)}
                      value={Math.max(0, buildings.indexOf(building))}
                      onChange={(e) => setBuildingId(buildings[Number(e.detail.value)]?.id ?? '')}
                    >
                      <PickFace id='topic-building' text={building.label} />
                    </Picker>
                  </FormRow>
                  <CouncilChoice id='topic-council' label='交给哪个议事会' councils={councils} value={councilId} onChange={setCouncilId} />
                  <FormRow label='照片' hint='可不加；加了照片要等社区看过才公示'>
                    <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='topics' />
                  </FormRow>
                  {said && (
                    <Text className='ct-problem' id='topic-problem'>
                      {said}
                    </Text>
                  )}
                </View>
                <WriteGate what='提议题'>
                  <Button className='btn btn--primary btn--block ct-big' id='topic-submit' loading={submit.busy} disabled={submit.busy} onClick={send}>
                    提交议题
                  </Button>
                </WriteGate>
                <Text className='note ct-footnote'>议题会在议事厅公示，只显示姓氏；够了附议人数就进入审议、表决。</Text>
              </>
            )}
          </Loaded>
        )
      }
    </Guard>
  )
}
