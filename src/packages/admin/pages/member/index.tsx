/**
 * 成员详情 (secretary): full personal fields — every opening is written to the audit log on the
 * server, and the page says so. Roles are assigned and revoked here, one confirmed tap each; the birth year
 * and residence permit the councils count are recorded here too (components/Residency).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Role } from '@contract/common'
import type { MemberDetail, TreeView } from '@contract/org'
import { Guard, Loaded } from '../../../../components/Guard'
import { Chip } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { go } from '../../../../services/nav'
import { call } from '../../../../services/api'
import { ROLE_LABELS } from '@contract/vocabulary'
import { ROLE_ORDER } from '../../../../constants'
import { Residency } from '../../components/Residency'
import '../../admin.scss'

/** 1栋、3栋 from the community tree (empty until it is loaded). */
function buildingNames(tree: TreeView | null, ids: string[]): string {
  if (!tree) return ''
  const names = new Map(tree.compounds.flatMap((c) => c.buildings.map((b) => [b.id, `${c.name}${b.name}`] as const)))
  return ids
    .map((id) => names.get(id) ?? '')
    .filter(Boolean)
    .join('、')
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value'>{children}</Text>
    </View>
  )
}

function Details({ m }: { m: MemberDetail }) {
  return (
    <View className='card' id='member-detail'>
      <Text className='card-title'>{m.realName || m.nickname}</Text>
      <Row label='昵称'>{m.nickname}</Row>
      <Row label='真实姓名'>{m.realName ?? '未填写'}</Row>
      <Row label='手机号'>{m.phone ?? '未填写'}</Row>
      <Row label='门牌'>
        {m.household?.label ?? '未登记'}
        {m.householdStatus === 'pending' ? '（待确认）' : ''}
      </Row>
      {m.offline && <Row label='使用方式'>无智能手机，由楼栋长代办</Row>}
      {m.proxies.length > 0 && <Row label='代办人'>{m.proxies.map((p) => p.name).join('、')}</Row>}
    </View>
  )
}

export default function Member() {
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = decodeURIComponent(params.communityId ?? '')
  const userId = decodeURIComponent(params.userId ?? '')
  const detail = useQuery(me && communityId && userId ? `${me.userId}|${communityId}|${userId}` : null, () => call('org.member', { communityId, userId }))
  // Building heads who could act for this person (代办), masked as in every list.
  const heads = useQuery(me && communityId ? `${me.userId}|${communityId}|heads` : null, () =>
    call('org.members', { communityId, role: 'building_head', limit: 50 }),
  )
  // Appointing a building head means choosing the buildings they look after.
  const [scope, setScope] = useState<string[] | null>(null)
  const needTree = scope !== null || !!detail.data?.roles.includes('building_head')
  const tree = useQuery(needTree ? `${communityId}|tree` : null, () => call('org.tree', { communityId }))

  const m = detail.data
  const name = m ? m.realName || m.nickname : ''
  const rolesHere = (res: { roles: { communityId: string; role: Role }[] }) => res.roles.filter((r) => r.communityId === communityId).map((r) => r.role)

  const toggleRole = useAction(
    (role: Role, has: boolean) => (has ? call('org.revokeRole', { communityId, userId, role }) : call('org.assignRole', { communityId, userId, role })),
    {
      confirm: (role, has) => ({
        title: has ? '撤销角色' : '授予角色',
        content: has ? `确定撤销${name}的“${ROLE_LABELS[role]}”身份吗？` : `确定把${name}设为“${ROLE_LABELS[role]}”吗？`,
      }),
      success: (_, __, has) => (has ? '已撤销' : '已授予'),
      onSuccess: (res) => m && detail.setData({ ...m, roles: rolesHere(res) }),
      reload: detail.reload,
    },
  )
  const saveScope = useAction((buildingIds: string[]) => call('org.assignRole', { communityId, userId, role: 'building_head', buildingIds }), {
    success: '已保存负责的楼栋',
    onSuccess: (res, buildingIds) => {
      if (m) detail.setData({ ...m, roles: rolesHere(res), headBuildingIds: buildingIds })
      setScope(null)
    },
    reload: detail.reload,
  })
  const setProxy = useAction(
    (proxyId: string, proxyName: string, enabled: boolean) => call('org.setProxy', { communityId, residentId: userId, proxyId, enabled }),
    {
      confirm: (_, proxyName, enabled) => ({
        title: enabled ? '设为代办人' : '取消代办',
        content: enabled ? `让楼栋长${proxyName}代${name}发布心愿、报修和预约吗？` : `不再由${proxyName}代${name}办事了吗？`,
      }),
      success: (_, __, ___, enabled) => (enabled ? '已设为代办人' : '已取消代办'),
      onSuccess: () => detail.reload(),
      reload: detail.reload,
    },
  )

  function tapRole(role: Role, has: boolean) {
    // A new building head first chooses the buildings they look after.
    if (role === 'building_head' && !has) setScope(m?.household ? [m.household.buildingId] : [])
    else toggleRole.run(role, has)
  }

  return (
    <Guard className='admin'>
      <Text className='admin__audit-note' id='member-audit-note'>
        查看记录已留存：您打开完整信息的时间已记入操作记录。
      </Text>
      <Loaded query={detail}>
        {(m) => (
          <>
            <Details m={m} />

            <View className='section-title'>角色（点一下授予或撤销）</View>
            <View className='card seg admin__filters' id='member-roles'>
              {ROLE_ORDER.filter((r) => r !== 'street_admin').map((r) => (
                <Chip
                  key={r}
                  value={r}
                  on={m.roles.includes(r)}
                  check
                  disabled={toggleRole.busy || saveScope.busy}
                  onClick={() => tapRole(r, m.roles.includes(r))}
                >
                  {ROLE_LABELS[r]}
                </Chip>
              ))}
            </View>

            {(scope !== null || m.roles.includes('building_head')) && (
              <>
                <View className='section-title'>负责的楼栋（楼栋长只为这些楼的居民确认住址、代办）</View>
                <View className='card' id='member-scope'>
                  {scope === null ? (
                    <View className='row' hoverClass='row--hover' id='member-scope-edit' onClick={() => setScope(m.headBuildingIds)}>
                      <Text>{buildingNames(tree.data, m.headBuildingIds) || `${m.headBuildingIds.length} 栋楼`}</Text>
                      <Text className='row__arrow'>调整 ›</Text>
                    </View>
                  ) : (
                    <Loaded query={tree}>
                      {(t) => (
                        <>
                          {t.compounds.map((c) => (
                            <View key={c.id}>
                              <Text className='note'>{c.name}</Text>
                              <View className='seg building-picker'>
                                {c.buildings.map((b) => (
                                  <Chip
                                    key={b.id}
                                    value={b.id}
                                    on={scope.includes(b.id)}
                                    check
                                    onClick={() => setScope(scope.includes(b.id) ? scope.filter((x) => x !== b.id) : [...scope, b.id])}
                                  >
                                    {b.name}
                                  </Chip>
                                ))}
                              </View>
                            </View>
                          ))}
                          <View className='household-claim__actions'>
                            <Button
                              className='btn btn--primary'
                              id='member-scope-save'
                              loading={saveScope.busy}
                              disabled={scope.length === 0}
                              onClick={() => saveScope.run(scope)}
                            >
                              {scope.length === 0 ? '请至少选一栋楼' : m.roles.includes('building_head') ? '保存' : '设为这些楼的楼栋长'}
                            </Button>
                            <Button className='btn' onClick={() => setScope(null)}>
                              取消
                            </Button>
                          </View>
                        </>
                      )}
                    </Loaded>
                  )}
                </View>
              </>
            )}

            <Residency
              m={m}
              communityId={communityId}
              name={name}
              onSaved={(r) =>
                detail.setData({ ...m, verifiedBirthYear: r.birthYear, residencePermit: r.permitExpiresOn ? { expiresOn: r.permitExpiresOn } : null })
              }
              reload={detail.reload}
            />

            <View className='section-title'>积分</View>
            <View className='card'>
              <View className='row' id='member-grant' hoverClass='row--hover' onClick={() => go('points.adminGrant', { communityId, userId, name })}>
                <Text>发放 / 更正积分</Text>
                <Text className='row__arrow'>›</Text>
              </View>
            </View>

            <View className='section-title'>代办人（楼栋长代不方便用手机的居民办事）</View>
            <View className='card' id='member-proxy'>
              <Loaded query={heads}>
                {(h) => {
                  const others = h.items.filter((x) => x.userId !== userId)
                  if (others.length === 0) return <Text className='muted'>社区还没有楼栋长。先在成员里把热心居民设为楼栋长。</Text>
                  return others.map((x) => {
                    const on = m.proxies.some((p) => p.proxyId === x.userId)
                    return (
                      <View key={x.userId} className='row' data-id={x.userId}>
                        <View>
                          <Text className='member__name'>{x.name}</Text>
                          <Text className='note' style={{ display: 'block' }}>
                            {x.householdLabel ?? ''}
                            {on ? ' · 正在代办' : ''}
                          </Text>
                        </View>
                        <Button
                          className={`btn btn--small proxy-toggle${on ? '' : ' btn--primary'}`}
                          loading={setProxy.pending?.[0] === x.userId}
                          disabled={setProxy.busy}
                          onClick={() => setProxy.run(x.userId, x.name, !on)}
                        >
                          {on ? '取消代办' : '设为代办人'}
                        </Button>
                      </View>
                    )
                  })
                }}
              </Loaded>
            </View>
          </>
        )}
      </Loaded>
    </Guard>
  )
}
