/**
 * What this viewer may do with the request now, ONLY from the server's `can` — big buttons a worker can reach
 * with one hand outdoors: 受理 / 接单 in one tap; 进展, 办结 (答复 for a suggestion), 确认解决, 重新办 through the
 * page's sheet; the secretary's 改派, 吹哨 and 转出 in their own row; 撤销 as a small link.
 */
import { View, Text, Button } from '@tarojs/components'
import type { RequestDetail } from '@contract/requests'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import type { MoveKind } from './MoveSheet'

interface Props {
  r: RequestDetail
  onDone: (next: RequestDetail) => void
  reload: () => void
  onOpen: (kind: MoveKind) => void
}

/** 受理 (the holder) or 接单 (the staff of the unit it was escalated to): one tap, the deadline reminders asked for in it. */
export function useTake(r: Pick<RequestDetail, 'id' | 'communityId'>, opts: { onSuccess: (next: RequestDetail) => void; reload: () => void }) {
  return useAction(
    async (how: 'accept' | 'unitAccept') => {
      await askSubscribe(['reminder'])
      return call(how === 'accept' ? 'request.accept' : 'request.unitAccept', { communityId: r.communityId, requestId: r.id })
    },
    { success: (_, how) => (how === 'accept' ? '已受理，请尽快处理' : '已接单，请尽快处理'), onSuccess: opts.onSuccess, reload: opts.reload },
  )
}

export function Moves({ r, onDone, reload, onOpen }: Props) {
  const take = useTake(r, { onSuccess: onDone, reload })
  const can = r.can
  const feedback = r.category === 'feedback'
  const main: { id: string; text: string; primary?: boolean; when?: boolean; tap: () => void }[] = [
    { id: 'request-unit-accept', text: '接单报到', primary: true, when: can.unitAccept, tap: () => take.run('unitAccept') },
    { id: 'request-accept', text: '受理', primary: true, when: can.accept, tap: () => take.run('accept') },
    { id: 'request-resolve', text: feedback ? '答复' : '办结', primary: true, when: can.resolve, tap: () => onOpen('resolve') },
    { id: 'request-progress', text: '进展', when: can.progress, tap: () => onOpen('progress') },
    { id: 'request-confirm', text: '确认解决', primary: true, when: can.confirm, tap: () => onOpen('confirm') },
    { id: 'request-reopen', text: '没解决，重新办', when: can.reopen, tap: () => onOpen('reopen') },
  ]
  const secretary: { id: string; text: string; when?: boolean; kind: MoveKind }[] = [
    { id: 'request-reassign', text: '改派', when: can.reassign, kind: 'reassign' },
    { id: 'request-escalate', text: '吹哨', when: can.escalate, kind: 'escalate' },
    { id: 'request-convert', text: '转出', when: can.convert, kind: 'convert' },
  ]
  const shown = main.filter((b) => b.when)
  const decisions = secretary.filter((b) => b.when)
  return (
    <>
      {shown.length > 0 && (
        <View className='rq-moves' id='request-moves'>
          {shown.map((b) => (
            <Button
              key={b.id}
              id={b.id}
              className={`btn rq-big${b.primary ? ' btn--primary' : ''}`}
              loading={take.busy && b.primary}
              disabled={take.busy}
              onClick={b.tap}
            >
              {b.text}
            </Button>
          ))}
        </View>
      )}
      {decisions.length > 0 && (
        <View className='card' id='request-decisions'>
          <Text className='card-title'>社区调度</Text>
          <View className='btn-row'>
            {decisions.map((b) => (
              <Button key={b.id} id={b.id} className='btn' onClick={() => onOpen(b.kind)}>
                {b.text}
              </Button>
            ))}
          </View>
        </View>
      )}
      {can.cancel && (
        <View className='rq-minor'>
          <Text className='link' id='request-cancel' onClick={() => onOpen('cancel')}>
            撤销这条诉求
          </Text>
        </View>
      )}
    </>
  )
}
