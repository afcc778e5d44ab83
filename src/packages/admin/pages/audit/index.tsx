/**
 * 操作记录 (secretary): the append-only action log of the community — who did what, to which thing, and
 * what changed, in words (src/features/audit/describe.ts): 刘*芳 审核心愿 心愿「帮忙修水管」 状态 审核中 → 待认领.
 * Includes every opening of a member's full details.
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
import { describeAudit } from '../../../../features/audit/describe'
import { NOT_SECRETARY } from '../../shared'
import '../../admin.scss'

function Entry({ a }: { a: AuditEntry }) {
  const d = describeAudit(a)
  return (
    <View className='audit audit--entry'>
      <View className='audit__head'>
        <Text className='audit__who'>{d.who}</Text>
        <Text className='note audit__when'>{dateTime(a.at)}</Text>
      </View>
      <Text className='audit__what'>
        {d.what}
        <Text className='audit__object'> {d.object}</Text>
      </Text>
      {d.changes.length > 0 && (
        <View className='audit__changes'>
          {d.changes.map((c, i) => (
            <View className='audit__change' key={`${i}-${c.label}`}>
              <Text className='audit__label'>{c.label}</Text>
              <Text className='audit__value'>{c.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default function Audit() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}` : null, (cursor) =>
    call('org.audit', { communityId: communityId!, cursor, limit: 20 }),
  )

  return (
    <Guard communityId={communityId} noCommunity={NOT_SECRETARY('查看操作记录')} className='admin' pick='administer'>
      <PagedList list={list} id='audit-list' empty='还没有操作记录' itemKey={(a) => a.id} renderItem={(a) => <Entry a={a} />} />
    </Guard>
  )
}
