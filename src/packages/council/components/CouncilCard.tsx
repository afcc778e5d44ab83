/**
 * One council on the secretary's page: what it covers, its rules in words, and its seats — people the
 * secretary appointed (party branch, owners' committee, representatives, observers), each removable — with
 * 修改规则 and 添加成员.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { CouncilView, SeatKind } from '@contract/council'
import { COUNCIL_SCOPE_LABELS, ELIGIBILITY_LABELS, SEAT_KINDS, SEAT_LABELS } from '@contract/vocabulary'
import { Choice } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { MemberSearch } from '../../../components/MemberSearch'

/** The rules in one line each. */
function rules(c: CouncilView): string[] {
  const s = c.settings
  return [
    s.supportThreshold > 0 ? `${s.supportThreshold} 人附议后进入审议` : '提交后直接进入审议',
    `${ELIGIBILITY_LABELS[s.eligibility]}${s.youthMaxAge !== null ? `（${s.youthMaxAge} 岁以下）` : ''}`,
    `${s.quorumPercent > 0 ? `参与率至少 ${s.quorumPercent}%，` : ''}同意超过 ${s.passPercent}% 通过`,
    `征求意见 ${s.opinionDays} 天，表决 ${s.votingDays} 天${s.secretBallot ? '，结束前不公布票数' : ''}`,
  ]
}

interface Props {
  c: CouncilView
  communityId: string
  onEdit: () => void
  onChanged: (next: CouncilView) => void
  reload: () => void
}

export function CouncilCard({ c, communityId, onEdit, onChanged, reload }: Props) {
  const [adding, setAdding] = useState(false)
  const [seat, setSeat] = useState<SeatKind>('representative')
  const set = useAction((userId: string, kind: SeatKind | null) => call('council.setSeat', { communityId, councilId: c.id, userId, seat: kind }), {
    confirm: (_, kind) => (kind ? null : { title: '移出议事会', content: '确定把这位成员移出议事会吗？' }),
    success: (_, __, kind) => (kind ? `已设为${SEAT_LABELS[kind]}` : '已移出'),
    onSuccess: (next) => (setAdding(false), onChanged(next)),
    reload,
    showError: 'keep',
  })
  return (
    <View className='card ct-council' id={`council-${c.id}`} data-id={c.id}>
      <View className='ct-council__head'>
        <View className='card-title'>{c.name}</View>
        {c.isDefault && <Text className='tag'>社区默认</Text>}
        {!c.active && <Text className='tag ct-council__off'>已停用</Text>}
      </View>
      <Text className='muted'>
        {COUNCIL_SCOPE_LABELS[c.scope]} · {c.placeName}
      </Text>
      <View className='ct-council__rules'>
        {rules(c).map((r) => (
          <Text key={r} className='ct-council__rule'>
            · {r}
          </Text>
        ))}
      </View>
      <View className='ct-council__seats'>
        <Text className='form-label'>成员（{c.seats.length}）</Text>
        {c.seats.length === 0 && <Text className='muted'>还没有成员</Text>}
        {c.seats.map((s) => (
          <View key={s.userId} className='row ct-seat' data-id={s.userId} data-seat={s.seat}>
            <Text>
              {s.name} · {SEAT_LABELS[s.seat]}
            </Text>
            <Text className='link ct-seat__remove' onClick={() => set.run(s.userId, null)}>
              移出
            </Text>
          </View>
        ))}
      </View>
      <View className='btn-row'>
        <Button className='btn btn--small' id={`council-edit-${c.id}`} onClick={onEdit}>
          修改规则
        </Button>
        <Button className='btn btn--small btn--primary' id={`council-add-seat-${c.id}`} onClick={() => setAdding(true)}>
          添加成员
        </Button>
      </View>
      {adding && (
        <Sheet
          id='seat-sheet'
          title={`给「${c.name}」添加成员`}
          error={set.error?.message}
          busy={set.busy}
          onClose={() => (set.clearError(), setAdding(false))}
        >
          <Choice id='seat-kind' label='席位' value={seat} options={SEAT_KINDS.map((k) => ({ value: k, text: SEAT_LABELS[k] }))} onChange={setSeat} />
          <MemberSearch
            id='seat-search'
            communityId={communityId}
            pickText={`设为${SEAT_LABELS[seat]}`}
            picked={(id) => c.seats.some((s) => s.userId === id && s.seat === seat)}
            onPick={(m) => set.run(m.userId, seat)}
          />
        </Sheet>
      )}
    </View>
  )
}
