/**
 * 结对管理 (secretary): pair a verified party member with a household (1+N: the community's 5–15 by default) — pick the
 * member, then the household step by step (compound → building → door), tick what the household needs
 * (sensitive: only the secretary and the paired member see it), and 结对; or 解除结对 the same way. The
 * chosen member's current count is shown against the community's range, which the secretary sets below.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { HouseholdOption } from '@contract/org'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { NEEDS, isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Tags } from '../../components/Field'
import '../../party.scss'

export default function AdminPairs() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const base = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  // party members of the community (userId + masked name); pair.assign checks the registration is verified
  const members = useQuery(base, () => call('org.members', { communityId: communityId!, role: 'party_member', limit: 50 }))
  const tree = useQuery(base, () => call('org.tree', { communityId: communityId! }))
  const [memberId, setMemberId] = useState<string | null>(null)
  const [compoundId, setCompoundId] = useState<string | null>(null)
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const households = useQuery(buildingId, () => call('org.households', { buildingId: buildingId! }))
  const [household, setHousehold] = useState<HouseholdOption | null>(null)
  const [needs, setNeeds] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const range = useQuery(base, () => call('pair.settings', { communityId: communityId! }))
  const theirs = useQuery(base && memberId ? `${base}|${memberId}|${busy}` : null, () => call('pair.list', { communityId: communityId!, memberId: memberId! }))
  const [savingRange, setSavingRange] = useState(false)

  const blocked = guard(session, communityId, { secretary: true, allowed, what: '安排结对' })
  if (blocked) return blocked
  if (members.error) return <PageShell><ErrorState error={members.error} onRetry={members.reload} /></PageShell>
  if (tree.error) return <PageShell><ErrorState error={tree.error} onRetry={tree.reload} /></PageShell>
  if (!members.data || !tree.data) return <PageShell><Loading /></PageShell>
  const compound = tree.data.compounds.find((c) => c.id === compoundId) ?? null
  const building = compound?.buildings.find((b) => b.id === buildingId) ?? null
  const member = members.data.items.find((m) => m.userId === memberId) ?? null

  async function saveRange(minPerMember: number, maxPerMember: number) {
    if (minPerMember > maxPerMember) return Taro.showToast({ title: '最少户数不能多于最多户数', icon: 'none' })
    setSavingRange(true)
    try {
      range.setData(await call('pair.setSettings', { communityId: communityId!, minPerMember, maxPerMember }))
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setSavingRange(false)
    }
  }

  async function assign(active: boolean) {
    if (!memberId || !household) return setProblem('请先选党员和住户')
    if (active && needs.length === 0) return setProblem('请勾选这户的情况（如独居老人），方便党员上门')
    const label = `${compound?.name ?? ''} ${building?.name ?? ''} ${household.label}`
    const { confirm } = await Taro.showModal({
      title: active ? '确认结对' : '解除结对',
      content: active ? `让 ${member?.name ?? ''} 与 ${label} 结对？` : `解除 ${member?.name ?? ''} 与 ${label} 的结对？走访记录会保留。`,
      confirmText: active ? '结对' : '解除',
      cancelText: '再看看',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    try {
      await call('pair.assign', { communityId: communityId!, memberId, householdId: household.id, needs, active })
      Taro.showToast({ title: active ? '结对成功' : '已解除', icon: 'success' })
      setHousehold(null)
      setNeeds([])
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='admin-pairs'>
      <View className='section-title'>第一步：选党员</View>
      <View className='card'>
        {members.data.items.length === 0 ? (
          <Empty text='社区还没有报到党员' action={{ text: '去审核报到', onClick: () => go('party.adminMembers', { communityId: communityId! }) }} />
        ) : (
          <View className='seg' id='pair-members'>
            {members.data.items.map((m) => (
              <View key={m.userId} data-id={m.userId} className={`seg__opt${memberId === m.userId ? ' seg__opt--on' : ''}`} onClick={() => setMemberId(m.userId)}>
                {m.name}
                {m.householdLabel ? `（${m.householdLabel}）` : ''}
              </View>
            ))}
          </View>
        )}
        {member && range.data && theirs.data && (
          <Text className={theirs.data.length < range.data.minPerMember ? 'pty-warn' : 'muted'} id='pair-member-count' style={{ display: 'block', marginTop: '16px' }}>
            {member.name} 已结对 {theirs.data.length} 户（本社区每人 {range.data.minPerMember}–{range.data.maxPerMember} 户）
            {theirs.data.length < range.data.minPerMember ? `，还差 ${range.data.minPerMember - theirs.data.length} 户` : ''}
          </Text>
        )}
      </View>

      <View className='section-title'>第二步：选住户</View>
      <View className='card'>
        <Text className='form-label'>小区</Text>
        <View className='seg'>
          {tree.data.compounds.map((c) => (
            <View key={c.id} data-id={c.id} className={`seg__opt${compoundId === c.id ? ' seg__opt--on' : ''}`} onClick={() => (setCompoundId(c.id), setBuildingId(null), setHousehold(null))}>
              {c.name}
            </View>
          ))}
        </View>
        {compound && (
          <>
            <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
              楼栋
            </Text>
            <View className='seg'>
              {compound.buildings.map((b) => (
                <View key={b.id} data-id={b.id} className={`seg__opt${buildingId === b.id ? ' seg__opt--on' : ''}`} onClick={() => (setBuildingId(b.id), setHousehold(null))}>
                  {b.name}
                </View>
              ))}
            </View>
          </>
        )}
        {buildingId && (
          <>
            <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
              门牌
            </Text>
            {households.error ? (
              <ErrorState error={households.error} onRetry={households.reload} />
            ) : !households.data ? (
              <Loading />
            ) : households.data.length === 0 ? (
              <Text className='muted'>这栋楼还没有录入门牌</Text>
            ) : (
              <View className='seg'>
                {households.data.map((h) => (
                  <View key={h.id} data-id={h.id} className={`seg__opt${household?.id === h.id ? ' seg__opt--on' : ''}`} onClick={() => setHousehold(h)}>
                    {h.label}
                  </View>
                ))}
              </View>
            )}
          </>
        )}
      </View>

      <View className='section-title'>第三步：这户的情况</View>
      <View className='card'>
        <Tags id='pair-needs' label='可多选（只有书记和结对党员能看到）' value={needs} suggestions={NEEDS} allowCustom={false} onChange={setNeeds} />
      </View>
      {problem && <Text className='pty-warn pty-warn--red' id='pair-problem'>{problem}</Text>}
      <Button className='btn btn--primary btn--block' id='pair-submit' loading={busy} disabled={busy || !memberId || !household} onClick={() => assign(true)}>
        结对
      </Button>
      <Button className='btn btn--block' id='pair-remove' disabled={busy || !memberId || !household} onClick={() => assign(false)}>
        解除这对结对
      </Button>

      <View className='section-title'>结对户数设置</View>
      <View className='card' id='pair-range'>
        {range.error ? (
          <ErrorState error={range.error} onRetry={range.reload} />
        ) : !range.data ? (
          <Loading />
        ) : (
          <>
            <Text className='form-label'>每位党员最少结对</Text>
            <View className='seg' id='pair-range-min'>
              {[1, 3, 5, 8, 10].map((n) => (
                <View key={n} data-id={n} className={`seg__opt${range.data!.minPerMember === n ? ' seg__opt--on' : ''}`} onClick={() => !savingRange && saveRange(n, range.data!.maxPerMember)}>
                  {n} 户
                </View>
              ))}
            </View>
            <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
              每位党员最多结对
            </Text>
            <View className='seg' id='pair-range-max'>
              {[5, 8, 10, 12, 15].map((n) => (
                <View key={n} data-id={n} className={`seg__opt${range.data!.maxPerMember === n ? ' seg__opt--on' : ''}`} onClick={() => !savingRange && saveRange(range.data!.minPerMember, n)}>
                  {n} 户
                </View>
              ))}
            </View>
          </>
        )}
      </View>
    </PageShell>
  )
}
