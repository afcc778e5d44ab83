/**
 * One step of a wish's story, through a sheet that says what happens: claim, release, progress, fulfil,
 * confirm, withdraw, approve, reject, dispatch, and the secretary's 转为诉求 (wish.convert: category, urgency, why). The detail page offers the ones the server allows this
 * viewer (`can`); the secretary's queues open reject and dispatch from a card. A refusal stays in the
 * sheet; when it is final (someone else got there first, the wish moved on) the sheet offers 刷新看看, and
 * on CONFLICT / NOT_FOUND the page's data is reloaded at once (useAction's `reload`).
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { WishDetail } from '@contract/wish'
import type { TemplateName } from '@contract/templates'
import { Sheet } from '../../../components/Sheet'
import { Area, Choice, FormRow } from '../../../components/Field'
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, URGENCIES, URGENCY_LABELS } from '@contract/vocabulary'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { PhotoPicker } from '../../../components/Photos'
import { Stars } from '../../../components/Stars'
import { MemberPicker } from './MemberPicker'

export type Kind = 'claim' | 'release' | 'progress' | 'fulfil' | 'confirm' | 'withdraw' | 'approve' | 'reject' | 'dispatch' | 'convert'

type Category = (typeof REQUEST_CATEGORIES)[number]
type Urgency = (typeof URGENCIES)[number]

interface Form {
  text: string
  photos: string[]
  stars: number
  memberId: string | null
  /** 转为诉求: what kind of request, and how urgent. */
  category: Category | null
  urgency: Urgency
}

interface Spec {
  title: string
  body: string
  submit: string
  done: string
  /** The text box, and what to say when it is left empty (null: it may be). */
  text?: { label: string; placeholder: string; required: string | null; max?: number }
  photos?: boolean
  /** The subscribe messages this tap leads to for the person tapping (asked for inside the tap). */
  subscribe?: TemplateName[]
  send: (base: { communityId: string; wishId: string }, f: Form) => Promise<WishDetail>
}

const optional = <K extends string>(key: K, v: string) => (v ? ({ [key]: v } as Record<K, string>) : {})
const photos = (f: Form) => (f.photos.length ? { photos: f.photos } : {})

// Consent is asked for the messages each tap leads to for me: claiming → told when the wisher confirms, and
// reminded (follow-ups, a withdrawn wish); fulfilling → told when confirmed (a dispatched claimer never
// claimed); reporting progress → the next follow-up reminder.
const SHEETS: Record<Kind, Spec> = {
  claim: {
    title: '认领这个心愿',
    body: '认领后您能看到许愿人的电话和门牌，请尽快联系、上门帮忙。做不了可以放弃认领。',
    submit: '确认认领',
    done: '认领成功，请尽快联系许愿人',
    subscribe: ['wishConfirmed', 'reminder'],
    send: (b) => call('wish.claim', b),
  },
  release: {
    title: '放弃认领',
    body: '放弃后心愿回到心愿墙，其他党员志愿者可以认领。',
    submit: '确认放弃',
    done: '已放弃认领',
    text: { label: '放弃的原因', placeholder: '例如：这几天出差，怕耽误了', required: '请说一下放弃的原因' },
    send: (b, f) => call('wish.release', { ...b, reason: f.text }),
  },
  progress: {
    title: '反馈进展',
    body: '告诉许愿人事情办到哪一步了，许愿人能在心愿里看到。',
    submit: '发送进展',
    done: '进展已反馈',
    text: { label: '进展', placeholder: '例如：已经联系上了，周六上午上门', required: '请写一下进展' },
    photos: true,
    subscribe: ['reminder'],
    send: (b, f) => call('wish.progress', { ...b, note: f.text, ...photos(f) }),
  },
  fulfil: {
    title: '完成心愿',
    body: '写下做了什么（可以加照片），许愿人确认后心愿就圆满了，您会得到积分。',
    submit: '提交完成',
    done: '已提交，等许愿人确认',
    text: { label: '做了什么', placeholder: '例如：帮王阿姨换好了厨房的灯泡', required: '请写一下做了什么', max: 500 },
    photos: true,
    subscribe: ['wishConfirmed'],
    send: (b, f) => call('wish.fulfil', { ...b, proof: f.text, ...photos(f) }),
  },
  confirm: {
    title: '确认并评价',
    body: '心愿办好了吗？给帮忙的人打个分，说句话。',
    submit: '确认圆梦',
    done: '心愿圆满了，谢谢您的评价',
    text: { label: '想说的话（可不填）', placeholder: '例如：谢谢小张，灯修好了，亮堂多了', required: null },
    send: (b, f) => call('wish.confirm', { ...b, stars: f.stars, thanks: f.text }),
  },
  withdraw: {
    title: '撤回心愿',
    body: '撤回后心愿不再显示在心愿墙上。',
    submit: '确认撤回',
    done: '心愿已撤回',
    text: { label: '原因（可不填）', placeholder: '例如：家里人已经帮忙办好了', required: null },
    send: (b, f) => call('wish.withdraw', { ...b, ...optional('reason', f.text) }),
  },
  approve: {
    title: '审核通过',
    body: '通过后心愿上心愿墙，社区的党员志愿者都能看到和认领。',
    submit: '确认通过',
    done: '已通过，心愿上墙了',
    send: (b) => call('wish.review', { ...b, approve: true }),
  },
  reject: {
    title: '审核不通过',
    body: '许愿人会看到不通过的原因。',
    submit: '确认不通过',
    done: '已告知许愿人',
    text: { label: '不通过的原因', placeholder: '例如：请写清楚需要帮什么忙', required: '请写不通过的原因，许愿人会看到' },
    send: (b, f) => call('wish.review', { ...b, approve: false, reason: f.text }),
  },
  convert: {
    title: '转为诉求',
    body: '这件事需要专人来办（维修、安全、环境等），转为诉求后按类别派给网格员或责任单位，有时限、可跟踪。心愿从心愿墙撤下，许愿人能在“我的诉求”里看到进度。',
    submit: '确认转为诉求',
    done: '已转为诉求，已派给办理人',
    text: { label: '转为诉求的原因', placeholder: '例如：楼道扶手属于公共设施，由物业维修', required: '请写一下原因，许愿人会看到' },
    // The wish as it now is (converted, linking to the request), for the page.
    send: async (b, f) => {
      await call('wish.convert', { ...b, into: 'request', category: f.category!, urgency: f.urgency, note: f.text })
      return call('wish.get', b)
    },
  },
  dispatch: {
    title: '派单给党员',
    body: '选一位党员，心愿就由他负责，他会收到提醒。',
    submit: '确认派单',
    done: '已派单，党员会收到提醒',
    text: { label: '给党员的留言（可不填）', placeholder: '例如：老人腿脚不便，请上门', required: null },
    send: (b, f) => call('wish.dispatch', { ...b, memberId: f.memberId!, ...optional('note', f.text) }),
  },
}

/** The buttons the server allows this viewer, in the order they are offered. */
export function actionsFor(can: WishDetail['can']): { kind: Kind; text: string; primary?: boolean }[] {
  const all: { kind: Kind; text: string; primary?: boolean; when: boolean }[] = [
    { kind: 'approve', text: '审核通过', primary: true, when: can.review },
    { kind: 'reject', text: '不通过', when: can.review },
    { kind: 'claim', text: '我来认领', primary: true, when: can.claim },
    { kind: 'dispatch', text: '派单给党员', when: can.dispatch },
    { kind: 'fulfil', text: '完成心愿', primary: true, when: can.fulfil },
    { kind: 'progress', text: '反馈进展', when: can.progress },
    { kind: 'confirm', text: '确认并评价', primary: true, when: can.confirm },
    { kind: 'release', text: '放弃认领', when: can.release },
    { kind: 'withdraw', text: '撤回心愿', when: can.withdraw },
    { kind: 'convert', text: '转为诉求', when: can.convert },
  ]
  return all.filter((a) => a.when).map(({ when: _, ...a }) => a)
}

export interface ActionSheetProps {
  kind: Kind
  wish: { id: string; title: string }
  communityId: string
  /** In place of the sheet's usual words (a queue names the wish). */
  body?: string
  /** Done: the wish as it is now. */
  onDone: (next: WishDetail) => void
  onClose: () => void
  /** Fetch what the page shows again (the wish, or the queue). */
  reload: () => void
}

export function ActionSheet(props: ActionSheetProps) {
  const spec = SHEETS[props.kind]
  const [text, setText] = useState('')
  const [photoIds, setPhotoIds] = useState<string[]>([])
  const [stars, setStars] = useState(5)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [category, setCategory] = useState<Category | null>(null)
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [problem, setProblem] = useState<string | null>(null)
  const act = useAction(
    async (form: Form) => {
      // Consent first, inside the tap (WeChat only asks from a tap).
      if (spec.subscribe) await askSubscribe(spec.subscribe)
      return spec.send({ communityId: props.communityId, wishId: props.wish.id }, form)
    },
    { success: spec.done, onSuccess: props.onDone, reload: props.reload, showError: 'keep' },
  )

  function submit() {
    const t = text.trim()
    if (spec.text?.required && !t) return setProblem(spec.text.required)
    if (props.kind === 'dispatch' && !memberId) return setProblem('请选一位党员')
    if (props.kind === 'convert' && !category) return setProblem('请选诉求的类别')
    setProblem(null)
    void act.run({ text: t, photos: photoIds, stars, memberId, category, urgency })
  }

  return (
    <Sheet
      id='wish-sheet'
      title={spec.title}
      act={act}
      error={problem}
      submitText={spec.submit}
      onSubmit={submit}
      onClose={props.onClose}
      reload={props.reload}
    >
      <Text className='sheet__body'>{props.body ?? spec.body}</Text>
      {props.kind === 'confirm' && <Stars id='wish-stars' value={stars} onChange={setStars} />}
      {props.kind === 'dispatch' && <MemberPicker communityId={props.communityId} value={memberId} onChange={setMemberId} />}
      {props.kind === 'convert' && (
        <>
          <Choice
            id='wish-convert-category'
            label='诉求类别'
            value={category}
            options={REQUEST_CATEGORIES.map((c) => ({ value: c, text: REQUEST_CATEGORY_LABELS[c] }))}
            onChange={setCategory}
          />
          <Choice
            id='wish-convert-urgency'
            label='紧急程度'
            value={urgency}
            options={URGENCIES.map((u) => ({ value: u, text: URGENCY_LABELS[u] }))}
            onChange={setUrgency}
          />
        </>
      )}
      {spec.text && (
        <Area id='sheet-text' label={spec.text.label} placeholder={spec.text.placeholder} value={text} maxlength={spec.text.max ?? 200} onChange={setText} />
      )}
      {spec.photos && (
        <FormRow label='照片（可不加）'>
          <PhotoPicker value={photoIds} onChange={setPhotoIds} max={6} />
        </FormRow>
      )}
    </Sheet>
  )
}
