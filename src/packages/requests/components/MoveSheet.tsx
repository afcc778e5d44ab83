/**
 * One written step on a request, through a sheet that says what happens: progress (note, photos), resolve
 * (proof and photos; for a suggestion the answer and 采纳), confirm (stars, a word), reopen (why), cancel,
 * reassign (to a grid worker or a unit, why), 吹哨 (to a street department, why), convert (into a wish, or a
 * dispute into a council topic). A refusal stays in the sheet; when it is final the sheet offers 刷新看看.
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { RequestDetail } from '@contract/requests'
import type { TemplateName } from '@contract/templates'
import { Area, Choice, FormRow, Toggle } from '../../../components/Field'
import { PhotoPicker } from '../../../components/Photos'
import { Sheet } from '../../../components/Sheet'
import { Stars } from '../../../components/Stars'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { HolderPicker, type Target } from './HolderPicker'

export type MoveKind = 'progress' | 'resolve' | 'confirm' | 'reopen' | 'cancel' | 'reassign' | 'escalate' | 'convert'

interface Form {
  text: string
  photos: string[]
  stars: number
  adopt: boolean
  target: Target | null
  into: 'wish' | 'topic'
}

interface Spec {
  title: string
  body: string
  submit: string
  done: string
  text: { label: string; placeholder: string; required: string | null; max?: number }
  photos?: boolean
  subscribe?: TemplateName[]
  needs?: (f: Form) => string | null
  send: (base: { communityId: string; requestId: string }, f: Form) => Promise<RequestDetail>
}

const optional = <K extends string>(key: K, v: string) => (v ? ({ [key]: v } as Record<K, string>) : {})
const photos = (f: Form) => (f.photos.length ? { photos: f.photos } : {})
const REASON = { label: '原因', placeholder: '例如：已超时两次，需要街道协调', required: '请写一下原因', max: 200 }

function specOf(kind: MoveKind, r: RequestDetail): Spec {
  const feedback = r.category === 'feedback'
  switch (kind) {
    case 'progress':
      return {
        title: '更新进展',
        body: '告诉居民办到哪一步了，居民在诉求里能看到。',
        submit: '发送进展',
        done: '进展已更新',
        text: { label: '进展', placeholder: '例如：已关掉总阀止住漏水，等配件到了就换', required: '请写一下进展', max: 300 },
        photos: true,
        send: (b, f) => call('request.progress', { ...b, note: f.text, ...photos(f) }),
      }
    case 'resolve':
      return {
        title: feedback ? '答复建议' : '办结',
        body: feedback ? '写下社区的答复，居民能看到。采纳的建议，居民会得到积分。' : '写下怎么办好的，拍张照片作证。居民确认后就办结了。',
        submit: feedback ? '发送答复' : '办结',
        done: feedback ? '已答复' : '已办结，等居民确认',
        text: feedback
          ? { label: '答复', placeholder: '例如：已列入明年的改造计划', required: '请写一下答复', max: 500 }
          : { label: '怎么办好的', placeholder: '例如：换了新的水管接头，试过不漏了', required: '请写一下怎么办好的', max: 500 },
        photos: true,
        subscribe: ['reminder'],
        send: (b, f) => call('request.resolve', { ...b, proof: f.text, ...photos(f), ...(feedback ? { adopt: f.adopt } : {}) }),
      }
    case 'confirm':
      return {
        title: '确认解决并评价',
        body: '问题解决了吗？给承办人打个分，说句话。',
        submit: '确认解决',
        done: '已办结，谢谢您的评价',
        text: { label: '想说的话（可不填）', placeholder: '例如：小张来得很快，修好了', required: null },
        send: (b, f) => call('request.confirm', { ...b, stars: f.stars, ...optional('comment', f.text) }),
      }
    case 'reopen':
      return {
        title: '没解决，重新办',
        body: '说说哪里还没解决，诉求会回到承办人那里重新办理，时限重新计算。',
        submit: '重新办理',
        done: '已退回重新办理',
        text: { label: '哪里还没解决', placeholder: '例如：修过以后还是在滴水', required: '请说说哪里还没解决', max: 200 },
        subscribe: ['requestProgress'],
        send: (b, f) => call('request.reopen', { ...b, reason: f.text }),
      }
    case 'cancel':
      return {
        title: '撤销诉求',
        body: '撤销后承办人不再处理。还没有受理的诉求才能撤销。',
        submit: '确认撤销',
        done: '已撤销',
        text: { label: '原因（可不填）', placeholder: '例如：已经自己修好了', required: null },
        send: (b, f) => call('request.cancel', { ...b, ...optional('reason', f.text) }),
      }
    case 'reassign':
      return {
        title: '改派',
        body: '交给另一位网格员或责任单位，他们会收到提醒，时限重新计算。',
        submit: '确认改派',
        done: '已改派',
        text: { ...REASON, placeholder: '例如：属于物业负责的公共设施' },
        needs: (f) => (f.target ? null : '请选一位网格员或一个单位'),
        send: (b, f) =>
          call('request.reassign', { ...b, reason: f.text, ...(f.target!.kind === 'worker' ? { userId: f.target!.id } : { unitId: f.target!.id }) }),
      }
    case 'escalate':
      return {
        title: '吹哨报到',
        body: '交给街道部门（或其他责任单位）办理：单位须在限时内报到接单，超时算迟报。',
        submit: '吹哨',
        done: '已吹哨，等单位报到',
        text: REASON,
        needs: (f) => (f.target ? null : '请选一个单位'),
        send: (b, f) => call('request.escalate', { ...b, unitId: f.target!.id, reason: f.text }),
      }
    case 'convert':
      return {
        title: '转为心愿或议题',
        body: '个人的小需要转成微心愿，党员志愿者来认领；调解不成的纠纷提交议事会。诉求的经过都会保留。',
        submit: '确认转出',
        done: '已转出',
        text: { label: '说明（可不填）', placeholder: '例如：老人需要有人陪同就医', required: null },
        send: (b, f) => call('request.convert', { ...b, into: f.into, ...optional('note', f.text) }),
      }
  }
}

export interface MoveSheetProps {
  kind: MoveKind
  r: RequestDetail
  onDone: (next: RequestDetail) => void
  onClose: () => void
  reload: () => void
}

export function MoveSheet({ kind, r, onDone, onClose, reload }: MoveSheetProps) {
  const spec = specOf(kind, r)
  const [form, setForm] = useState<Form>({ text: '', photos: [], stars: 5, adopt: false, target: null, into: 'wish' })
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const act = useAction(
    async (f: Form) => {
      // Consent first, inside the tap: what this step leads to for the person tapping.
      if (spec.subscribe) await askSubscribe(spec.subscribe)
      return spec.send({ communityId: r.communityId, requestId: r.id }, f)
    },
    { success: spec.done, onSuccess: onDone, reload, showError: 'keep' },
  )

  const f = { ...form, text: form.text.trim() }
  const check = () => (spec.text.required && !f.text ? spec.text.required : null) ?? spec.needs?.(f) ?? null

  return (
    <Sheet id='move-sheet' title={spec.title} act={act} check={check} submitText={spec.submit} onSubmit={() => act.run(f)} onClose={onClose} reload={reload}>
      <Text className='sheet__body'>{spec.body}</Text>
      {kind === 'confirm' && <Stars id='request-stars' value={form.stars} onChange={(stars) => set({ stars })} />}
      {kind === 'convert' && (
        <Choice
          id='move-into'
          label='转为'
          value={form.into}
          options={[{ value: 'wish', text: '微心愿' }, ...(r.category === 'dispute' ? [{ value: 'topic' as const, text: '议事会议题' }] : [])]}
          onChange={(into) => set({ into })}
        />
      )}
      {(kind === 'reassign' || kind === 'escalate') && (
        <HolderPicker communityId={r.communityId} workers={kind === 'reassign'} value={form.target} onChange={(target) => set({ target })} />
      )}
      <Area
        id='move-text'
        label={spec.text.label}
        placeholder={spec.text.placeholder}
        value={form.text}
        maxlength={spec.text.max ?? 200}
        onChange={(text) => set({ text })}
      />
      {spec.photos && (
        <FormRow label='照片（可不加）'>
          <PhotoPicker value={form.photos} onChange={(p) => set({ photos: p })} max={6} folder='requests' />
        </FormRow>
      )}
      {kind === 'resolve' && r.category === 'feedback' && (
        <Toggle
          id='move-adopt'
          label='采纳这条建议'
          note='采纳后，提建议的居民会得到积分（只给一次）'
          checked={form.adopt}
          onChange={(adopt) => set({ adopt })}
        />
      )}
    </Sheet>
  )
}
