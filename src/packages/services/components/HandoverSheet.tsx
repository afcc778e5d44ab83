/**
 * 转交: hand an errand to another staff member (the server lists whom: the community's staff and its
 * service's providers) with the reason, which the resident and the next owner read in its timeline.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ErrandView } from '@contract/services'
import { Area } from '../../../components/Field'
import { PickRow } from '../../../components/MemberSearch'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

export function HandoverSheet({ e, communityId, onClose, onDone }: { e: ErrandView; communityId: string; onClose: () => void; onDone: () => void }) {
  const [to, setTo] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const handover = useAction(() => call('errand.advance', { communityId, errandId: e.id, step: 'handover', toUserId: to!, note: reason.trim() }), {
    success: '已转交',
    showError: 'keep',
    onSuccess: onDone,
  })
  const people = e.handoverTo ?? []
  return (
    <Sheet
      id='handover-sheet'
      title={`转交「${e.title}」`}
      act={handover}
      reload={onDone}
      submitText='转交'
      check={() => (!to ? '请选择转交给谁' : !reason.trim() ? '请写明转交的原因，接手的人和居民都能看到' : null)}
      onSubmit={() => void handover.run()}
      onClose={onClose}
    >
      {people.length === 0 ? (
        <Text className='muted'>还没有可以转交的工作人员，请社区书记在「成员与角色」里设置网格员</Text>
      ) : (
        <View className='pick-list' id='handover-people'>
          {people.map((p) => (
            <PickRow key={p.id} id={p.id} on={to === p.id} onClick={() => setTo(p.id)}>
              {p.name}
            </PickRow>
          ))}
        </View>
      )}
      <Area label='转交原因' id='handover-reason' value={reason} onChange={setReason} maxlength={200} placeholder='如：需要社区盖章，转书记办理' />
    </Sheet>
  )
}
