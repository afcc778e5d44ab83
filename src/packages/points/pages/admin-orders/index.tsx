/** 兑换订单 (secretary): every order, filtered by status, with the masked name of who redeemed it. */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { OrderStatus } from '@contract/points'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { Chip } from '../../../../components/Field'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dateTime, monthDay } from '../../../../services/time'
import { STATUS_LABELS, useSecretaryPoints } from '../../shared'
import { OrderHead } from '../../components/OrderHead'
import '../../points.scss'

const FILTERS: (OrderStatus | null)[] = [null, 'reserved', 'picked_up', 'cancelled', 'expired']

export default function AdminOrders() {
  const { communityId, key: base, guard } = useSecretaryPoints()
  const [status, setStatus] = useState<OrderStatus | null>(null)
  const key = base ? `${base}|${status ?? ''}` : null
  const list = usePaged(key, (cursor) => call('mall.orders', { communityId: communityId!, ...(status ? { status } : {}), cursor, limit: 20 }))
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  return (
    <Guard {...guard}>
      <Button className='btn btn--primary btn--block' onClick={() => go('points.adminVerify', { communityId: communityId! })}>
        核销取货
      </Button>
      <View className='seg' style={{ margin: '24px 0' }}>
        {FILTERS.map((f) => (
          <Chip key={f ?? 'all'} on={status === f} onClick={() => setStatus(f)}>
            {f ? STATUS_LABELS[f] : '全部'}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        id='admin-orders'
        empty={status ? `没有${STATUS_LABELS[status]}的订单` : '还没有人兑换'}
        itemKey={(o) => o.id}
        renderItem={(o) => (
          <View className='order-row' data-id={o.id} data-item={o.itemId}>
            <OrderHead o={o} />
            <Text className='muted'>
              {o.userName ?? ''} · {o.points} 积分 · {dateTime(o.createdAt)}
            </Text>
            <Text className='note'>
              {o.status === 'reserved' ? `取货截止 ${monthDay(o.deadline)}` : o.closedAt ? `${STATUS_LABELS[o.status]}于 ${dateTime(o.closedAt)}` : ''}
            </Text>
          </View>
        )}
      />
    </Guard>
  )
}
