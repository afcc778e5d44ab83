/**
 * One unit or grid on the street's late view: its on-time rate (from counters kept with each move), how many
 * it closed, how many it holds overdue now; lagging ones red. A unit holding overdue requests can be pressed:
 * 督办 (a note to its staff, recorded on each overdue request).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { LateUnitView } from '@contract/requests'
import { Area } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

export function LateRow({ u, streetId, reload }: { u: LateUnitView; streetId: string; reload: () => void }) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const press = useAction((text: string) => call('request.supervise', { streetId, unitId: u.id, note: text }), {
    success: (res) => `已督办 ${res.requests} 件，通知了 ${res.notified} 位工作人员`,
    onSuccess: () => {
      setOpen(false)
      reload()
    },
    showError: 'keep',
  })
  return (
    <View className={`card rq-late${u.lagging ? ' rq-late--lagging' : ''}`} data-id={u.id} data-lagging={u.lagging ? '1' : '0'}>
      <View className='rq-unit__head'>
        <Text className='card-title'>{u.name}</Text>
        <Text className='tag'>{u.kind === 'grid' ? '网格' : '单位'}</Text>
        {u.communityName && <Text className='note'>{u.communityName}</Text>}
      </View>
      <View className='rq-late__nums'>
        {u.onTimeRate === null ? (
          <Text className='rq-late__rate rq-late__rate--none'>暂无</Text>
        ) : (
          <Text className='rq-late__rate'>{Math.round(u.onTimeRate * 100)}%</Text>
        )}
        <Text className='muted'>
          按时率 · 已办结 {u.closed} 件{u.overdueNow > 0 ? ` · 现在超时 ${u.overdueNow} 件` : ''}
        </Text>
      </View>
      {u.kind === 'unit' && u.overdueNow > 0 && (
        <Button className='btn btn--small btn--primary late-supervise' onClick={() => setOpen(true)}>
          督办
        </Button>
      )}
      {open && (
        <Sheet
          id='supervise-sheet'
          title={`督办：${u.name}`}
          act={press}
          check={() => (note.trim() ? null : '请写督办的要求')}
          submitText='发出督办'
          onSubmit={() => press.run(note.trim())}
          onClose={() => setOpen(false)}
          reload={reload}
        >
          <Text className='sheet__body'>督办会记在它每件超时诉求的办理经过里，并通知它的工作人员。</Text>
          <Area id='supervise-note' label='督办要求' placeholder='例如：请今天下班前到现场处理并回复' value={note} maxlength={200} onChange={setNote} />
        </Sheet>
      )}
    </View>
  )
}
