/**
 * 爱心服务卡 (member): the households I am paired with — who lives there, what they need (sensitive:
 * only the secretary and I see it), how often I visited — and 记录走访 with a short note.
 */
import { View, Text, Button } from '@tarojs/components'
import type { PairView } from '@contract/party'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Sheet } from '../../../../components/Sheet'
import { Area } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { usePullDown } from '../../../../hooks/usePullDown'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isoDay } from '../../../../services/time'
import { NO_COMMUNITY } from '../../shared'
import { TagList } from '../../components/bits'
import { useDraft } from '../../components/useDraft'
import '../../party.scss'

export default function Pairs() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const list = useQuery(me && communityId ? `${me.userId}|${communityId}` : null, () => call('pair.mine', { communityId: communityId! }))
  usePullDown(list.reload)
  const log = useAction((householdId: string, note: string) => call('pair.logVisit', { communityId: communityId!, householdId, note }), {
    success: '走访已记录',
    onSuccess: (res, householdId) => {
      list.setData((list.data ?? []).map((p) => (p.householdId === householdId ? { ...p, visits: res.visits, lastVisitAt: res.lastVisitAt } : p)))
      visit.close()
    },
    showError: 'keep',
  })
  const visit = useDraft(
    log,
    (v: { pair: PairView; note: string }) => (v.note.trim() ? null : '请写一句走访情况，如“老人身体好，帮忙换了灯泡”'),
    (v) => log.run(v.pair.householdId, v.note.trim()),
  )

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='pairs'>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        住户的情况只有您和社区书记能看到，请不要外传。
      </Text>
      <Loaded query={list}>
        {(pairs) =>
          pairs.length === 0 ? (
            <EmptyState text='还没有结对的住户，社区书记会根据您的住址和特长安排。' action={{ text: '回到党员首页', onClick: () => go('party.index') }} />
          ) : (
            pairs.map((p) => (
              <View key={p.householdId} className='card' data-id={p.householdId}>
                <Text className='card-title' style={{ display: 'block' }}>
                  {p.household}
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  住户：{p.residents.join('、') || '—'}
                </Text>
                <TagList tags={p.needs} />
                <Text className='muted' style={{ display: 'block' }}>
                  {isoDay(p.since)} 起结对 · 走访 {p.visits} 次{p.lastVisitAt ? ` · 最近 ${isoDay(p.lastVisitAt)}` : ''}
                </Text>
                <Button className='btn btn--primary btn--block' onClick={() => visit.open({ pair: p, note: '' })}>
                  记录走访
                </Button>
              </View>
            ))
          )
        }
      </Loaded>
      {visit.draft && (
        <Sheet title={`记录走访：${visit.draft.pair.household}`} submitText='保存走访' cancelText='取消' {...visit.sheet}>
          <Area
            label='这次走访'
            value={visit.draft.note}
            maxlength={300}
            placeholder='这次走访做了什么、老人有什么需要'
            onChange={(note) => visit.set({ note })}
          />
        </Sheet>
      )}
    </Guard>
  )
}
