/**
 * One written step on a topic, through a sheet that says what happens: the party branch's review note, the
 * owners' committee's discussion note, a milestone (day, words, photos; 办完了 finishes the work), merging into
 * another topic, retiring it with a reason, and a resident's report (of the topic or one comment). A refusal
 * stays in the sheet; when it is final the sheet offers 刷新看看.
 */
import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { RetireReason, TopicDetail } from '@contract/council'
import { RETIRE_REASONS, RETIRE_REASON_LABELS } from '@contract/vocabulary'
import { Loaded } from '../../../components/Guard'
import { Area, Choice, FormRow, PickFace, Toggle } from '../../../components/Field'
import { PhotoPicker } from '../../../components/Photos'
import { PickRow } from '../../../components/MemberSearch'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { chinaToday, dayText } from '../../../services/time'

export type StepKind = 'review' | 'discuss' | 'milestone' | 'merge' | 'retire' | 'report'

interface Form {
  text: string
  photos: string[]
  date: string
  done: boolean
  reason: RetireReason | null
  target: string | null
}

interface Spec {
  title: string
  body: string
  submit: string
  done: string
  text?: { label: string; placeholder: string; required: string | null; max?: number }
  /** What else must be chosen, and what to say when it is not. */
  needs?: (f: Form) => string | null
  /** The topic as it is now, or null when the answer is not a topic (a report): the page reloads. */
  send: (base: { communityId: string; topicId: string }, f: Form, commentId?: string) => Promise<TopicDetail | null>
}

const optional = <K extends string>(key: K, v: string) => (v ? ({ [key]: v } as Record<K, string>) : {})

const SPECS: Record<StepKind, Spec> = {
  review: {
    title: '党支部审议',
    body: '写下党支部的审议意见，居民都能看到。提交后议题交业委会商议。',
    submit: '提交审议意见',
    done: '已提交，交业委会商议',
    text: { label: '审议意见', placeholder: '例如：符合小区实际，建议由物业报价后再议', required: '请写审议意见', max: 500 },
    send: (b, f) => call('topic.review', { ...b, note: f.text }),
  },
  discuss: {
    title: '业委会商议',
    body: '写下业委会的商议意见。提交后开始征求居民意见。',
    submit: '提交商议意见',
    done: '已提交，开始征求居民意见',
    text: { label: '商议意见', placeholder: '例如：费用从维修基金出，每户不再另收', required: '请写商议意见', max: 500 },
    send: (b, f) => call('topic.discuss', { ...b, note: f.text }),
  },
  milestone: {
    title: '更新落实进展',
    body: '写下这一步做了什么，可以加照片，居民都能看到。',
    submit: '发布进展',
    done: '进展已发布',
    text: { label: '做了什么', placeholder: '例如：施工队已进场，预计下周完工', required: '请写一下做了什么', max: 300 },
    send: (b, f) => call('topic.addMilestone', { ...b, date: f.date, note: f.text, ...(f.photos.length ? { photos: f.photos } : {}), done: f.done }),
  },
  merge: {
    title: '合并到其他议题',
    body: '内容相同的议题合并到一起讨论，这个议题的居民会看到去向。',
    submit: '确认合并',
    done: '已合并',
    text: { label: '说明（可不填）', placeholder: '例如：与“3号楼加装电梯”是同一件事', required: null },
    needs: (f) => (f.target ? null : '请选要合并到的议题'),
    send: (b, f) => call('topic.merge', { ...b, intoTopicId: f.target!, ...optional('note', f.text) }),
  },
  retire: {
    title: '终止议题',
    body: '终止后议题不再往下走，居民会看到终止的原因。',
    submit: '确认终止',
    done: '议题已终止',
    text: { label: '说明（可不填）', placeholder: '例如：属于市政道路，已转交街道', required: null },
    needs: (f) => (f.reason ? null : '请选终止的原因'),
    send: (b, f) => call('topic.retire', { ...b, reason: f.reason!, ...optional('note', f.text) }),
  },
  report: {
    title: '举报',
    body: '内容不实、骂人或有广告？告诉社区，社区会核实。多位居民举报的内容会先隐藏。',
    submit: '确认举报',
    done: '已举报，社区会核实',
    text: { label: '原因（可不填）', placeholder: '例如：有骂人的话', required: null, max: 100 },
    send: (b, f, commentId) => call('topic.report', { ...b, ...(commentId ? { commentId } : {}), ...optional('reason', f.text) }).then(() => null),
  },
}

export interface StepSheetProps {
  kind: StepKind
  topic: TopicDetail
  communityId: string
  /** Reporting one comment instead of the topic. */
  commentId?: string
  onDone: (next: TopicDetail | null) => void
  onClose: () => void
  reload: () => void
}

export function StepSheet(props: StepSheetProps) {
  const spec = SPECS[props.kind]
  const [form, setForm] = useState<Form>({ text: '', photos: [], date: chinaToday(), done: false, reason: null, target: null })
  const [problem, setProblem] = useState<string | null>(null)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const act = useAction((f: Form) => spec.send({ communityId: props.communityId, topicId: props.topic.id }, f, props.commentId), {
    success: spec.done,
    onSuccess: props.onDone,
    reload: props.reload,
    showError: 'keep',
  })

  function submit() {
    const f = { ...form, text: form.text.trim() }
    const missing = (spec.text?.required && !f.text ? spec.text.required : null) ?? spec.needs?.(f) ?? null
    setProblem(missing)
    if (!missing) void act.run(f)
  }

  return (
    <Sheet
      id='step-sheet'
      title={spec.title}
      act={act}
      error={problem}
      submitText={spec.submit}
      onSubmit={submit}
      onClose={props.onClose}
      reload={props.reload}
    >
      <Text className='sheet__body'>{props.commentId ? '举报这条意见：内容不实、骂人或有广告？社区会核实。' : spec.body}</Text>
      {props.kind === 'retire' && (
        <Choice
          id='step-reason'
          label='终止原因'
          value={form.reason}
          options={RETIRE_REASONS.map((r) => ({ value: r, text: RETIRE_REASON_LABELS[r] }))}
          onChange={(reason) => set({ reason })}
        />
      )}
      {props.kind === 'merge' && (
        <TargetPicker communityId={props.communityId} self={props.topic.id} value={form.target} onChange={(target) => set({ target })} />
      )}
      {props.kind === 'milestone' && (
        <FormRow label='哪一天'>
          <Picker mode='date' value={form.date} onChange={(e) => set({ date: String(e.detail.value) })}>
            <PickFace id='step-date' text={dayText(form.date)} arrow='选日期 ›' />
          </Picker>
        </FormRow>
      )}
      {spec.text && (
        <Area
          id='step-text'
          label={spec.text.label}
          placeholder={spec.text.placeholder}
          value={form.text}
          maxlength={spec.text.max ?? 200}
          onChange={(text) => set({ text })}
        />
      )}
      {props.kind === 'milestone' && (
        <>
          <FormRow label='照片（可不加）'>
            <PhotoPicker value={form.photos} onChange={(photos) => set({ photos })} max={6} folder='topics' />
          </FormRow>
          <Toggle id='step-finish' label='这件事办完了' note='办完后请投过票的居民说说“办成了吗”' checked={form.done} onChange={(done) => set({ done })} />
        </>
      )}
    </Sheet>
  )
}

/** The public topics this one may merge into (newest first). */
function TargetPicker({ communityId, self, value, onChange }: { communityId: string; self: string; value: string | null; onChange: (id: string) => void }) {
  const topics = useQuery(`${communityId}|${self}`, () => call('topic.list', { communityId, limit: 30 }))
  return (
    <FormRow label='合并到'>
      <Loaded query={topics} loadingText='正在读取议题…'>
        {({ items }) => {
          const others = items.filter((t) => t.id !== self)
          return others.length === 0 ? (
            <Text className='muted'>没有可以合并到的议题</Text>
          ) : (
            <View className='pick-list' id='step-targets'>
              {others.map((t) => (
                <PickRow key={t.id} id={t.id} on={value === t.id} onClick={() => onChange(t.id)}>
                  {t.title}
                </PickRow>
              ))}
            </View>
          )
        }}
      </Loaded>
    </FormRow>
  )
}
