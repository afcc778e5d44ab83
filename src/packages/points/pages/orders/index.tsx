/** 我的兑换: my orders, newest first, each with its status chip (待取货/已取货/已取消/已过期). */
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime, monthDay } from '../../../../services/time'
import { useResidentPoints } from '../../shared'
import { OrderHead } from '../../components/OrderHead'
import '../../points.scss'

export default function Orders() {
  const { communityId, key, guard } = useResidentPoints()
  const list = usePaged(key, (cursor) => call('mall.myOrders', { communityId: communityId!, cursor, limit: 20 }))
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  return (
    <Guard {...guard}>
      <PagedList
        list={list}
        id='orders-list'
        empty='还没有兑换过东西'
        emptyAction={{ text: '去积分超市看看', onClick: () => go('points.index') }}
        itemKey={(o) => o.id}
        renderItem={(o) => (
          <View className='order-row' hoverClass='row--hover' onClick={() => go('points.order', { communityId: communityId!, orderId: o.id })}>
            <OrderHead o={o} />
            <Text className='muted'>
              {o.points} 积分 · {dateTime(o.createdAt)}
              {o.status === 'reserved' ? ` · 请在 ${monthDay(o.deadline)} 前取货` : ''}
            </Text>
          </View>
        )}
      />
    </Guard>
  )
}
