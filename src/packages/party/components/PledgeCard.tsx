/** 我的微承诺 on the 党员 home: the pledge, whether it was kept and how; 修改承诺 and 标记已兑现 in a sheet. */
import { View, Text, Button } from '@tarojs/components'
import type { RegistrationView } from '@contract/party'
import { Sheet } from '../../../components/Sheet'
import { Area } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { isoDay } from '../../../services/time'
import { useDraft } from './useDraft'

type Edit = { kind: 'text' | 'done'; value: string }

export function PledgeCard({ reg, onChange }: { reg: RegistrationView; onChange: (r: RegistrationView) => void }) {
  const save = useAction(
    (e: Edit, v: string) =>
      e.kind === 'text'
        ? call('party.pledge', { communityId: reg.communityId, pledge: v })
        : call('party.pledgeDone', { communityId: reg.communityId, note: v }),
    {
      success: '已保存',
      onSuccess: (r) => {
        onChange(r)
        edit.close()
      },
      showError: 'keep',
    },
  )
  const edit = useDraft(
    save,
    (e: Edit) => (e.value.trim() ? null : e.kind === 'text' ? '请写一句承诺' : '请写一句怎么兑现的，如“10 月为 3 位老人理了发”'),
    (e) => save.run(e, e.value.trim()),
  )

  return (
    <View className='card' id='my-pledge'>
      <View className='head-row'>
        <Text className='card-title'>我的微承诺</Text>
        {reg.pledge.done && <Text className='chip chip--verified'>已兑现</Text>}
      </View>
      <Text style={{ display: 'block' }}>{reg.pledge.text}</Text>
      {reg.pledge.done && reg.pledge.doneNote && (
        <Text className='muted' style={{ display: 'block' }}>
          {isoDay(reg.pledge.doneAt)} 兑现：{reg.pledge.doneNote}
        </Text>
      )}
      <View className='btn-row' style={{ marginTop: '16px' }}>
        <Button className='btn btn--small' onClick={() => edit.open({ kind: 'text', value: reg.pledge.text })}>
          修改承诺
        </Button>
        {reg.status === 'verified' && !reg.pledge.done && (
          <Button className='btn btn--small btn--primary' onClick={() => edit.open({ kind: 'done', value: '' })}>
            标记已兑现
          </Button>
        )}
      </View>
      {edit.draft && (
        <Sheet title={edit.draft.kind === 'text' ? '修改承诺' : '标记已兑现'} submitText='保存' cancelText='取消' {...edit.sheet}>
          <Area
            label={edit.draft.kind === 'text' ? '微承诺' : '怎么兑现的'}
            value={edit.draft.value}
            maxlength={edit.draft.kind === 'text' ? 100 : 200}
            placeholder={edit.draft.kind === 'text' ? '一句话，为邻居做一件实事' : '怎么兑现的？如“10 月为 3 位老人理了发”'}
            onChange={(value) => edit.set({ value })}
          />
        </Sheet>
      )}
    </View>
  )
}
