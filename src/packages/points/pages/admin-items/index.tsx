/** 商品管理 (secretary): every item, on and off the shelf; tap to edit, 上架新商品 to add one. */
import { View, Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { useSecretaryPoints } from '../../shared'
import { ItemRow, Stock } from '../../components/ItemPhoto'
import '../../points.scss'

export default function AdminItems() {
  const { communityId, key, guard } = useSecretaryPoints()
  const list = usePaged(key, (cursor) => call('mall.items', { communityId: communityId!, includeInactive: true, cursor, limit: 20 }))
  useDidShow(() => {
    if (key && list.loaded) list.reload()
  })

  return (
    <Guard {...guard}>
      <Button className='btn btn--primary btn--block' id='item-new' onClick={() => go('points.adminItem', { communityId: communityId! })}>
        ＋ 上架新商品
      </Button>
      <View className='section-title'>全部商品（含已下架）</View>
      <PagedList
        list={list}
        className=''
        empty='还没有商品，点上面的按钮上架第一件'
        itemKey={(it) => it.id}
        renderItem={(it) => (
          <ItemRow item={it} out={!it.active} onClick={() => go('points.adminItem', { communityId: communityId!, itemId: it.id })}>
            <View className='order-row__top'>
              <Text className='mall-item__name'>{it.name}</Text>
              <Text className={`chip ${it.active ? 'chip--picked_up' : 'chip--cancelled'}`}>{it.active ? '在架上' : '已下架'}</Text>
            </View>
            <Text className='muted'>
              {it.kindLabel} · {it.price} 积分
            </Text>
            <Stock item={it} />
            {it.sponsorName && <Text className='note'>由 {it.sponsorName} 提供</Text>}
          </ItemRow>
        )}
      />
    </Guard>
  )
}
