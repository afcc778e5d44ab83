/** What the 服务预约 pages share: the page's community and the key to load with, and words for refusals. */
import { useRouter } from '@tarojs/taro'
import { useHomeCommunity } from '../../hooks/useCommunity'
import { useSession } from '../../hooks/useSession'
import type { ErrorWords } from '../../services/api'

/** A resident page of this area: the community (the route's `c`, else where I live) and the key to load with. */
export function useServicesPage() {
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = useHomeCommunity(me)
  return { me, params, communityId, key: me && communityId ? `${me.userId}|${communityId}` : null }
}

/** The booking refusals in the residents' words (others keep the server's message, which says what to do). */
export const BOOKING_WORDS: ErrorWords = {
  FULL: '这个时段约满了，换个时段试试',
  INSUFFICIENT_POINTS: '积分不够，攒够了再来约',
  STATE_CHANGED: '预约状态变了，刷新看看',
}

/** 8 digits read aloud in two groups: 1234 5678. */
export const spacedCode = (code: string) => (code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code)

/** A price in words. */
export const priceText = (points: number) => (points > 0 ? `${points} 积分` : '免费')
