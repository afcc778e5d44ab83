/**
 * 结对管理 (secretary): pair a verified party member with a household (1+N: the community's 5–15 by default) — pick the
 * member, then the household step by step (compound → building → door), tick what the household needs
 * (sensitive: only the secretary and the paired member see it), and 结对; or 解除结对 the same way. The
 * chosen member's current count is shown against the community's range, which the secretary sets below.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { HouseholdOption } from '@contract/org'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Chip, Tags } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { NEEDS, notSecretary } from '../../shared'
import { Warn } from '../../components/bits'
import { PlacePicker } from '../../components/PlacePicker'
import { PairRange } from '../../components/PairRange'
import '../../party.scss'

export default function AdminPairs() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const base = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  // party members of the community (userId + masked name); pair.assign checks the registration is verified
  const members = useQuery(base, () => call('org.members', { communityId: communityId!, role: 'party_member', limit: 50 }))
  const tree = useQuery(base, () => call('org.tree', { communityId: communityId! }))
  const range = useQuery(base, () => call('pair.settings', { communityId: communityId! }))
  const [memberId, setMemberId] = useState<string | null>(null)
  const [place, setPlace] = useState<{ compoundId: string | null; buildingId: string | null }>({ compoundId: null, buildingId: null })
  const households = useQuery(place.buildingId, () => call('org.households', { buildingId: place.buildingId! }))
  const [household, setHousehold] = useState<HouseholdOption | null>(null)
  const [needs, setNeeds] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const theirs = useQuery(base && memberId ? `${base}|${memberId}` : null, () => call('pair.list', { communityId: communityId!, memberId: memberId! }))

  const compound = tree.data?.compounds.find((c) => c.id === place.compoundId) ?? null
  const building = compound?.buildings.find((b) => b.id === place.buildingId) ?? null
  const member = members.data?.items.find((m) => m.userId === memberId) ?? null
  const label = `${compound?.name ?? ''} ${building?.name ?? ''} ${household?.label ?? ''}`
  const assign = useAction(
    (m: string, h: HouseholdOption, active: boolean) => call('pair.assign', { communityId: communityId!, memberId: m, householdId: h.id, needs, active }),
    {
      confirm: (_, __, active) => ({
        title: active ? '确认结对' : '解除结对',
        content: active ? `让 ${member?.name ?? ''} 与 ${label} 结对？` : `解除 ${member?.name ?? ''} 与 ${label} 的结对？走访记录会保留。`,
        confirmText: active ? '结对' : '解除',
        cancelText: '再看看',
      }),
      success: (_, __, ___, active) => (active ? '结对成功' : '已解除'),
      onSuccess: () => {
        setHousehold(null)
        setNeeds([])
        theirs.reload()
      },
      showError: 'keep',
    },
  )
  const submit = (active: boolean) => {
    const bad = !memberId || !household ? '请先选党员和住户' : active && needs.length === 0 ? '请勾选这户的情况（如独居老人），方便党员上门' : null
    setProblem(bad)
    if (!bad) assign.run(memberId!, household!, active)
  }
  const shown = problem ?? assign.error?.message
  const short = range.data && theirs.data ? range.data.minPerMember - theirs.data.length : 0

  return (
    <Guard communityId={communityId} allowed={allowed} {...notSecretary('安排结对')} className='admin-pairs' pick='administer'>
      <Loaded
        query={{
          data: members.data && tree.data ? { members: members.data, tree: tree.data } : null,
          error: members.error ?? tree.error,
          reload: members.error ? members.reload : tree.reload,
        }}
      >
        {(d) => (
          <>
            <View className='section-title'>第一步：选党员</View>
            <View className='card'>
              {d.members.items.length === 0 ? (
                <EmptyState text='社区还没有报到党员' action={{ text: '去审核报到', onClick: () => go('party.adminMembers', { communityId: communityId! }) }} />
              ) : (
                <View className='seg' id='pair-members'>
                  {d.members.items.map((m) => (
                    <Chip key={m.userId} value={m.userId} on={memberId === m.userId} onClick={() => setMemberId(m.userId)}>
                      {m.name}
                      {m.householdLabel ? `（${m.householdLabel}）` : ''}
                    </Chip>
                  ))}
                </View>
              )}
              {member && range.data && theirs.data && (
                <Text className={short > 0 ? 'warn' : 'muted'} id='pair-member-count' style={{ display: 'block', marginTop: '16px' }}>
                  {member.name} 已结对 {theirs.data.length} 户（本社区每人 {range.data.minPerMember}–{range.data.maxPerMember} 户）
                  {short > 0 ? `，还差 ${short} 户` : ''}
                </Text>
              )}
            </View>

            <View className='section-title'>第二步：选住户</View>
            <View className='card'>
              <Text className='form-label'>小区</Text>
              <PlacePicker
                tree={d.tree}
                compoundId={place.compoundId}
                buildingId={place.buildingId}
                onChange={(compoundId, buildingId) => {
                  setPlace({ compoundId, buildingId })
                  setHousehold(null)
                }}
              />
              {place.buildingId && (
                <>
                  <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
                    门牌
                  </Text>
                  <Loaded query={households}>
                    {(list) =>
                      list.length === 0 ? (
                        <Text className='muted'>这栋楼还没有录入门牌</Text>
                      ) : (
                        <View className='seg'>
                          {list.map((h) => (
                            <Chip key={h.id} value={h.id} on={household?.id === h.id} onClick={() => setHousehold(h)}>
                              {h.label}
                            </Chip>
                          ))}
                        </View>
                      )
                    }
                  </Loaded>
                </>
              )}
            </View>

            <View className='section-title'>第三步：这户的情况</View>
            <View className='card'>
              <Tags id='pair-needs' label='可多选（只有书记和结对党员能看到）' value={needs} suggestions={NEEDS} allowCustom={false} onChange={setNeeds} />
            </View>
            {shown && (
              <Warn bad id='pair-problem'>
                {shown}
              </Warn>
            )}
            <Button
              className='btn btn--primary btn--block'
              id='pair-submit'
              loading={assign.pending?.[2] === true}
              disabled={assign.busy || !memberId || !household}
              onClick={() => submit(true)}
            >
              结对
            </Button>
            <Button className='btn btn--block' id='pair-remove' disabled={assign.busy || !memberId || !household} onClick={() => submit(false)}>
              解除这对结对
            </Button>

            <View className='section-title'>结对户数设置</View>
            <PairRange communityId={communityId!} range={range} />
          </>
        )}
      </Loaded>
    </Guard>
  )
}
