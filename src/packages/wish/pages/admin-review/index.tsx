/**
 * 心愿审核 (secretary): wishes waiting for review, oldest first. 通过 right in the list; 不通过 asks for
 * the reason (the wisher sees it); tap a card to read the whole wish first. Someone else handled it
 * already → said so, and the list refreshes.
 */
import { useState } from 'react'
import { Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { WishCard as Card } from '@contract/wish'
import { Guard } from '../../../../components/Guard'
import { usePaged } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime } from '../../../../services/time'
import { WishList } from '../../../../features/wish/WishList'
import { ActionSheet } from '../../components/ActionSheet'
import { useWishSecretary } from '../../shared'
import '../../wish.scss'

export default function AdminReview() {
  const admin = useWishSecretary()
  const communityId = admin.communityId!
  const list = usePaged(admin.key, (cursor) => call('wish.reviewQueue', { communityId, cursor, limit: 20 }))
  const [rejecting, setRejecting] = useState<Card | null>(null)
  useDidShow(() => {
    if (admin.key && list.loaded) list.reload()
  })
  const drop = (id: string) => list.setItems((items) => items.filter((w) => w.id !== id))
  const approve = useAction((w: Card) => call('wish.review', { communityId, wishId: w.id, approve: true }), {
    success: '已通过，心愿上墙了',
    onSuccess: (_, w) => drop(w.id),
    reload: list.reload,
  })

  return (
    <Guard {...admin.guard}>
      <Text className='muted w-intro'>看看内容是否合适、说得清楚。通过后上心愿墙；不通过请写原因，许愿人能看到。</Text>
      <WishList
        list={list}
        communityId={communityId}
        id='review-list'
        empty='没有等待审核的心愿'
        emptyAction={{ text: '去心愿墙看看', onClick: () => go('wishes') }}
        note={(w) => `${dateTime(w.createdAt)} 提交 · 点卡片看全文`}
        actions={(w) => (
          <>
            <Button className='btn review-reject' disabled={approve.pending?.[0] === w} onClick={() => setRejecting(w)}>
              不通过
            </Button>
            <Button className='btn btn--primary review-approve' loading={approve.pending?.[0] === w} disabled={approve.busy} onClick={() => approve.run(w)}>
              通过
            </Button>
          </>
        )}
      />
      {rejecting && (
        <ActionSheet
          kind='reject'
          wish={rejecting}
          communityId={communityId}
          body={`“${rejecting.title}”`}
          onDone={() => {
            drop(rejecting.id)
            setRejecting(null)
          }}
          onClose={() => setRejecting(null)}
          reload={list.reload}
        />
      )}
    </Guard>
  )
}
