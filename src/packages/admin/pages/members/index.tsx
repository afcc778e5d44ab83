/**
 * 成员与角色 (secretary): the community's people, masked (王*英, 138****5678), filtered by role,
 * searched by keyword, paged by cursor (scroll to the bottom or tap 加载更多).
 */
import { useState } from 'react'
import { View, Text, Input, Button } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { AtTag } from 'taro-ui'
import type { Role } from '@contract/common'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/Empty'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { ROLE_LABELS, ROLE_ORDER } from '../../../../constants'
import { useCommunityId } from '../../communityParam'
import '../../admin.scss'

const PAGE_SIZE = 20

export default function Members() {
  const { me, error: sessionError, retry } = useSession()
  const communityId = useCommunityId(me)
  const [role, setRole] = useState<Role | undefined>(undefined)
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  const key = me && communityId ? `${me.userId}|${communityId}|${role ?? ''}|${keyword}` : null
  const list = usePaged(key, (cursor) =>
    call('org.members', { communityId: communityId!, role, keyword: keyword || undefined, cursor, limit: PAGE_SIZE }),
  )
  useReachBottom(() => list.loadMore())

  if (!me) return <PageShell>{sessionError ? <ErrorState error={sessionError} onRetry={retry} /> : <Loading />}</PageShell>
  if (!communityId) {
    return (
      <PageShell>
        <Empty text='只有社区书记可以管理成员与角色' action={{ text: '回到我的', onClick: () => go('me') }} />
      </PageShell>
    )
  }

  return (
    <PageShell className='admin'>
      <View className='admin__search'>
        <Input
          className='admin__search-input'
          id='members-search'
          value={draft}
          placeholder='搜姓名、昵称或门牌'
          confirmType='search'
          maxlength={20}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={(e) => setKeyword(e.detail.value.trim())}
        />
        <Button className='btn btn--small btn--primary' onClick={() => setKeyword(draft.trim())}>
          搜索
        </Button>
      </View>
      <View className='admin__filters'>
        <AtTag name='all' active={!role} circle onClick={() => setRole(undefined)}>
          全部
        </AtTag>
        {ROLE_ORDER.filter((r) => r !== 'street_admin').map((r) => (
          <AtTag key={r} name={r} active={role === r} circle onClick={() => setRole(role === r ? undefined : r)}>
            {ROLE_LABELS[r]}
          </AtTag>
        ))}
      </View>

      <View className='card' id='members-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text={keyword || role ? '没有找到符合条件的成员' : '社区里还没有成员'} />
        ) : (
          list.items.map((m) => (
            <View
              key={m.userId}
              className='member'
              hoverClass='row--hover'
              onClick={() => go('admin.member', { communityId, userId: m.userId })}
            >
              <View className='member__top'>
                <Text className='member__name'>{m.name}</Text>
                {m.offline && <Text className='member__badge'>无智能手机 · 代办</Text>}
              </View>
              <Text className='muted'>
                {m.phone ?? '未留手机号'}
                {m.householdLabel ? ` · ${m.householdLabel}` : ''}
              </Text>
              <View className='member__roles'>
                {m.roles.map((r) => (
                  <Text key={r} className='tag'>
                    {ROLE_LABELS[r] ?? r}
                  </Text>
                ))}
              </View>
            </View>
          ))
        )}
        {list.items.length > 0 && (
          <View className='admin__more'>
            {list.error ? (
              <ErrorState error={list.error} onRetry={list.loadMore} />
            ) : list.loading ? (
              <Loading text='正在加载更多…' />
            ) : list.done ? (
              <Text className='note'>已经到底了，共 {list.items.length} 人</Text>
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
