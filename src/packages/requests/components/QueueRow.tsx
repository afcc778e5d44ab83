/**
 * One request in the worker's queue: its card (a tap opens it) and, while it waits to be taken, the one big
 * button — 受理 (dispatched to me or my unit) or 接单报到 (escalated to my unit) — so a worker takes it from
 * the list with one thumb.
 */
import { View, Button } from '@tarojs/components'
import type { RequestCard as Card, RequestDetail } from '@contract/requests'
import { openRequest } from '../shared'
import { RequestCard } from './RequestCard'
import { useTake } from './Moves'

export function QueueRow({ r, onTaken, reload }: { r: Card; onTaken: (next: RequestDetail) => void; reload: () => void }) {
  const take = useTake(r, { onSuccess: onTaken, reload })
  const how = r.status === 'dispatched' ? 'accept' : r.status === 'escalated' ? 'unitAccept' : null
  return (
    <RequestCard r={r} onClick={() => openRequest(r)}>
      {how && (
        <View className='rq-card__actions' onClick={(e) => e.stopPropagation()}>
          <Button className='btn btn--primary rq-big queue-take' loading={take.busy} disabled={take.busy} onClick={() => take.run(how)}>
            {how === 'accept' ? '受理' : '接单报到'}
          </Button>
        </View>
      )}
    </RequestCard>
  )
}
