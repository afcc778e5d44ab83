/** One errand: what, the documents to bring, who took it (首问负责), handovers; the steps the server allows me. */
import { View, Text, Button } from '@tarojs/components'
import type { ErrandView } from '@contract/services'
import { ERRAND_STATUS_LABELS } from '@contract/vocabulary'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

const STEPS = [
  { step: 'accept', text: '接办' },
  { step: 'progress', text: '开始办理' },
  { step: 'done', text: '已办完' },
] as const

export function ErrandCard({ e, communityId, onChanged }: { e: ErrandView; communityId: string; onChanged: () => void }) {
  const advance = useAction((step: (typeof STEPS)[number]['step']) => call('errand.advance', { communityId, errandId: e.id, step }), {
    success: '已更新',
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
      {e.documents.length > 0 && <Text style={{ display: 'block' }}>请带上：{e.documents.join('、')}</Text>}
      <Text className='note' style={{ display: 'block' }}>
        {e.resident} · {e.owner ? `${e.owner} 负责` : '等工作人员接办'}
      </Text>
      {e.handovers.map((h, i) => (
        <Text className='note' key={i} style={{ display: 'block' }}>
          {h.from} 转给 {h.to}
          {h.note ? `：${h.note}` : ''}
        </Text>
      ))}
      <View className='btn-row'>
        {STEPS.filter((s) => e.can[s.step]).map((s) => (
          <Button key={s.step} className='btn btn--small btn--primary' id={`errand-${s.step}`} disabled={advance.busy} onClick={() => advance.run(s.step)}>
            {s.text}
          </Button>
        ))}
      </View>
    </View>
  )
}
