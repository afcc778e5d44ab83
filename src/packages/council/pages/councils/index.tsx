/**
 * 议事会与成员 (secretary): the community's councils — the default community council and those set up for a
 * compound, a building, the youth or new residents — each with its rules in words and its seats; set one up,
 * change its rules, appoint people to seats or take them off (every change audited on the server). Below them,
 * the way to the 居民说事点 posters.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { CouncilView } from '@contract/council'
import { Guard, Loaded } from '../../../../components/Guard'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { useCouncilSecretary } from '../../shared'
import { CouncilCard } from '../../components/CouncilCard'
import { CouncilForm } from '../../components/CouncilForm'
import '../../council.scss'

export default function Councils() {
  const admin = useCouncilSecretary()
  const councils = useQuery(admin.key, () => call('council.list', { communityId: admin.communityId! }))
  // null: closed; 'new': a new council; else the council being changed.
  const [editing, setEditing] = useState<CouncilView | 'new' | null>(null)
  const replace = (next: CouncilView) => councils.setData((list) => (list ?? []).map((c) => (c.id === next.id ? next : c)))

  return (
    <Guard {...admin.guard} className='council-admin'>
      <Loaded query={councils}>
        {(list) => (
          <>
            {list.map((c) => (
              <CouncilCard key={c.id} c={c} communityId={admin.communityId!} onEdit={() => setEditing(c)} onChanged={replace} reload={councils.reload} />
            ))}
            <Button className='btn btn--primary btn--block' id='council-new-council' onClick={() => setEditing('new')}>
              ＋ 设立议事会（楼栋、小区、青年、新居民）
            </Button>
            <View className='card'>
              <View className='row' id='council-to-points' hoverClass='row--hover' onClick={() => go('council.points', { communityId: admin.communityId! })}>
                <Text>居民说事点二维码（贴在楼下、小区门口，扫码提议题）</Text>
                <Text className='row__arrow'>›</Text>
              </View>
            </View>
          </>
        )}
      </Loaded>
      {editing && (
        <CouncilForm
          communityId={admin.communityId!}
          council={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            councils.reload()
          }}
        />
      )}
    </Guard>
  )
}
