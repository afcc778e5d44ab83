/**
 * 服务菜单: what the community offers, by category, with a search. A search that finds nothing offers
 * 我想要这样的服务 (service.demand, counted for the secretary). A reminder opens this page with
 * `?booking=<id>&c=<community>`: that booking is shown first. Those who provide a service here (a card says
 * `provided`) or administer the community are led to the staff desk.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ServiceCategory } from '@contract/services'
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@contract/vocabulary'
import { Guard } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { PagedList } from '../../../../components/PagedList'
import { SearchBar } from '../../../../components/SearchBar'
import { useAction } from '../../../../hooks/useAction'
import { usePaged } from '../../../../hooks/useQuery'
import { can } from '../../../../services/access'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ServiceRow } from '../../components/ServiceRow'
import { OneBooking } from '../../components/OneBooking'
import { useServicesPage } from '../../shared'
import '../../services.scss'

export default function ServiceMenu() {
  const page = useServicesPage()
  const communityId = page.communityId
  const [category, setCategory] = useState<ServiceCategory | null>(null)
  const [q, setQ] = useState('')
  const listKey = page.key ? `${page.key}|${category ?? ''}|${q}` : null
  const list = usePaged(listKey, (cursor) =>
    call('service.list', { communityId: communityId!, cursor, limit: 20, ...(category ? { category } : {}), ...(q ? { q } : {}) }),
  )
  const want = useAction((words: string) => call('service.demand', { communityId: communityId!, words }), {
    success: '收到，社区会看看能不能开这项服务',
  })
  const nothingFound = !!q && !list.loading && list.items.length === 0 && !list.error

  return (
    <Guard communityId={communityId} className='services'>
      {page.params.booking && communityId && <OneBooking communityId={communityId} bookingId={page.params.booking} />}
      <View className='services__row'>
        <SearchBar
          id='services-search'
          className='services__search'
          inputClassName='services__search-input'
          placeholder='搜服务，如 理发、接待日'
          onSearch={setQ}
        />
        <Text className='link' id='services-mine' onClick={() => go('services.mine', { c: communityId! })}>
          我的预约
        </Text>
        <Text className='link' id='services-errands' onClick={() => go('services.errands')}>
          代办
        </Text>
        <Text className='link' id='services-venues' onClick={() => go('services.venue', { c: communityId! })}>
          场地
        </Text>
      </View>
      {(can(page.me, communityId, 'administer') || list.items.some((s) => s.provided)) && (
        <Text className='link' id='services-staff' style={{ display: 'block' }} onClick={() => go('services.staff', { communityId: communityId! })}>
          我负责的服务：核验预约码 · 今日名单 ›
        </Text>
      )}
      <View className='seg' id='services-categories'>
        <Chip on={category === null} onClick={() => setCategory(null)}>
          全部
        </Chip>
        {SERVICE_CATEGORIES.map((c) => (
          <Chip key={c} value={c} on={category === c} onClick={() => setCategory(c)}>
            {SERVICE_CATEGORY_LABELS[c]}
          </Chip>
        ))}
      </View>
      {nothingFound && (
        <View className='card' id='services-want'>
          <Text className='muted'>没有找到“{q}”。告诉社区您想要这样的服务，社区会统计大家的需要。</Text>
          <Button className='btn btn--primary btn--block' id='services-want-go' disabled={want.busy} onClick={() => want.run(q)}>
            我想要这样的服务
          </Button>
        </View>
      )}
      <PagedList
        list={list}
        id='services-list'
        className='services__list'
        empty={q ? '没有找到这样的服务' : '社区还没有开放预约的服务'}
        itemKey={(s) => s.id}
        renderItem={(s) => <ServiceRow s={s} onOpen={() => go('services.service', { id: s.id, c: communityId! })} />}
      />
    </Guard>
  )
}
