/**
 * 积分超市: my balance on top (with 我的积分 / 我的兑换), then the shelf: photo or a kind mark, name,
 * kind, price in points, stock ("剩 3 件" / "已兑完") and the per-person limit. Pull down to refresh,
 * scroll to the bottom for more, share the shelf into the compound's WeChat group.
 */
import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom, useShareAppMessage, stopPullDownRefresh, useDidShow } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { usePointsCommunity } from '../../shared'
import { ItemPhoto, stockText } from '../../components/ItemPhoto'
import { guard } from '../../components/Guard'
import '../../points.scss'

export default function Mall() {
  const session = useSession()
  const { me } = session
  const communityId = usePointsCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const list = usePaged(key, (cursor) => call('mall.items', { communityId: communityId!, cursor, limit: 20 }))

  useShareAppMessage(() => ({ title: '社区积分超市上新了，攒的积分能换好东西', path: ROUTES['points.index'] }))
  usePullDownRefresh(() => {
    balance.reload()
    list.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => list.loadMore())
  // Back from a redemption: the balance and stock have changed.
  useDidShow(() => {
    if (key && list.loaded) {
      balance.reload()
      list.reload()
    }
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked

  return (
    <PageShell className='mall'>
      <View className='pts-balance' id='mall-balance'>
        <Text className='pts-balance__label'>我的积分</Text>
        <Text className='pts-balance__num'>
          {balance.data ? balance.data.balance : '…'}
          <Text className='pts-balance__unit'>分</Text>
        </Text>
        <View className='pts-balance__links'>
          <View className='pts-balance__link' id='go-mine' onClick={() => go('points.mine')}>
            积分明细
          </View>
          <View className='pts-balance__link' id='go-orders' onClick={() => go('points.orders')}>
            我的兑换
          </View>
        </View>
      </View>
      {balance.data?.expiring && (
        <Text className='pts-warn'>
          有 {balance.data.expiring.amount} 积分将于 {balance.data.expiring.on} 到期，请尽快使用
        </Text>
      )}

      <View className='section-title'>可以兑换的东西</View>
      {list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty text='超市还在上货，过几天再来看看' action={{ text: '先看看怎么攒积分', onClick: () => go('points.mine') }} />
      ) : (
        <View id='mall-list'>
          {list.items.map((it) => (
            <View
              key={it.id}
              className={`mall-item${it.stock > 0 ? '' : ' mall-item--out'}`}
              data-id={it.id}
              hoverClass='row--hover'
              onClick={() => go('points.item', { communityId: communityId!, itemId: it.id })}
            >
              <ItemPhoto item={it} />
              <View className='mall-item__body'>
                <Text className='mall-item__name'>{it.name}</Text>
                <Text className='muted'>{it.kindLabel}</Text>
                <Text className='mall-price'>
                  {it.price}
                  <Text className='mall-price__unit'>积分</Text>
                </Text>
                <Text className={`mall-stock${it.stock > 0 ? '' : ' mall-stock--out'}`}>
                  {stockText(it)}
                  {it.perPersonLimit !== null ? ` · 每人限 ${it.perPersonLimit} 件` : ''}
                </Text>
              </View>
            </View>
          ))}
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note'>已经到底了</Text>
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
