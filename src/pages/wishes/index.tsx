/**
 * 心愿 tab — the wish wall: every open, claimed, fulfilled and closed wish of my community, newest first.
 * Filter by status (全部/待认领/已认领/已圆梦) and category; pull down to refresh, scroll for more;
 * a big 发布心愿 button on top, 我的心愿 next to it. Each card opens the wish's story.
 */
import { useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom, useShareAppMessage, stopPullDownRefresh, useDidShow } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { Loading } from '../../components/Loading'
import { Empty } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { useSession } from '../../hooks/useSession'
import { usePaged, useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { go } from '../../services/nav'
import { ROUTES } from '../../routes'
import { WALL_FILTERS, wishCommunityId } from '../../features/wish/shared'
import { WishCard } from '../../features/wish/WishCard'
import './index.scss'

type StatusFilter = (typeof WALL_FILTERS)[number]['status']

export default function Wishes() {
  const session = useSession()
  const { me } = session
  const communityId = wishCommunityId(me)
  const [status, setStatus] = useState<StatusFilter>('')
  const [category, setCategory] = useState('')
  const base = me && communityId ? `${me.userId}|${communityId}` : null
  const settings = useQuery(base, () => call('wish.settings', { communityId: communityId! }))
  const list = usePaged(base ? `${base}|${status}|${category}` : null, (cursor) =>
    call('wish.list', { communityId: communityId!, status: status || undefined, category: category || undefined, cursor, limit: 20 }),
  )

  useShareAppMessage(() => ({ title: '社区微心愿：说出小心愿，党员志愿者来帮您', path: ROUTES.wishes }))
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => list.loadMore())
  // Back from posting or from a wish: statuses may have changed.
  useDidShow(() => {
    if (base && list.loaded) list.reload()
  })

  if (!me) {
    return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  }
  if (!communityId) {
    return (
      <PageShell>
        <Empty text='登记了我家门牌，就能发布心愿、帮邻居圆梦了' action={{ text: '去登记门牌', onClick: () => go('me') }} />
      </PageShell>
    )
  }

  const filtered = status !== '' || category !== ''

  return (
    <PageShell className='wall'>
      <View className='wall__head'>
        <Text className='wall__intro'>家里有点小困难、小需要，说出来，党员和志愿者邻居来帮您。</Text>
        <Button className='btn btn--primary btn--block wall__post' id='wish-post' onClick={() => go('wish.post', {})}>
          ＋ 发布心愿
        </Button>
        <View className='wall__mine' id='wish-mine' hoverClass='row--hover' onClick={() => go('wish.mine')}>
          我的心愿（我许的愿 · 我认领的） ›
        </View>
      </View>

      <View className='wall__filters' id='wish-filters'>
        {WALL_FILTERS.map((f) => (
          <View
            key={f.status || 'all'}
            className={`wall__chip${status === f.status ? ' wall__chip--on' : ''}`}
            data-status={f.status || 'all'}
            onClick={() => setStatus(f.status)}
          >
            {f.text}
          </View>
        ))}
      </View>
      {settings.data && settings.data.categories.length > 0 && (
        <Picker
          mode='selector'
          range={['全部类别'].concat(settings.data.categories)}
          value={Math.max(0, settings.data.categories.indexOf(category) + 1)}
          onChange={(e) => setCategory(Number(e.detail.value) > 0 ? settings.data!.categories[Number(e.detail.value) - 1] ?? '' : '')}
        >
          <View className={`wall__cat${category ? ' wall__cat--on' : ''}`} id='wish-cat-picker'>
            <Text>类别：{category || '全部类别'}</Text>
            <Text className='wall__cat-arrow'>选择 ▾</Text>
          </View>
        </Picker>
      )}

      {list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : list.items.length === 0 ? (
        filtered ? (
          <Empty
            text='这一类还没有心愿'
            action={{
              text: '看全部心愿',
              onClick: () => {
                setStatus('')
                setCategory('')
              },
            }}
          />
        ) : (
          <Empty text='还没有心愿，说出您的小心愿，党员志愿者来帮您' action={{ text: '发布心愿', onClick: () => go('wish.post', {}) }} />
        )
      ) : (
        <View id='wish-list'>
          {list.items.map((w) => (
            <WishCard key={w.id} wish={w} onClick={() => go('wish.detail', { id: w.id, c: communityId })} />
          ))}
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note wall__end'>已经到底了</Text>
          ) : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
