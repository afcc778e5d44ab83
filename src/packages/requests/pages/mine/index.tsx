/**
 * 我的诉求: what I reported (including those a building head or staff entered for me), newest first, each with
 * its clock — a coloured dot and the time left in words; a tap opens it. Fresh again when I come back to it.
 */
import { Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { RequestCard } from '../../components/RequestCard'
import { NO_REQUEST_COMMUNITY, openRequest } from '../../shared'
import '../../requests.scss'

export default function MyRequests() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const list = usePaged(key, (cursor) => call('request.mine', { communityId: communityId!, cursor, limit: 20 }))
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })
  return (
    <Guard communityId={communityId} noCommunity={NO_REQUEST_COMMUNITY} className='requests'>
      <Button className='btn btn--primary btn--block rq-big rq-top-button' id='mine-report' onClick={() => go('requests.index')}>
        一键报修
      </Button>
      <PagedList
        list={list}
        id='my-requests'
        className='rq-list'
        empty='还没有报过事。家里、楼道、小区有问题，点上面一键报修'
        itemKey={(r) => r.id}
        renderItem={(r) => <RequestCard r={r} onClick={() => openRequest(r)} />}
      />
    </Guard>
  )
}
