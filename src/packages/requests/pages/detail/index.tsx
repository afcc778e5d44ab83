/**
 * 诉求详情: one request and its whole road — the clock, the words and photos, where and who, the 吹哨, how it
 * ended, every step of its flow — and what this viewer may do now (`can`, from the server): the worker's big
 * 受理 / 进展 / 办结, the reporter's 确认解决 (stars) / 重新办 / 撤销, the secretary's 改派 / 吹哨 / 转出, a unit's
 * 接单. Opened from a list, a notice (?id=&c=) or a queue of another community (a street department's). No
 * share card: a request is private.
 */
import { useState } from 'react'
import { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { RequestDetail } from '@contract/requests'
import { Guard, Loaded } from '../../../../components/Guard'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { Flow, Outcome, RequestFacts, RequestHead } from '../../components/Story'
import { Moves } from '../../components/Moves'
import { MoveSheet, type MoveKind } from '../../components/MoveSheet'
import { NO_REQUEST_COMMUNITY } from '../../shared'
import '../../requests.scss'

export default function RequestPage() {
  const { me } = useSession()
  const { params } = useRouter()
  const requestId = decodeURIComponent(params.id ?? '')
  const communityId = useHomeCommunity(me)
  const key = me && communityId && requestId ? `${me.userId}|${communityId}|${requestId}` : null
  const request = useQuery(key, () => call('request.get', { communityId: communityId!, requestId }))
  const [sheet, setSheet] = useState<MoveKind | null>(null)
  usePullDownRefresh(() => {
    request.reload()
    stopPullDownRefresh()
  })

  const done = (next: RequestDetail) => {
    request.setData(next)
    setSheet(null)
  }

  return (
    <Guard communityId={communityId} noCommunity={NO_REQUEST_COMMUNITY} className='requests'>
      {!requestId ? (
        <ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这条诉求' }} />
      ) : (
        <Loaded query={request}>
          {(r) => (
            <>
              <RequestHead r={r} />
              <Moves r={r} onDone={done} reload={request.reload} onOpen={setSheet} />
              <RequestFacts r={r} />
              <Outcome r={r} />
              <Flow r={r} />
              {sheet && <MoveSheet kind={sheet} r={r} onDone={done} onClose={() => setSheet(null)} reload={request.reload} />}
            </>
          )}
        </Loaded>
      )}
    </Guard>
  )
}
