/**
 * 未送达的消息 (secretary): subscribe messages of the community that WeChat did not deliver, newest first —
 * "给王*英的「心愿认领通知」没有送达：对方没有订阅这类消息，或订阅次数已用完" — so the secretary can tell the
 * person another way (a call, a knock on the door). Names are masked.
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
import { useCommunityId } from '../../communityParam'
import '../../admin.scss'

export default function Messages() {
  const { me, error: sessionError, retry } = useSession()
  const communityId = useCommunityId(me)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}|undelivered` : null, (cursor) =>
    call('org.undelivered', { communityId: communityId!, cursor, limit: 20 }),
  )
  useReachBottom(() => list.loadMore())

  if (!me) return <PageShell>{sessionError ? <ErrorState error={sessionError} onRetry={retry} /> : <Loading />}</PageShell>

  return (
    <PageShell className='admin'>
      <Text className='admin__audit-note'>
        微信只在居民点过“允许”后送一条订阅消息。下面这些没有送到，请换个方式（电话、上门）告诉对方。
      </Text>
      <View className='card' id='undelivered-list'>
        {list.error && list.items.length === 0 ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.loaded ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty text='没有未送达的消息' />
        ) : (
          list.items.map((m) => (
            <View key={m.id} className='audit' data-template={m.template}>
              <Text className='audit__what'>{m.text}</Text>
              <Text className='note audit__detail'>{shortTime(m.at)}</Text>
            </View>
          ))
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
