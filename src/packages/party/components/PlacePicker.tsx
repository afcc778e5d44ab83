/** 小区 then 楼栋, as chips (双报到's home, 结对管理's household): choosing another compound clears the building. */
import { View, Text } from '@tarojs/components'
import type { TreeView } from '@contract/org'
import { Chip } from '../../../components/Field'

export function PlacePicker(props: {
  tree: TreeView
  compoundId: string | null
  buildingId: string | null
  onChange: (compoundId: string, buildingId: string | null) => void
  buildingsId?: string
}) {
  const { tree, compoundId, buildingId, onChange } = props
  const compound = tree.compounds.find((c) => c.id === compoundId) ?? null
  return (
    <>
      <View className='seg'>
        {tree.compounds.map((c) => (
          <Chip key={c.id} value={c.id} on={compoundId === c.id} onClick={() => onChange(c.id, c.id === compoundId ? buildingId : null)}>
            {c.name}
          </Chip>
        ))}
      </View>
      {compound && (
        <>
          <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
            楼栋
          </Text>
          <View className='seg' id={props.buildingsId}>
            {compound.buildings.map((b) => (
              <Chip key={b.id} value={b.id} on={buildingId === b.id} onClick={() => onChange(compound.id, b.id)}>
                {b.name}
              </Chip>
            ))}
          </View>
        </>
      )}
    </>
  )
}
