/**
 * 心愿详情: the wish and its whole story. Status, description, photos, place, wished-by date; the
 * timeline of every change (时间 · 谁 · 做了什么, with notes and photos); the wisher's contact for those
 * who need it (claimer, secretary, the wisher's side; tap the number to call); proof and rating; and the
 * buttons the server says this viewer may use (`can`), each through a sheet that says what happens.
 * Works as the first page of a share card (/packages/wish/pages/detail/index?id=…&c=…): it logs in, then loads.
 */
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { WishDetail } from '@contract/wish'
import { Guard, Loaded } from '../../../../components/Guard'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { useSharedPage } from '../../../../hooks/useSharedPage'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { NO_WISH_COMMUNITY } from '../../../../features/wish/shared'
import { ActionSheet, actionsFor, type Kind } from '../../components/ActionSheet'
import { Timeline, WishContact, WishFacts, WishHead, WishOutcome } from '../../components/Story'
import '../../wish.scss'

export default function WishDetailPage() {
  const { me, canWrite } = useSession()
  const { params } = useRouter()
  const wishId = decodeURIComponent(params.id ?? '')
  const communityId = useHomeCommunity(me)
  const key = me && communityId && wishId ? `${me.userId}|${communityId}|${wishId}` : null
  const wish = useQuery(key, () => call('wish.get', { communityId: communityId!, wishId }))
  const [sheet, setSheet] = useState<Kind | null>(null)
  const title = wish.data?.status === 'closed' ? '心愿圆梦了' : '心愿详情'

  useSharedPage(wish, {
    title,
    card: (w) => ({
      title: w ? `微心愿：${w.title}` : '社区微心愿',
      path: `${ROUTES['wish.detail']}?id=${encodeURIComponent(wishId)}&c=${encodeURIComponent(w?.communityId ?? communityId ?? '')}`,
      imageUrl: w?.photos[0],
    }),
  })

  const done = (next: WishDetail) => {
    wish.setData(next)
    setSheet(null)
  }

  return (
    <Guard communityId={communityId} noCommunity={NO_WISH_COMMUNITY} className='wish-detail' title={title}>
      {!wishId ? (
        <ErrorState error={{ code: 'NOT_FOUND', message: '没有找到这个心愿' }} />
      ) : wish.error ? (
        <>
          <ErrorState error={wish.error} onRetry={wish.reload} />
          <Button className='btn btn--block' onClick={() => go('wishes')}>
            去心愿墙看看
          </Button>
        </>
      ) : (
        <Loaded query={wish}>
          {(w) => (
            <>
              <WishHead w={w} />
              <Actions w={w} canWrite={canWrite} onOpen={setSheet} />
              <WishFacts w={w} />
              <WishContact w={w} />
              <WishOutcome w={w} />
              <Timeline w={w} />
              <Button className='btn btn--block' id='wish-back-wall' onClick={() => go('wishes')}>
                回心愿墙
              </Button>
              {sheet && <ActionSheet kind={sheet} wish={w} communityId={communityId!} onDone={done} onClose={() => setSheet(null)} reload={wish.reload} />}
            </>
          )}
        </Loaded>
      )}
    </Guard>
  )
}

/** The buttons the server allows this viewer; read-only until the privacy guide is agreed. */
function Actions({ w, canWrite, onOpen }: { w: WishDetail; canWrite: boolean; onOpen: (k: Kind) => void }) {
  const buttons = actionsFor(w.can)
  if (buttons.length === 0) return null
  return (
    <View className='card wd-actions' id='wish-actions'>
      {!canWrite ? (
        <Button className='btn btn--primary' onClick={() => go('me')}>
          同意隐私保护指引后才能操作
        </Button>
      ) : (
        buttons.map((b) => (
          <Button key={b.kind} className={`btn${b.primary ? ' btn--primary' : ''}`} id={`wish-${b.kind}`} onClick={() => onOpen(b.kind)}>
            {b.text}
          </Button>
        ))
      )}
    </View>
  )
}
