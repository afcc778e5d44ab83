/**
 * Who provides a service, for the menu editor: community staff (people of this community who serve here,
 * found by name), a partner unit (one of unit.list, and optionally some of its staff by name; without any,
 * all its staff provide it), or a party-member post (post.list: its holders provide it).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { Role } from '@contract/common'
import type { ProviderKind } from '@contract/services'
import type { UnitView } from '@contract/requests'
import { PROVIDER_LABELS } from '@contract/vocabulary'
import { Chip, Choice, FormRow } from '../../../components/Field'
import { Loaded } from '../../../components/Guard'
import { MemberSearch, PickRow } from '../../../components/MemberSearch'
import { useQuery } from '../../../hooks/useQuery'
import type { ApiCallError } from '../../../services/api'
import { allPosts } from '../../../services/posts'
import type { Draft } from '../editor'

// From the labels (already in the main package's vocabulary), not PROVIDER_KINDS: importing that array would
// add it to the main package's common chunk, which every page loads.
const KIND_OPTIONS = (Object.keys(PROVIDER_LABELS) as ProviderKind[]).map((k) => ({ value: k, text: PROVIDER_LABELS[k] }))
/** Roles the function accepts as a service's named providers (service/upsert.ts SERVING). */
const SERVING: readonly Role[] = ['secretary', 'grid_worker', 'building_head', 'party_member', 'volunteer', 'unit_staff', 'street_admin']

type Provider = Draft['provider']

export interface ProviderPickerProps {
  communityId: string
  value: Provider
  onChange: (p: Provider) => void
  /** unit.list, loaded by the editor (the venue's unit is picked from it too). */
  units: { data: UnitView[] | null; error: ApiCallError | null; reload: () => void }
}

export function ProviderPicker({ communityId, value, onChange, units }: ProviderPickerProps) {
  const [adding, setAdding] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const posts = useQuery(value.kind === 'post' ? `${communityId}|posts` : null, () => allPosts(communityId))
  const setKind = (kind: ProviderKind) =>
    onChange({ ...value, kind, userIds: kind === value.kind ? value.userIds : [], people: kind === value.kind ? value.people : [] })
  const remove = (userId: string) =>
    onChange({ ...value, userIds: value.userIds.filter((x) => x !== userId), people: value.people.filter((x) => x.userId !== userId) })
  const add = (userId: string, name: string) => onChange({ ...value, userIds: [...value.userIds, userId], people: [...value.people, { userId, name }] })
  const nameOf = (userId: string) => value.people.find((x) => x.userId === userId)?.name ?? '工作人员'

  return (
    <>
      <Choice label='由谁提供' id='form-provider-kind' value={value.kind} options={KIND_OPTIONS} onChange={setKind} />
      {value.kind === 'staff' && (
        <FormRow label='负责的工作人员' id='provider-staff'>
          <View className='seg'>
            {value.userIds.map((id) => (
              <Chip key={id} value={id} on onClick={() => remove(id)}>
                {nameOf(id)} ✕
              </Chip>
            ))}
            {value.userIds.length === 0 && <Text className='note'>还没有选人</Text>}
          </View>
          {adding ? (
            <>
              <MemberSearch
                communityId={communityId}
                id='provider-search'
                pickText='选这位'
                picked={(id) => value.userIds.includes(id)}
                onPick={(m) => {
                  if (!m.roles.some((r) => SERVING.includes(r))) return setNote(`${m.name}不是社区工作人员，请选社区干部、网格员、楼栋长、党员或志愿者`)
                  setNote(null)
                  add(m.userId, m.name)
                  setAdding(false)
                }}
              />
              {note && <Text className='sheet__error'>{note}</Text>}
            </>
          ) : (
            <Button className='btn btn--small' id='provider-add' onClick={() => setAdding(true)}>
              ＋ 添加工作人员
            </Button>
          )}
        </FormRow>
      )}
      {value.kind === 'unit' && (
        <FormRow label='共建单位' id='provider-units' hint='不选具体的人，单位的工作人员都可以提供这项服务'>
          <Loaded query={units} loadingText='正在读取单位…'>
            {(list) =>
              list.length === 0 ? (
                <Text className='note'>本社区还没有共建单位，请先在「责任单位」里添加</Text>
              ) : (
                <View className='pick-list'>
                  {list.map((u) => (
                    <View key={u.id}>
                      <PickRow id={u.id} on={value.unitId === u.id} onClick={() => onChange({ ...value, unitId: u.id, userIds: [], people: [] })}>
                        {u.name}
                      </PickRow>
                      {value.unitId === u.id && u.staff.length > 0 && (
                        <View className='seg' id='provider-unit-staff'>
                          {u.staff.map((p) => (
                            <Chip
                              key={p.userId}
                              value={p.userId}
                              check
                              on={value.userIds.includes(p.userId)}
                              onClick={() => (value.userIds.includes(p.userId) ? remove(p.userId) : add(p.userId, p.name))}
                            >
                              {p.name}
                            </Chip>
                          ))}
                        </View>
                      )}
                    </View>
                  ))}
                </View>
              )
            }
          </Loaded>
        </FormRow>
      )}
      {value.kind === 'post' && (
        <FormRow label='党员服务岗' id='provider-posts' hint='岗位上的党员都可以提供这项服务'>
          <Loaded query={posts} loadingText='正在读取服务岗…'>
            {(list) =>
              list.filter((p) => p.active).length === 0 ? (
                <Text className='note'>本社区还没有党员服务岗，请先在「党建」里设岗</Text>
              ) : (
                <View className='pick-list'>
                  {list
                    .filter((p) => p.active)
                    .map((p) => (
                      <PickRow key={p.id} id={p.id} on={value.postId === p.id} onClick={() => onChange({ ...value, postId: p.id, userIds: [], people: [] })}>
                        {p.title}
                        {p.holders.length ? ` · ${p.holders.map((h) => h.name).join('、')}` : ' · 暂无党员认领'}
                      </PickRow>
                    ))}
                </View>
              )
            }
          </Loaded>
        </FormRow>
      )}
    </>
  )
}
