/**
 * 一键报修, then: a few fields for the category picked — what is wrong, which building and where exactly, how
 * urgent (with the time the community promises), a photo — and who it is for (a building head for a neighbour;
 * staff entering what a resident phoned in, wrote or said at the door). On 提交 WeChat asks once whether to tell
 * me how it goes; the request is dispatched at once (request.create).
 */
import { useMemo, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import type { Me } from '@contract/org'
import type { TemplateName } from '@contract/templates'
import type { RequestCategory, RequestDetail, RequestSettings, Urgency } from '@contract/requests'
import type { TreeView } from '@contract/org'
import { REQUEST_CATEGORY_LABELS } from '@contract/vocabulary'
import { Area, Choice, Field, FormRow, PickFace } from '../../../components/Field'
import { PhotoPicker } from '../../../components/Photos'
import { WhoFields, whoFor, whoInput, type Who, type WhoWords } from '../../../components/WhoFields'
import { useAction } from '../../../hooks/useAction'
import { useSession } from '../../../hooks/useSession'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { askSubscribe } from '../../../services/subscribe'
import { durationWords } from '../shared'
import { WishHint } from './Tiles'

type Channel = 'phone' | 'letterbox' | 'door'
const WHO: WhoWords<Channel> = {
  idPrefix: 'request',
  forLabel: '为谁报修',
  channelLabel: '诉求从哪来',
  channels: [
    { value: 'self', text: '我自己报' },
    { value: 'phone', text: '电话反映' },
    { value: 'letterbox', text: '意见箱' },
    { value: 'door', text: '上门走访' },
  ],
  residentHint: '请找到反映问题的居民：办理进展会告诉他',
}

const ASK: Record<RequestCategory, { label: string; placeholder: string }> = {
  repair: { label: '哪里坏了', placeholder: '例如：厨房水管接口漏水，总阀关不上' },
  safety: { label: '有什么隐患', placeholder: '例如：单元门口的井盖松了，踩上去会晃' },
  environment: { label: '什么情况', placeholder: '例如：4栋门口的垃圾桶满了两天没人清' },
  dispute: { label: '什么事', placeholder: '例如：楼上每晚十一点后还在装修，影响休息' },
  help: { label: '遇到什么难处', placeholder: '例如：独居老人摔了一跤，需要有人来看看' },
  feedback: { label: '您的意见建议', placeholder: '例如：建议在小区北门加装电动车充电桩' },
}

/** Where it is: the reporter's own building (the server's default), no building, or one picked. */
const HOME = '__home__'

export interface ReportFormProps {
  me: Me
  communityId: string
  category: RequestCategory
  /** Staff may enter a request for a resident (secretary, grid worker). */
  staff: boolean
  onBehalfOf?: string
  tree: TreeView
  settings: RequestSettings
  onSent: (r: RequestDetail, notices: TemplateName[]) => void
  onBack: () => void
}

export function ReportForm(props: ReportFormProps) {
  const { category, settings } = props
  const { canWrite } = useSession()
  const [who, setWho] = useState<Who<Channel>>(() => whoFor(props.onBehalfOf))
  const [description, setDescription] = useState('')
  const [building, setBuilding] = useState<string>(HOME)
  const [location, setLocation] = useState('')
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [photos, setPhotos] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const places = useMemo(
    () =>
      [
        { id: HOME, label: who.channel === 'self' && !who.forWhom ? '我家所在楼栋' : '居民家所在楼栋' },
        { id: '', label: '不在楼里（小区公共地方）' },
      ].concat(props.tree.compounds.flatMap((c) => c.buildings.map((b) => ({ id: b.id, label: `${c.name} ${b.name}` })))),
    [props.tree, who.channel, who.forWhom],
  )
  const place = places.find((p) => p.id === building) ?? places[0]

  const send = useAction(
    async (text: string) => {
      // Consent inside the tap: the reporter is told as it moves (staff entering one for a resident are not).
      const notices: TemplateName[] = who.channel === 'self' ? await askSubscribe(['requestProgress']) : []
      const r = await call('request.create', {
        communityId: props.communityId,
        category,
        description: text,
        ...(category !== 'feedback' ? { urgency } : {}),
        ...(building !== HOME ? { buildingId: building || null } : {}),
        ...(location.trim() ? { location: location.trim() } : {}),
        ...(photos.length ? { photos } : {}),
        ...whoInput(who),
      })
      return { r, notices }
    },
    { showError: 'keep', onSuccess: ({ r, notices }) => props.onSent(r, notices) },
  )

  function submit() {
    const text = description.trim()
    if (!text) return setProblem(`请写一下${ASK[category].label}`)
    if (who.channel !== 'self' && !who.resident) return setProblem('请先找到反映问题的居民')
    setProblem(null)
    void send.run(text)
  }

  const said = problem ?? send.error?.message
  const limits = settings.limits[category]
  return (
    <>
      <View className='card'>
        <View className='rq-picked'>
          <Text className='rq-picked__text'>{REQUEST_CATEGORY_LABELS[category]}</Text>
          <Text className='link' id='request-category-change' onClick={props.onBack}>
            换一类 ›
          </Text>
        </View>
        <WhoFields {...WHO} me={props.me} communityId={props.communityId} staff={props.staff} who={who} onChange={setWho} />
        <Area
          id='request-desc'
          label={ASK[category].label}
          placeholder={ASK[category].placeholder}
          maxlength={500}
          value={description}
          onChange={setDescription}
        />
        {category !== 'feedback' && (
          <>
            <FormRow label='在哪栋楼'>
              <Picker
                mode='selector'
                range={places.map((p) => p.label)}
                value={places.indexOf(place)}
                onChange={(e) => setBuilding(places[Number(e.detail.value)].id)}
              >
                <PickFace id='request-building' text={place.label} />
              </Picker>
            </FormRow>
            <Field id='request-location' label='具体位置（可不填）' placeholder='例如：3单元2楼楼道' value={location} onChange={setLocation} />
            <Choice
              id='request-urgency'
              label='急不急'
              big
              value={urgency}
              options={[
                { value: 'normal', text: '一般', hint: `${durationWords(limits.normal.respondMinutes)}内受理` },
                { value: 'urgent', text: '紧急', hint: `${durationWords(limits.urgent.respondMinutes)}内受理` },
              ]}
              onChange={setUrgency}
            />
          </>
        )}
        <FormRow label='照片（可不加）' hint='拍一张，承办人一看就明白'>
          <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='requests' />
        </FormRow>
        {said && (
          <Text className='rq-problem' id='request-problem'>
            {said}
          </Text>
        )}
      </View>
      {category === 'help' && <WishHint />}
      {canWrite ? (
        <Button className='btn btn--primary btn--block rq-big' id='request-submit' loading={send.busy} disabled={send.busy} onClick={submit}>
          提交
        </Button>
      ) : (
        <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
          同意隐私保护指引后才能报修
        </Button>
      )}
    </>
  )
}
