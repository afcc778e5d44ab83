/**
 * 住址确认 (building head for the buildings they look after; secretary for the whole community):
 * people who said they live here, oldest first. 是本户 makes them residents (居民); 不是 asks for a
 * reason, which the person sees on 我的 and may then choose again.
 */
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { HouseholdClaim, Me } from '@contract/org'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { dateTime } from '../../../../services/time'
import { NOT_SECRETARY } from '../../shared'
import '../../admin.scss'
import { communityFor } from '../../../../services/access'

const REASONS = ['这户住的不是TA', '查无此人', '信息不全，请到社区登记'] as const

/** The route's community, else the first where I confirm households (secretary or building head). */
function confirmCommunity(me: Me | null, param: string | undefined): string | null {
  return communityFor(me, 'confirmHouseholds', param)
}

/** 不是: which reason (null when the sheet was closed without choosing). */
async function askReason(): Promise<string | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: [...REASONS] })
    return REASONS[tapIndex] ?? null
  } catch {
    return null
  }
}

export default function Households() {
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = confirmCommunity(me, params.communityId)
  const list = usePaged(me && communityId ? `${me.userId}|${communityId}` : null, (cursor) =>
    call('org.householdQueue', { communityId: communityId!, cursor, limit: 20 }),
  )
  // reason null: 是本户; a reason: 不是, and why.
  const decide = useAction(
    (c: HouseholdClaim, reason: string | null) =>
      call('org.confirmHousehold', { communityId: communityId!, userId: c.userId, approve: reason === null, reason: reason ?? undefined }),
    {
      confirm: (c, reason) =>
        reason === null ? { title: '确认住址', content: `${c.name}住在${c.household.label}，对吗？`, confirmText: '是本户', cancelText: '再想想' } : null,
      success: (_, __, reason) => (reason === null ? '已确认，TA现在是本社区居民了' : '已退回，TA会看到原因'),
      onSuccess: (_, c) => list.setItems((items) => items.filter((x) => x.userId !== c.userId)),
      reload: list.reload,
    },
  )
  const reject = async (c: HouseholdClaim) => {
    const reason = decide.busy ? null : await askReason()
    if (reason) await decide.run(c, reason)
  }

  return (
    <Guard communityId={communityId} noCommunity={NOT_SECRETARY('确认住址', '社区书记和楼栋长')} className='admin' pick='confirmHouseholds'>
      <Text className='note admin__hint'>居民登记门牌后，要由楼栋长或社区确认才算本社区居民。确认后TA可以许愿、兑换积分、请楼栋长代办、参加议事表决。</Text>
      <PagedList
        list={list}
        id='households-list'
        empty='没有等待确认的住址'
        itemKey={(c) => c.userId}
        renderItem={(c) => (
          <View className='member household-claim' data-id={c.userId}>
            <View className='member__top'>
              <Text className='member__name'>{c.name}</Text>
              {c.offline && <Text className='member__badge'>无智能手机 · 代办</Text>}
            </View>
            <Text className='muted'>{c.household.label}</Text>
            <Text className='note' style={{ display: 'block' }}>
              {c.phone ?? '未留手机号'} · {dateTime(c.declaredAt)} 登记
            </Text>
            <View className='household-claim__actions'>
              <Button
                className='btn btn--primary household-approve'
                loading={decide.pending?.[0] === c}
                disabled={decide.busy}
                onClick={() => decide.run(c, null)}
              >
                是本户
              </Button>
              <Button className='btn household-reject' disabled={decide.busy} onClick={() => reject(c)}>
                不是
              </Button>
            </View>
          </View>
        )}
      />
    </Guard>
  )
}
