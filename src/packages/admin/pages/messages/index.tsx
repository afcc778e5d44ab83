/**
 * 未送达的消息 (secretary): subscribe messages of the community that WeChat did not deliver, newest first —
 * "给王*英的「心愿认领通知」没有送达：对方没有订阅这类消息，或订阅次数已用完" — so the secretary can tell the
 * person another way (a call, a knock on the door). Names are masked.
 */
import { View, Text } from '@tarojs/components'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { call } from '../../../../services/api'
import { dateTime } from '../../../../services/time'
import { NOT_SECRETARY } from '../../shared'
import '../../admin.scss'

export default function Messages() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}|undelivered` : null, (cursor) =>
    call('org.undelivered', { communityId: communityId!, cursor, limit: 20 }),
  )

  return (
    <Guard communityId={communityId} noCommunity={NOT_SECRETARY('查看未送达的消息')} className='admin' pick='administer'>
      <Text className='admin__audit-note'>微信只在居民点过“允许”后送一条订阅消息。下面这些没有送到，请换个方式（电话、上门）告诉对方。</Text>
      <PagedList
        list={list}
        id='undelivered-list'
        empty='没有未送达的消息'
        itemKey={(m) => m.id}
        renderItem={(m) => (
          <View className='audit' data-template={m.template}>
            <Text className='audit__what'>{m.text}</Text>
            <Text className='note audit__detail'>{dateTime(m.at)}</Text>
          </View>
        )}
      />
    </Guard>
  )
}
