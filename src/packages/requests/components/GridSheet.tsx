/**
 * 划分网格: one grid's name, the compounds it covers (whole), single buildings of other compounds, and its
 * worker 网格员 (found by name; 暂不安排 leaves it vacant). A building belongs to one grid: the server refuses
 * an overlap and names the building and the grid that has it.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { TreeView } from '@contract/org'
import type { GridView } from '@contract/requests'
import { Chip, Field, FormRow } from '../../../components/Field'
import { MemberSearch } from '../../../components/MemberSearch'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'

type Grid = TreeView['grids'][number]

export function GridSheet(props: {
  communityId: string
  tree: TreeView
  grid: Grid | null
  onDone: (g: GridView) => void
  onClose: () => void
  reload: () => void
}) {
  const { tree, grid } = props
  const [name, setName] = useState(grid?.name ?? '')
  const [compoundIds, setCompoundIds] = useState<string[]>(grid?.compoundIds ?? [])
  const [buildingIds, setBuildingIds] = useState<string[]>(grid?.buildingIds ?? [])
  const [worker, setWorker] = useState<{ userId: string; name: string } | null>(grid?.workerId ? { userId: grid.workerId, name: grid.workerName ?? '' } : null)
  const save = useAction(
    () =>
      call('org.setGrid', {
        communityId: props.communityId,
        ...(grid ? { gridId: grid.id } : {}),
        name: name.trim(),
        compoundIds,
        buildingIds: buildingIds.filter((b) => !tree.compounds.some((c) => compoundIds.includes(c.id) && c.buildings.some((x) => x.id === b))),
        workerId: worker?.userId ?? null,
      }),
    { success: '网格已保存', onSuccess: props.onDone, reload: props.reload, showError: 'keep' },
  )
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const check = () => (!name.trim() ? '请给网格起个名字' : compoundIds.length + buildingIds.length === 0 ? '请至少选一个小区或一栋楼' : null)

  return (
    <Sheet
      id='grid-sheet'
      title={grid ? '修改网格' : '新建网格'}
      act={save}
      check={check}
      submitText='保存'
      onSubmit={() => save.run()}
      onClose={props.onClose}
      reload={props.reload}
    >
      <Field id='grid-name' label='网格名称' placeholder='例如：第三网格（锦绣花园）' maxlength={20} value={name} onChange={setName} />
      <FormRow label='整个小区' id='grid-compounds'>
        <View className='seg'>
          {tree.compounds.map((c) => (
            <Chip key={c.id} value={c.id} check on={compoundIds.includes(c.id)} onClick={() => setCompoundIds(toggle(compoundIds, c.id))}>
              {c.name}
            </Chip>
          ))}
        </View>
      </FormRow>
      <FormRow label='其他小区的单栋楼（可不选）' id='grid-buildings'>
        {tree.compounds
          .filter((c) => !compoundIds.includes(c.id))
          .map((c) => (
            <View key={c.id} className='seg rq-buildings'>
              <Text className='note rq-buildings__compound'>{c.name}</Text>
              {c.buildings.map((b) => (
                <Chip key={b.id} value={b.id} check on={buildingIds.includes(b.id)} onClick={() => setBuildingIds(toggle(buildingIds, b.id))}>
                  {b.name}
                </Chip>
              ))}
            </View>
          ))}
      </FormRow>
      <FormRow label='网格员' hint='网格员需要住在本社区或在本社区报到，并用微信登录小程序'>
        {worker ? (
          <View className='pick pick--on' id='grid-worker'>
            <Text className='pick__text'>{worker.name}</Text>
            <Text className='link' onClick={() => setWorker(null)}>
              换一位
            </Text>
          </View>
        ) : (
          <MemberSearch id='grid-worker-search' communityId={props.communityId} onPick={(m) => setWorker({ userId: m.userId, name: m.name })} />
        )}
      </FormRow>
    </Sheet>
  )
}
