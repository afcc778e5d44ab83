/**
 * 社区代办: my errands and 我要代办; staff — the secretary, grid workers and the providers of a 代办 service —
 * also see the untaken ones (接办: the first to take it owns it, 首问负责), their own, and (the secretary) all
 * of them, and move them on: progress, done, 转交 with a reason, 转为诉求. Whether I am staff here: my
 * capabilities (administer), my roles (grid worker) or the server's list of the 代办 services I provide; which
 * steps I may take comes with each errand (a refusal says why).
 */
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { Guard } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { accessIn, can } from '../../../../services/access'
import { call } from '../../../../services/api'
import { ErrandCard } from '../../components/ErrandCard'
import { ErrandForm } from '../../components/ErrandForm'
import { useServicesPage } from '../../shared'
import '../../services.scss'
import '../../staff.scss'

type View_ = 'mine' | 'open' | 'owned' | 'all'
const VIEWS: { value: View_; text: string; secretary?: true }[] = [
  { value: 'mine', text: '我的代办' },
  { value: 'open', text: '待接办' },
  { value: 'owned', text: '我负责的' },
  { value: 'all', text: '全部', secretary: true },
]
const EMPTY: Record<View_, string> = {
  mine: '还没有代办的事。社保、医保这些手续，可以请社区帮您办',
  open: '没有等待接办的事',
  owned: '您手上没有正在办的代办',
  all: '社区还没有代办的事',
}

export default function Errands() {
  const page = useServicesPage()
  const communityId = page.communityId
  const secretary = can(page.me, communityId, 'administer')
  const communityStaff = secretary || !!accessIn(page.me, communityId)?.roles.includes('grid_worker')
  // Providers of a 代办 service are staff of its errands too (the server's list of what I provide).
  const provided = useQuery(page.key && !communityStaff ? `${page.key}|errand-provided` : null, () =>
    call('service.list', { communityId: communityId!, provided: true, category: 'errand', limit: 1 }),
  )
  const staff = communityStaff || (provided.data?.items.length ?? 0) > 0
  const [view, setView] = useState<View_>('mine')
  const [writing, setWriting] = useState(false)
  const list = usePaged(page.key ? `${page.key}|${view}` : null, (cursor) => call('errand.list', { communityId: communityId!, view, cursor, limit: 20 }))

  return (
    <Guard communityId={communityId} className='services'>
      {staff && (
        <View className='seg' id='errand-views'>
          {VIEWS.filter((v) => !v.secretary || secretary).map((v) => (
            <Chip key={v.value} value={v.value} on={view === v.value} onClick={() => setView(v.value)}>
              {v.text}
            </Chip>
          ))}
        </View>
      )}
      <Button className='btn btn--primary btn--block' id='errand-new' onClick={() => setWriting(true)}>
        ＋ 我要代办
      </Button>
      <PagedList
        list={list}
        id='errand-list'
        empty={EMPTY[view]}
        itemKey={(e) => e.id}
        renderItem={(e) => <ErrandCard e={e} communityId={communityId!} onChanged={list.reload} />}
      />
      {writing && communityId && (
        <ErrandForm
          communityId={communityId}
          onClose={() => setWriting(false)}
          onDone={() => {
            setWriting(false)
            list.reload()
          }}
        />
      )}
    </Guard>
  )
}
