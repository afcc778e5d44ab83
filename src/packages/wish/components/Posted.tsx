/** 发布心愿, done: what happens next (waiting for review, or on the wall), and where to go from here. */
import type { TemplateName } from '@contract/templates'
import type { WishDetail } from '@contract/wish'
import { Done } from '../../../components/Done'
import { go } from '../../../services/nav'
import { ROUTES } from '../../../routes'

/** What the person will be told by WeChat: only what they accepted in the 发布 tap (one message each). */
function noticePromise(open: boolean, accepted: TemplateName[]): string {
  const events = [
    !open && accepted.includes('wishReviewed') ? '审核有了结果' : null,
    accepted.includes('wishClaimed') ? '有人认领' : null,
    accepted.includes('wishFulfilled') ? '心愿完成' : null,
  ].filter((e): e is string => !!e)
  if (events.length === 0) return '进展可以随时在「我的心愿」里查看。'
  return events.length === 1 ? `${events[0]}时，会发微信通知告诉您。` : `${events.join('、')}，都会发微信通知告诉您。`
}

export function Posted({ wish, communityId, notices }: { wish: WishDetail; communityId: string; notices: TemplateName[] }) {
  const open = wish.status === 'open'
  return (
    <Done
      id='wish-posted'
      dataId={wish.id}
      dataStatus={wish.status}
      title={open ? '已发布到心愿墙' : '已提交，社区审核后会出现在心愿墙'}
      note={noticePromise(open, notices)}
      noteId='wish-posted-notices'
      open={{
        id: 'wish-posted-open',
        text: '看看这个心愿',
        url: `${ROUTES['wish.detail']}?id=${encodeURIComponent(wish.id)}&c=${encodeURIComponent(communityId)}`,
      }}
      back={{ text: '回心愿墙', onClick: () => go('wishes') }}
    />
  )
}
