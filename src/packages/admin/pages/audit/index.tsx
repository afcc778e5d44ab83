/**
 * 操作记录 (secretary): the append-only action log of the community — who did what, when,
 * including every opening of a member's full details.
 */
import { View, Text } from '@tarojs/components'
import type { AuditEntry } from '@contract/org'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { dateTime } from '../../../../services/time'
import { ROLE_LABELS } from '../../../../constants'
import { NOT_SECRETARY } from '../../shared'
import '../../admin.scss'

const ACTION_LABELS: Record<string, string> = {
  'org.assignRole': '授予角色',
  'org.revokeRole': '撤销角色',
  'org.member': '查看成员完整信息',
  'org.setProxy': '设置代办',
  'org.updateProfile': '修改资料',
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value
  if (Array.isArray(value)) return value.map(describe).join('、')
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    if ('role' in o) return describe(o.role)
    if ('roles' in o) return describe(o.roles)
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('，')
      .slice(0, 80)
  }
  return String(value)
}

function Entry({ a }: { a: AuditEntry }) {
  const before = describe(a.before)
  const after = describe(a.after)
  return (
    <View className='audit'>
      <Text className='audit__what'>
        {a.actorName} {ACTION_LABELS[a.action] ?? a.action}
      </Text>
      <Text className='note audit__detail'>
        {dateTime(a.at)} · {a.resource.type} {a.resource.id}
      </Text>
      {(before || after) && (
        <Text className='note audit__detail'>
          {before ? `原来：${before}` : ''}
          {before && after ? ' → ' : ''}
          {after ? `现在：${after}` : ''}
        </Text>
      )}
    </View>
  )
}

export default function Audit() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}` : null, (cursor) => call('org.audit', { communityId: communityId!, cursor, limit: 20 }))

  return (
    <Guard communityId={communityId} noCommunity={NOT_SECRETARY('查看操作记录')} className='admin'>
      <PagedList list={list} id='audit-list' empty='还没有操作记录' itemKey={(a) => a.id} renderItem={(a) => <Entry a={a} />} />
    </Guard>
  )
}
