/**
 * For people who may work in several communities (a street admin over a whole street): which community this
 * page shows, and a way to switch. Shows nothing for everyone else. The choice is remembered on this device
 * (services/community.ts chooseCommunity); a page opened with a community in its address switches by
 * reopening itself with the new one.
 *
 *   <Guard communityId={communityId} pick='administer'>…</Guard>   (Guard renders the picker)
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Capability, Me } from '@contract/org'
import { communitiesWhere } from '../services/access'
import { chooseCommunity } from '../services/community'
import { Sheet } from './Sheet'

export function CommunityPicker({ me, capability, communityId }: { me: Me; capability: Capability; communityId: string | null | undefined }) {
  const [open, setOpen] = useState(false)
  const router = useRouter()
  const places = communitiesWhere(me, capability)
  if (places.length < 2) return null
  const current = places.find((p) => p.communityId === communityId)

  const pick = (id: string) => {
    setOpen(false)
    chooseCommunity(id)
    if (router.params.communityId && router.path) {
      const query = Object.entries({ ...router.params, communityId: id })
        .filter(([k, v]) => k !== '$taroTimestamp' && v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&')
      Taro.redirectTo({ url: `${router.path.split('?')[0]}?${query}` })
    }
  }

  return (
    <View className='picker-bar' id='community-picker'>
      <Text className='picker-bar__label'>当前社区</Text>
      <Text className='picker-bar__name' id='community-picker-current'>
        {current?.communityName ?? '请选择社区'}
      </Text>
      <Text className='picker-bar__switch link' id='community-picker-switch' onClick={() => setOpen(true)}>
        切换社区
      </Text>
      {open && (
        <Sheet title='选择社区' id='community-sheet' onClose={() => setOpen(false)}>
          {places.map((p) => (
            <View
              key={p.communityId}
              className={`choice ${p.communityId === communityId ? 'choice--on' : ''}`}
              id={`community-${p.communityId}`}
              onClick={() => pick(p.communityId)}
            >
              <Text className='choice__text'>{p.communityName}</Text>
            </View>
          ))}
        </Sheet>
      )}
    </View>
  )
}
