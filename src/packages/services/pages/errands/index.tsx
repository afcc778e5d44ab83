/**
 * 社区代办: my errands and 我要代办; staff also see the untaken ones (接办: the first to take it owns it, 首问负责)
 * and their own, and move them on. Which views and steps I have comes from the server (a refusal says so).
 */
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { Guard } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { PagedList } from '../../../../components/PagedList'
import { usePaged } from '../../../../hooks/useQuery'
import { can } from '../../../../services/access'
import { call } from '../../../../services/api'
import { ErrandCard } from '../../components/ErrandCard'
import { ErrandForm } from '../../components/ErrandForm'
import { useServicesPage } from '../../shared'
import '../../services.scss'

type View_ = 'mine' | 'open' | 'owned'
const VIEWS: { value: View_; text: string }[] = [
  { value: 'mine', text: '我的代办' },
  { value: 'open', text: '待接办' },
  { value: 'owned', text: '我负责的' },
]

export default function Errands() {
  const page = useServicesPage()
  const communityId = page.communityId
  const staff = can(page.me, communityId, 'administer')
  const [view, setView] = useState<View_>('mine')
  const [writing, setWriting] = useState(false)
  const list = usePaged(page.key ? `${page.key}|${view}` : null, (cursor) => call('errand.list', { communityId: communityId!, view, cursor, limit: 20 }))

  return (
    <Guard communityId={communityId} className='services'>
      {staff && (
        <View className='seg' id='errand-views'>
          {VIEWS.map((v) => (
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
        empty={view === 'open' ? '没有等待接办的事' : '还没有代办的事'}
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
