/**
 * 服务菜单管理 (secretary): the community's services, paused ones too, each to change; 新增服务; and the figures
 * — bookings, attendance, no-shows, ratings, and what residents looked for but could not find.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ServiceDetail } from '@contract/services'
import { Guard, Loaded } from '../../../../components/Guard'
import { useAction } from '../../../../hooks/useAction'
import { useQuery } from '../../../../hooks/useQuery'
import { useSecretaryPage } from '../../../../hooks/useCommunity'
import { useSession } from '../../../../hooks/useSession'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ServiceEditor } from '../../components/ServiceEditor'
import { ServiceRow } from '../../components/ServiceRow'
import { Stats } from '../../components/Stats'
import '../../services.scss'

const SECRETARY_ONLY = { text: '只有社区书记可以管理服务菜单', action: { text: '回到我的', onClick: () => go('me') } }

export default function ManageServices() {
  const admin = useSecretaryPage(SECRETARY_ONLY)
  const { me } = useSession()
  const communityId = admin.communityId
  const list = useQuery(admin.key, () => call('service.list', { communityId: communityId!, all: true, limit: 50 }))
  const stats = useQuery(admin.key, () => call('service.stats', { communityId: communityId! }))
  // null: closed; 'new': a new service; else the one being changed.
  const [editing, setEditing] = useState<ServiceDetail | 'new' | null>(null)
  const open = useAction((serviceId: string) => call('service.get', { communityId: communityId!, serviceId }), { onSuccess: setEditing })

  return (
    <Guard {...admin.guard} className='services'>
      <Loaded query={list}>
        {(page) => (
          <>
            {page.items.map((s) => (
              <ServiceRow key={s.id} s={s} onOpen={() => open.run(s.id)} />
            ))}
            {page.items.length === 0 && <Text className='note'>还没有服务，新增一项吧</Text>}
          </>
        )}
      </Loaded>
      <Button className='btn btn--primary btn--block' id='service-new' onClick={() => setEditing('new')}>
        ＋ 新增服务
      </Button>
      <View className='section-title'>统计</View>
      <Loaded query={stats}>{(st) => <Stats st={st} />}</Loaded>
      {editing && me && communityId && (
        <ServiceEditor
          communityId={communityId}
          me={{ userId: me.userId, name: me.realName || me.nickname }}
          s={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          reload={list.reload}
          onDone={() => {
            setEditing(null)
            list.reload()
            stats.reload()
          }}
        />
      )}
    </Guard>
  )
}
