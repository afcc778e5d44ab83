/**
 * 超期心愿 (secretary): open wishes nobody has claimed for N days, and claimed ones without progress
 * for N days. An unclaimed one can be dispatched (派单) to a party member right here; for a claimed one,
 * open it to call the wisher. Claimers without progress are reminded automatically by the daily timer.
 */
import { useState } from 'react'
import { Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { WishCard as Card } from '@contract/wish'
import { Guard } from '../../../../components/Guard'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime } from '../../../../services/time'
import { WishList } from '../../../../features/wish/WishList'
import { ActionSheet } from '../../components/ActionSheet'
import { useWishSecretary } from '../../shared'
import '../../wish.scss'

export default function AdminOverdue() {
  const admin = useWishSecretary()
  const communityId = admin.communityId!
  const list = usePaged(admin.key, (cursor) => call('wish.overdue', { communityId, cursor, limit: 20 }))
  const settings = useQuery(admin.key, () => call('wish.settings', { communityId }))
  const [dispatching, setDispatching] = useState<Card | null>(null)
  useDidShow(() => {
    if (admin.key && list.loaded) list.reload()
  })
  const days = settings.data?.overdueDays

  return (
    <Guard {...admin.guard}>
      <Text className='muted w-intro'>
        {days ? `超过 ${days} 天没人认领、或认领后 ${days} 天没有进展的心愿。` : '很久没人认领、或认领后很久没有进展的心愿。'}
        认领人会自动收到提醒；没人认领的可以派单给党员。
      </Text>
      <WishList
        list={list}
        communityId={communityId}
        id='overdue-list'
        empty='没有超期的心愿，大家都很给力'
        emptyAction={{ text: '去心愿墙看看', onClick: () => go('wishes') }}
        note={(w) => `${dateTime(w.createdAt)} 发布`}
        actions={(w) => (
          <>
            <Button className='btn' onClick={() => go('wish.detail', { id: w.id, c: communityId })}>
              {w.status === 'claimed' ? '看看进展、打电话' : '看看详情'}
            </Button>
            {w.status === 'open' && (
              <Button className='btn btn--primary overdue-dispatch' onClick={() => setDispatching(w)}>
                派单
              </Button>
            )}
          </>
        )}
      />
      {dispatching && (
        <ActionSheet
          kind='dispatch'
          wish={dispatching}
          communityId={communityId}
          body={`“${dispatching.title}”由谁负责？他会收到提醒。`}
          onDone={() => {
            list.setItems((items) => items.filter((w) => w.id !== dispatching.id))
            setDispatching(null)
          }}
          onClose={() => setDispatching(null)}
          reload={list.reload}
        />
      )}
    </Guard>
  )
}
