/**
 * 网格与网格员 (secretary): the community's grids — the compounds and buildings each covers and its worker —
 * to change or to add. A new report from a building goes to its grid's worker (unless a unit owns the category).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { TreeView } from '@contract/org'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { GridSheet } from '../../components/GridSheet'
import { useRequestsSecretary } from '../../shared'
import '../../requests.scss'

type Grid = TreeView['grids'][number]

/** What a grid covers, in words: 幸福里小区；锦绣花园 2栋、3栋. */
function coverage(g: Grid, tree: TreeView): string {
  const whole = tree.compounds.filter((c) => g.compoundIds.includes(c.id)).map((c) => c.name)
  const single = tree.compounds.flatMap((c) => {
    const mine = c.buildings.filter((b) => g.buildingIds.includes(b.id)).map((b) => b.name)
    return mine.length ? [`${c.name} ${mine.join('、')}`] : []
  })
  return [...whole, ...single].join('；') || '还没有划入楼栋'
}

export default function Grids() {
  const admin = useRequestsSecretary()
  const tree = useQuery(admin.key, () => call('org.tree', { communityId: admin.communityId! }))
  const [editing, setEditing] = useState<{ grid: Grid | null } | null>(null)

  return (
    <Guard {...admin.guard} className='requests'>
      <Loaded query={tree}>
        {(t) => (
          <>
            {t.grids.length === 0 ? (
              <EmptyState text='还没有划分网格。划好网格、安排网格员，居民报修就会自动派给网格员' />
            ) : (
              t.grids.map((g) => (
                <View key={g.id} className='card rq-grid' data-id={g.id}>
                  <Text className='card-title'>{g.name}</Text>
                  <Text className='muted rq-grid__line'>网格员：{g.workerName ?? '待安排'}</Text>
                  <Text className='muted rq-grid__line'>{coverage(g, t)}</Text>
                  <Button className='btn btn--small grid-edit' onClick={() => setEditing({ grid: g })}>
                    修改
                  </Button>
                </View>
              ))
            )}
            <Button className='btn btn--primary btn--block' id='grid-new' onClick={() => setEditing({ grid: null })}>
              新建网格
            </Button>
            {editing && (
              <GridSheet
                communityId={admin.communityId!}
                tree={t}
                grid={editing.grid}
                onDone={() => {
                  setEditing(null)
                  tree.reload()
                }}
                onClose={() => setEditing(null)}
                reload={tree.reload}
              />
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
