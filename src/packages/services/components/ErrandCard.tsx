/**
 * One errand: what, the documents to bring, who took it (首问负责), handovers; the steps the server allows me
 * (接办, 开始办理, 已办完, 转交 with a reason, 转为诉求), its timeline (办理经过), and the request it became.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ErrandView } from '@contract/services'
import { ERRAND_STATUS_LABELS } from '@contract/vocabulary'
import { Timeline } from '../../../components/Timeline'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { HandoverSheet } from './HandoverSheet'

const STEPS = [
  { step: 'accept', text: '接办' },
  { step: 'progress', text: '开始办理' },
  { step: 'done', text: '已办完' },
] as const

/** What each step of the timeline says (the handover names whom, from the handovers in order). */
const EVENT_WORDS: Record<NonNullable<ErrandView['timeline']>[number]['event'], string> = {
  submit: '提交了代办',
  accept: '接办了（首问负责）',
  progress: '更新了办理进度',
  done: '办完了',
  handover: '转交给',
  toRequest: '转为了居民诉求',
}

export function errandSteps(e: ErrandView) {
  let handovers = 0
  return (e.timeline ?? []).map((t) => ({
    at: t.at,
    event: t.event,
    who: t.by,
    what: t.event === 'handover' ? `${EVENT_WORDS.handover}${e.handovers[handovers++]?.to ?? '其他工作人员'}` : EVENT_WORDS[t.event],
    note: t.note,
  }))
}

export function ErrandCard({ e, communityId, onChanged }: { e: ErrandView; communityId: string; onChanged: () => void }) {
  const [story, setStory] = useState(false)
  const [handing, setHanding] = useState(false)
  const advance = useAction((step: (typeof STEPS)[number]['step']) => call('errand.advance', { communityId, errandId: e.id, step }), {
    success: '已更新',
    onSuccess: onChanged,
    reload: onChanged,
  })
  const toRequest = useAction(() => call('errand.advance', { communityId, errandId: e.id, step: 'toRequest' }), {
    confirm: () => ({
      title: '转为居民诉求',
      content: '这件事会作为居民诉求，由网格员或责任单位接续办理，居民可以在「我的诉求」里看到进展。确定转吗？',
      confirmText: '转为诉求',
    }),
    success: '已转为诉求',
    onSuccess: onChanged,
    reload: onChanged,
  })
  return (
    <View className='card' id={`errand-${e.id}`} data-status={e.status}>
      <View className='services__row'>
        <Text className='services__name'>{e.title}</Text>
        <Text className='chip'>{ERRAND_STATUS_LABELS[e.status]}</Text>
      </View>
      <Text className='muted' style={{ display: 'block' }}>
        {e.description}
      </Text>
      {e.documents.length > 0 && (
        <Text className='errand__docs' id={`errand-docs-${e.id}`} style={{ display: 'block' }}>
          请带上：{e.documents.join('、')}
        </Text>
      )}
      <Text className='note' style={{ display: 'block' }}>
        {e.resident} · {e.owner ? `${e.owner} 负责` : '等工作人员接办'}
      </Text>
      {e.handovers.map((h, i) => (
        <Text className='note' key={i} style={{ display: 'block' }}>
          {h.from} 转给 {h.to}
          {h.note ? `：${h.note}` : ''}
        </Text>
      ))}
      {e.requestId && (
        <Text className='link' id={`errand-request-${e.id}`} onClick={() => go('requests.detail', { id: e.requestId!, c: communityId })}>
          已转为居民诉求，去看看进展 ›
        </Text>
      )}
      <View className='btn-row errand__actions'>
        {(e.timeline?.length ?? 0) > 0 && (
          <Button className='btn btn--small' id={`errand-story-${e.id}`} onClick={() => setStory(!story)}>
            {story ? '收起经过' : '办理经过'}
          </Button>
        )}
        {STEPS.filter((s) => e.can[s.step]).map((s) => (
          <Button key={s.step} className='btn btn--small btn--primary' id={`errand-${s.step}`} disabled={advance.busy} onClick={() => advance.run(s.step)}>
            {s.text}
          </Button>
        ))}
        {e.can.handover && (
          <Button className='btn btn--small' id='errand-handover' onClick={() => setHanding(true)}>
            转交
          </Button>
        )}
        {e.can.toRequest && (
          <Button className='btn btn--small' id='errand-to-request' disabled={toRequest.busy} onClick={() => toRequest.run()}>
            转为诉求
          </Button>
        )}
      </View>
      {story && <Timeline title='办理经过' id={`errand-timeline-${e.id}`} steps={errandSteps(e)} />}
      {handing && (
        <HandoverSheet
          e={e}
          communityId={communityId}
          onClose={() => setHanding(false)}
          onDone={() => {
            setHanding(false)
            onChanged()
          }}
        />
      )}
    </View>
  )
}
