/**
 * 操作记录 (secretary): the append-only action log of the community — who did what, when,
 * including every opening of a member's full details.
 */
import { View, Text, Button } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/Empty'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { dateTime as shortTime } from '../../../../services/time'
import { ROLE_LABELS } from '../../../../constants'
import { useCommunityId } from '../../communityParam'
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

export default function Audit() {
  const { me, error: sessionError, retry } = useSession()
  const communityId = useCommunityId(me)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}` : null, (cursor) =>
    call('org.audit', { communityId: communityId!, cursor, limit: 20 }),
  )
  useReachBottom(() => list.loadMore())

  if (!me) return <PageShell>{sessionError ? <ErrorState error={sessionError} onRetry={retry} /> : <Loading />}</PageShell>

  return (
    <PageShell className='admin'>
      <View className='card' id='audit-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='还没有操作记录' />
        ) : (
          list.items.map((a) => {
            const before = describe(a.before)
            const after = describe(a.after)
            return (
              <View key={a.id} className='audit'>
                <Text className='audit__what'>
                  {a.actorName} {ACTION_LABELS[a.action] ?? a.action}
                </Text>
                <Text className='note audit__detail'>
                  {shortTime(a.at)} · {a.resource.type} {a.resource.id}
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
          })
        )}
        {list.items.length > 0 && (
          <View className='admin__more'>
            {list.loading ? (
              <Loading text='正在加载更多…' />
            ) : list.error ? (
              <ErrorState error={list.error} onRetry={list.loadMore} />
            ) : list.done ? (
              <Text className='note'>已经到底了</Text>
            ) : (
              <Button className='btn btn--block' onClick={list.loadMore}>
                加载更多
              </Button>
            )}
          </View>
        )}
      </View>
    </PageShell>
  )
}
