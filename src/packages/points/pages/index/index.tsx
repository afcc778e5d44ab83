/**
 * 积分超市: my balance on top (with 积分明细 / 我的兑换), then the shelf: photo or a kind mark, name,
 * kind, price in points, stock ("剩 3 件" / "已兑完") and the per-person limit. Pull down to refresh,
 * scroll to the bottom for more, share the shelf into the compound's WeChat group.
 */
import { View, Text } from '@tarojs/components'
import { usePullDownRefresh, useShareAppMessage, useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged, useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROUTES } from '../../../../routes'
import { useResidentPoints } from '../../shared'
import { ItemRow, Stock } from '../../components/ItemPhoto'
import { Balance, Expiring } from '../../components/Balance'
import '../../points.scss'

export default function Mall() {
  const { communityId, key, guard } = useResidentPoints()
  const balance = useQuery(key, () => call('points.balance', { communityId: communityId! }))
  const list = usePaged(key, (cursor) => call('mall.items', { communityId: communityId!, cursor, limit: 20 }))

  useShareAppMessage(() => ({ title: '社区积分超市上新了，攒的积分能换好东西', path: ROUTES['points.index'] }))
  // the list reloads itself (PagedList)
  usePullDownRefresh(() => balance.reload())
  // Back from a redemption: the balance and stock have changed.
  useDidShow(() => {
    if (key && list.loaded) {
      balance.reload()
      list.reload()
    }
  })

  return (
    <Guard {...guard} className='mall'>
      <Balance on='mall' query={balance} />
      <Expiring balance={balance.data} />

      <View className='section-title'>可以兑换的东西</View>
      <PagedList
        list={list}
        id='mall-list'
        className=''
        empty='超市还在上货，过几天再来看看'
        emptyAction={{ text: '先看看怎么攒积分', onClick: () => go('points.mine') }}
        itemKey={(it) => it.id}
        renderItem={(it) => (
          <ItemRow item={it} out={it.stock <= 0} onClick={() => go('points.item', { communityId: communityId!, itemId: it.id })}>
            <Text className='mall-item__name'>{it.name}</Text>
            <Text className='muted'>{it.kindLabel}</Text>
            <Text className='mall-price'>
              {it.price}
              <Text className='mall-price__unit'>积分</Text>
            </Text>
            <Stock item={it} />
          </ItemRow>
        )}
      />
    </Guard>
  )
}
