/**
 * 心愿 tab — the wish wall: every open, claimed, fulfilled and closed wish of my community, newest first.
 * Filter by status (全部/待认领/已认领/已圆梦) and category; pull down to refresh, scroll for more;
 * a big 发布心愿 button on top, 我的心愿 next to it. Each card opens the wish's story.
 * Main package: nothing here may import src/services/time.ts (dayjs stays in the subpackages).
 */
import { useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import { useShareAppMessage, useDidShow } from '@tarojs/taro'
import { Guard } from '../../components/Guard'
import { Chip } from '../../components/Field'
import { useSession } from '../../hooks/useSession'
import { useHomeCommunity } from '../../hooks/useCommunity'
import { usePaged, useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { go } from '../../services/nav'
import { ROUTES } from '../../routes'
import { NO_WISH_COMMUNITY, WALL_FILTERS } from '../../features/wish/shared'
import { WishList } from '../../features/wish/WishList'
import './index.scss'

type StatusFilter = (typeof WALL_FILTERS)[number]['status']

export default function Wishes() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const [status, setStatus] = useState<StatusFilter>('')
  const [category, setCategory] = useState('')
  const base = me && communityId ? `${me.userId}|${communityId}` : null
  const settings = useQuery(base, () => call('wish.settings', { communityId: communityId! }))
  const list = usePaged(base ? `${base}|${status}|${category}` : null, (cursor) =>
    call('wish.list', { communityId: communityId!, status: status || undefined, category: category || undefined, cursor, limit: 20 }),
  )

  useShareAppMessage(() => ({ title: '社区微心愿：说出小心愿，党员志愿者来帮您', path: ROUTES.wishes }))
  // Back from posting or from a wish: statuses may have changed.
  useDidShow(() => {
    if (base && list.loaded) list.reload()
  })

  const categories = settings.data?.categories ?? []
  const filtered = status !== '' || category !== ''
  const showAll = () => {
    setStatus('')
    setCategory('')
  }

  return (
    <Guard communityId={communityId} noCommunity={NO_WISH_COMMUNITY} className='wall' pick='member'>
      <View className='wall__head'>
        <Text className='wall__intro'>家里有点小困难、小需要，说出来，党员和志愿者邻居来帮您。</Text>
        <Button className='btn btn--primary btn--block wall__post' id='wish-post' onClick={() => go('wish.post', {})}>
          ＋ 发布心愿
        </Button>
        <View className='wall__mine' id='wish-mine' hoverClass='row--hover' onClick={() => go('wish.mine')}>
          我的心愿（我许的愿 · 我认领的） ›
        </View>
      </View>

      <View className='seg wall__filters' id='wish-filters'>
        {WALL_FILTERS.map((f) => (
          <Chip key={f.status || 'all'} value={f.status || 'all'} on={status === f.status} onClick={() => setStatus(f.status)}>
            {f.text}
          </Chip>
        ))}
      </View>
      {categories.length > 0 && (
        <Picker
          mode='selector'
          range={['全部类别'].concat(categories)}
          value={Math.max(0, categories.indexOf(category) + 1)}
          onChange={(e) => setCategory(categories[Number(e.detail.value) - 1] ?? '')}
        >
          <View className={`wall__cat${category ? ' wall__cat--on' : ''}`} id='wish-cat-picker'>
            <Text>类别：{category || '全部类别'}</Text>
            <Text className='wall__cat-arrow'>选择 ▾</Text>
          </View>
        </Picker>
      )}

      <WishList
        list={list}
        communityId={communityId!}
        id='wish-list'
        empty={filtered ? '这一类还没有心愿' : '还没有心愿，说出您的小心愿，党员志愿者来帮您'}
        emptyAction={filtered ? { text: '看全部心愿', onClick: showAll } : { text: '发布心愿', onClick: () => go('wish.post', {}) }}
      />
    </Guard>
  )
}
