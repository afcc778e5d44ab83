/** 商品管理 (secretary): every item, on and off the shelf; tap to edit, 上架新商品 to add one. */
import { View, Text, Button } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { ItemPhoto, stockText } from '../../components/ItemPhoto'
import '../../points.scss'

export default function AdminItems() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const key = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  const list = usePaged(key, (cursor) => call('mall.items', { communityId: communityId!, includeInactive: true, cursor, limit: 20 }))
  useReachBottom(() => list.loadMore())
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked

  return (
    <PageShell>
      <Button className='btn btn--primary btn--block' id='item-new' onClick={() => go('points.adminItem', { communityId: communityId! })}>
        ＋ 上架新商品
      </Button>
      <View className='section-title'>全部商品（含已下架）</View>
      {list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty text='还没有商品，点上面的按钮上架第一件' />
      ) : (
        list.items.map((it) => (
          <View key={it.id} data-id={it.id} className={`mall-item${it.active ? '' : ' mall-item--out'}`} hoverClass='row--hover' onClick={() => go('points.adminItem', { communityId: communityId!, itemId: it.id })}>
            <ItemPhoto item={it} />
            <View className='mall-item__body'>
              <View className='order-row__top'>
                <Text className='mall-item__name'>{it.name}</Text>
                <Text className={`chip ${it.active ? 'chip--picked_up' : 'chip--cancelled'}`}>{it.active ? '在架上' : '已下架'}</Text>
              </View>
              <Text className='muted'>
                {it.kindLabel} · {it.price} 积分
              </Text>
              <Text className={`mall-stock${it.stock > 0 ? '' : ' mall-stock--out'}`}>
                {stockText(it)}
                {it.perPersonLimit !== null ? ` · 每人限 ${it.perPersonLimit} 件` : ''}
              </Text>
              {it.sponsorName && <Text className='note'>由 {it.sponsorName} 提供</Text>}
            </View>
          </View>
        ))
      )}
      {list.items.length > 0 && !list.done && (
        <Button className='btn btn--block' onClick={list.loadMore} loading={list.loading}>
          加载更多
        </Button>
      )}
    </PageShell>
  )
}
