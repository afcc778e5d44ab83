/**
 * 服务菜单管理 (secretary): the community's services, paused ones too, each opening the menu editor with every
 * setting it has; 新增服务; and the figures — bookings, attendance, no-shows, ratings per service (each opening
 * that service's roster by day), 代办 errands (opening the errands desk), and what residents looked for but could
 * not find (each a tap from a new service of that name). `?new=<words>` opens the editor for a new service so
 * named.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ServiceDetail } from '@contract/services'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Chip } from '../../../../components/Field'
import { Sheet } from '../../../../components/Sheet'
import { useAction } from '../../../../hooks/useAction'
import { useQuery } from '../../../../hooks/useQuery'
import { useSecretaryPage } from '../../../../hooks/useCommunity'
import { useSession } from '../../../../hooks/useSession'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { chinaToday, dayText } from '../../../../services/time'
import { Roster } from '../../components/Roster'
import { ServiceEditor } from '../../components/ServiceEditor'
import { ServiceRow } from '../../components/ServiceRow'
import { Stats } from '../../components/Stats'
import '../../services.scss'

const SECRETARY_ONLY = { text: '只有社区书记可以管理服务菜单', action: { text: '回到我的', onClick: () => go('me') } }
const DAY = 86_400_000
/** A route parameter's words, whether or not they arrive still encoded. */
const words = (p: string) => {
  try {
    return decodeURIComponent(p).slice(0, 20)
  } catch {
    return p.slice(0, 20)
  }
}

/** One service's roster on a day around today (the bookings behind its figures). */
function RosterSheet({ communityId, serviceId, name, onClose }: { communityId: string; serviceId: string; name: string; onClose: () => void }) {
  const days = [-1, 0, 1].map((n) => chinaToday(Date.now() + n * DAY))
  const [day, setDay] = useState(days[1])
  return (
    <Sheet id='roster-sheet' title={`${name} · 名单`} onClose={onClose}>
      <View className='seg'>
        {days.map((d) => (
          <Chip key={d} value={d} on={d === day} onClick={() => setDay(d)}>
            {dayText(d)}
          </Chip>
        ))}
      </View>
      <Roster communityId={communityId} serviceId={serviceId} day={day} />
    </Sheet>
  )
}

export default function ManageServices() {
  const admin = useSecretaryPage(SECRETARY_ONLY)
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = admin.communityId
  const list = useQuery(admin.key, () => call('service.list', { communityId: communityId!, all: true, limit: 50 }))
  const stats = useQuery(admin.key, () => call('service.stats', { communityId: communityId! }))
  // null: closed; { name }: a new service (named after a wish, or blank); else the one being changed.
  const [editing, setEditing] = useState<ServiceDetail | { name: string } | null>(params.new ? { name: words(params.new) } : null)
  const [roster, setRoster] = useState<{ serviceId: string; name: string } | null>(null)
  const open = useAction((serviceId: string) => call('service.get', { communityId: communityId!, serviceId }), { onSuccess: setEditing, reload: list.reload })

  return (
    <Guard {...admin.guard} className='services'>
      <Loaded query={list}>
        {(page) => (
          <>
            {page.items.map((s) => (
              <ServiceRow key={s.id} s={s} onOpen={() => open.run(s.id)} />
            ))}
            {page.items.length === 0 && <EmptyState id='services-empty' text='还没有服务，新增一项吧' />}
          </>
        )}
      </Loaded>
      <Button className='btn btn--primary btn--block' id='service-new' onClick={() => setEditing({ name: '' })}>
        ＋ 新增服务
      </Button>
      <View className='section-title'>统计</View>
      <Loaded query={stats}>
        {(st) => (
          <Stats
            st={st}
            onRoster={(serviceId, name) => setRoster({ serviceId, name })}
            onWanted={(words) => setEditing({ name: words.slice(0, 20) })}
            onErrands={() => go('services.errands')}
          />
        )}
      </Loaded>
      {open.busy && <Text className='note'>正在打开…</Text>}
      {editing && me && communityId && (
        <ServiceEditor
          communityId={communityId}
          me={{ userId: me.userId, name: me.realName || me.nickname }}
          s={'id' in editing ? editing : null}
          name={'id' in editing ? undefined : editing.name}
          onClose={() => setEditing(null)}
          reload={list.reload}
          onDone={() => {
            setEditing(null)
            list.reload()
            stats.reload()
          }}
        />
      )}
      {roster && communityId && <RosterSheet communityId={communityId} serviceId={roster.serviceId} name={roster.name} onClose={() => setRoster(null)} />}
    </Guard>
  )
}
