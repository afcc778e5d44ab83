/** 我的心愿: two tabs — 我许的愿 (incl. those a building head posted for me or I posted for others) and 我认领的. */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { NO_WISH_COMMUNITY } from '../../../../features/wish/shared'
import { WishList } from '../../../../features/wish/WishList'
import '../../wish.scss'

type As = 'wisher' | 'claimer'

const TABS: { as: As; text: string; empty: string; action: { text: string; onClick: () => void } }[] = [
  { as: 'wisher', text: '我许的愿', empty: '还没有许过愿。有什么小需要，说出来，邻居来帮您', action: { text: '发布心愿', onClick: () => go('wish.post', {}) } },
  { as: 'claimer', text: '我认领的', empty: '还没有认领过心愿', action: { text: '去心愿墙看看', onClick: () => go('wishes') } },
]

export default function MyWishes() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const [as, setAs] = useState<As>('wisher')
  const key = me && communityId ? `${me.userId}|${communityId}|${as}` : null
  const list = usePaged(key, (cursor) => call('wish.mine', { communityId: communityId!, as, cursor, limit: 20 }))
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })
  const tab = TABS.find((t) => t.as === as)!

  return (
    <Guard communityId={communityId} noCommunity={NO_WISH_COMMUNITY}>
      <View className='w-tabs'>
        {TABS.map((t) => (
          <View key={t.as} className={`w-tab${as === t.as ? ' w-tab--on' : ''}`} id={`tab-${t.as}`} onClick={() => setAs(t.as)}>
            {t.text}
          </View>
        ))}
      </View>
      <WishList list={list} communityId={communityId!} id='my-wishes' empty={tab.empty} emptyAction={tab.action} />
    </Guard>
  )
}
