/**
 * 志愿活动: upcoming / past / mine. Each card: title, when, where, 已报名 n/N, points per hour and my
 * status. Secretaries get 发布活动. Pull down to refresh, scroll for more; shared into the WeChat group.
 */
import { useState } from 'react'
import { Button } from '@tarojs/components'
import { useDidShow, useShareAppMessage } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { NO_COMMUNITY } from '../../shared'
import { Tabs } from '../../components/bits'
import { ActivityItem } from '../../components/ActivityItem'
import '../../party.scss'

type Scope = 'upcoming' | 'past' | 'mine'
const TABS: { value: Scope; text: string }[] = [
  { value: 'upcoming', text: '近期' },
  { value: 'mine', text: '我报名的' },
  { value: 'past', text: '往期' },
]
const EMPTY: Record<Scope, string> = { mine: '您还没有报名活动', past: '还没有往期活动', upcoming: '近期没有活动，过几天再来看看' }

export default function Activities() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const [scope, setScope] = useState<Scope>('upcoming')
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}|${scope}` : null, (cursor) =>
    call('activity.list', { communityId: communityId!, scope, cursor, limit: 20 }),
  )
  useDidShow(() => {
    if (list.loaded) list.reload()
  })
  useShareAppMessage(() => ({ title: '社区志愿活动，邀您一起参加', path: ROUTES['party.activities'] }))
  const secretary = isSecretaryOf(me, communityId)
  const publish = () => go('party.adminActivity', { communityId: communityId! })

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='activities'>
      <Tabs options={TABS} value={scope} onChange={setScope} />
      {secretary && (
        <Button className='btn btn--primary btn--block' id='activity-new' style={{ marginBottom: '24px' }} onClick={publish}>
          ＋ 发布活动
        </Button>
      )}
      <PagedList
        list={list}
        id='activity-list'
        className=''
        empty={EMPTY[scope]}
        emptyAction={
          scope === 'mine' ? { text: '看看近期活动', onClick: () => setScope('upcoming') } : secretary ? { text: '发布活动', onClick: publish } : undefined
        }
        itemKey={(a) => a.id}
        renderItem={(a) => <ActivityItem a={a} communityId={communityId!} />}
      />
    </Guard>
  )
}
