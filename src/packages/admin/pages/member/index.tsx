/**
 * 成员详情 (secretary): full personal fields — every opening is written to the audit log on the
 * server, and the page says so. Roles are assigned and revoked here, one confirmed tap each.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Role } from '@contract/common'
import type { TreeView } from '@contract/org'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { go } from '../../../../services/nav'
import { call, toApiError } from '../../../../services/api'
import { ROLE_LABELS, ROLE_ORDER } from '../../../../constants'
import { AtTag } from 'taro-ui'
import '../../admin.scss'

/** 1栋、3栋 from the community tree (empty until it is loaded). */
function buildingNames(tree: TreeView | null, ids: string[]): string {
  if (!tree) return ''
  const names = new Map(tree.compounds.flatMap((c) => c.buildings.map((b) => [b.id, `${c.name}${b.name}`] as const)))
  return ids.map((id) => names.get(id) ?? '').filter(Boolean).join('、')
}

export default function Member() {
  const { me, error: sessionError, retry } = useSession()
  const { params } = useRouter()
  const communityId = decodeURIComponent(params.communityId ?? '')
  const userId = decodeURIComponent(params.userId ?? '')
  const detail = useQuery(me && communityId && userId ? `${me.userId}|${communityId}|${userId}` : null, () =>
    call('org.member', { communityId, userId }),
  )
  const [busy, setBusy] = useState<Role | null>(null)
  // Building heads who could act for this person (代办), masked as in every list.
  const heads = useQuery(me && communityId ? `${me.userId}|${communityId}|heads` : null, () =>
    call('org.members', { communityId, role: 'building_head', limit: 50 }),
  )
  const [proxyBusy, setProxyBusy] = useState<string | null>(null)
  // Appointing a building head means choosing the buildings they look after.
  const [scope, setScope] = useState<string[] | null>(null)
  const needTree = scope !== null || !!detail.data?.roles.includes('building_head')
  const tree = useQuery(needTree ? `${communityId}|tree` : null, () => call('org.tree', { communityId }))

  if (!me) return <PageShell>{sessionError ? <ErrorState error={sessionError} onRetry={retry} /> : <Loading />}</PageShell>
  if (detail.error) return <PageShell><ErrorState error={detail.error} onRetry={detail.reload} /></PageShell>
  if (!detail.data) return <PageShell><Loading /></PageShell>
  const m = detail.data
  const name = m.realName || m.nickname

  async function saveScope(buildingIds: string[]) {
    if (busy) return
    if (buildingIds.length === 0) {
      Taro.showToast({ title: '请至少选一栋楼', icon: 'none' })
      return
    }
    setBusy('building_head')
    try {
      const res = await call('org.assignRole', { communityId, userId, role: 'building_head', buildingIds })
      const roles = res.roles.filter((r) => r.communityId === communityId).map((r) => r.role)
      detail.setData({ ...m, roles, headBuildingIds: buildingIds })
      setScope(null)
      Taro.showToast({ title: '已保存负责的楼栋', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  async function toggle(role: Role) {
    if (busy) return
    const has = m.roles.includes(role)
    if (role === 'building_head' && !has) {
      setScope(m.household ? [m.household.buildingId] : [])
      return
    }
    const { confirm } = await Taro.showModal({
      title: has ? '撤销角色' : '授予角色',
      content: has ? `确定撤销${name}的“${ROLE_LABELS[role]}”身份吗？` : `确定把${name}设为“${ROLE_LABELS[role]}”吗？`,
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(role)
    try {
      const input = { communityId, userId, role }
      const res = has ? await call('org.revokeRole', input) : await call('org.assignRole', input)
      const roles = res.roles.filter((r) => r.communityId === communityId).map((r) => r.role)
      detail.setData({ ...m, roles })
      Taro.showToast({ title: has ? '已撤销' : '已授予', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  async function setProxy(proxyId: string, proxyName: string, enabled: boolean) {
    if (proxyBusy) return
    const { confirm } = await Taro.showModal({
      title: enabled ? '设为代办人' : '取消代办',
      content: enabled ? `让楼栋长${proxyName}代${name}发布心愿、报修和预约吗？` : `不再由${proxyName}代${name}办事了吗？`,
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setProxyBusy(proxyId)
    try {
      await call('org.setProxy', { communityId, residentId: userId, proxyId, enabled })
      detail.reload()
      Taro.showToast({ title: enabled ? '已设为代办人' : '已取消代办', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setProxyBusy(null)
    }
  }

  return (
    <PageShell className='admin'>
      <Text className='admin__audit-note' id='member-audit-note'>
        查看记录已留存：您打开完整信息的时间已记入操作记录。
      </Text>
      <View className='card' id='member-detail'>
        <Text className='card-title'>{name}</Text>
        <View className='row'>
          <Text className='row__label'>昵称</Text>
          <Text className='row__value'>{m.nickname}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>真实姓名</Text>
          <Text className='row__value'>{m.realName ?? '未填写'}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>手机号</Text>
          <Text className='row__value'>{m.phone ?? '未填写'}</Text>
        </View>
        <View className='row'>
          <Text className='row__label'>门牌</Text>
          <Text className='row__value'>
            {m.household?.label ?? '未登记'}
            {m.householdStatus === 'pending' ? '（待确认）' : ''}
          </Text>
        </View>
        {m.offline && (
          <View className='row'>
            <Text className='row__label'>使用方式</Text>
            <Text className='row__value'>无智能手机，由楼栋长代办</Text>
          </View>
        )}
        {m.proxies.length > 0 && (
          <View className='row'>
            <Text className='row__label'>代办人</Text>
            <Text className='row__value'>{m.proxies.map((p) => p.name).join('、')}</Text>
          </View>
        )}
      </View>

      <View className='section-title'>角色（点一下授予或撤销）</View>
      <View className='card admin__filters' id='member-roles'>
        {ROLE_ORDER.filter((r) => r !== 'street_admin').map((r) => (
          <AtTag key={r} name={r} active={m.roles.includes(r)} disabled={busy !== null} circle onClick={() => toggle(r)}>
            {m.roles.includes(r) ? `✓ ${ROLE_LABELS[r]}` : ROLE_LABELS[r]}
          </AtTag>
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
            ) : tree.error ? (
              <ErrorState error={tree.error} onRetry={tree.reload} />
            ) : !tree.data ? (
              <Loading />
            ) : (
              <>
                {tree.data.compounds.map((c) => (
                  <View key={c.id}>
                    <Text className='note'>{c.name}</Text>
                    <View className='building-picker'>
                      {c.buildings.map((b) => (
                        <AtTag key={b.id} name={b.id} circle active={scope.includes(b.id)} onClick={() => setScope(scope.includes(b.id) ? scope.filter((x) => x !== b.id) : [...scope, b.id])}>
                          {scope.includes(b.id) ? `✓ ${b.name}` : b.name}
                        </AtTag>
                      ))}
                    </View>
                  </View>
                ))}
                <View className='household-claim__actions'>
                  <Button className='btn btn--primary' id='member-scope-save' loading={busy === 'building_head'} onClick={() => saveScope(scope)}>
                    {m.roles.includes('building_head') ? '保存' : '设为这些楼的楼栋长'}
                  </Button>
                  <Button className='btn' onClick={() => setScope(null)}>
                    取消
                  </Button>
                </View>
              </>
            )}
          </View>
        </>
      )}

      <View className='section-title'>积分</View>
      <View className='card'>
        <View
          className='row'
          id='member-grant'
          hoverClass='row--hover'
          onClick={() => go('points.adminGrant', { communityId, userId, name })}
        >
          <Text>发放 / 更正积分</Text>
          <Text className='row__arrow'>›</Text>
        </View>
      </View>

      <View className='section-title'>代办人（楼栋长代不方便用手机的居民办事）</View>
      <View className='card' id='member-proxy'>
        {heads.error ? (
          <ErrorState error={heads.error} onRetry={heads.reload} />
        ) : !heads.data ? (
          <Loading />
        ) : heads.data.items.filter((h) => h.userId !== userId).length === 0 ? (
          <Text className='muted'>社区还没有楼栋长。先在成员里把热心居民设为楼栋长。</Text>
        ) : (
          heads.data.items
            .filter((h) => h.userId !== userId)
            .map((h) => {
              const on = m.proxies.some((p) => p.proxyId === h.userId)
              return (
                <View key={h.userId} className='row' data-id={h.userId}>
                  <View>
                    <Text className='member__name'>{h.name}</Text>
                    <Text className='note' style={{ display: 'block' }}>
                      {h.householdLabel ?? ''}
                      {on ? ' · 正在代办' : ''}
                    </Text>
                  </View>
                  <Button
                    className={`btn btn--small proxy-toggle${on ? '' : ' btn--primary'}`}
                    loading={proxyBusy === h.userId}
                    disabled={proxyBusy !== null}
                    onClick={() => setProxy(h.userId, h.name, !on)}
                  >
                    {on ? '取消代办' : '设为代办人'}
                  </Button>
                </View>
              )
            })
        )}
      </View>
    </PageShell>
  )
}
