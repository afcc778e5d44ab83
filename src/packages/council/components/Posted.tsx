/** 提议题, done: where the topic is now (公示 and collecting support, or waiting for the community's look) and where to go. */
import type { TemplateName } from '@contract/templates'
import type { TopicDetail } from '@contract/council'
import { Done } from '../../../components/Done'
import { go } from '../../../services/nav'
import { ROUTES } from '../../../routes'

function whereNow(t: TopicDetail): string {
  if (t.status === 'draft') return '已提交，社区看过后就会公示'
  if (t.status === 'collecting') return `议题已公示，请邻居们附议（需要 ${t.supportThreshold} 人）`
  return '议题已公示，进入党支部审议'
}

/** What WeChat will tell the person: only what they accepted in the 提交 tap. */
function noticePromise(accepted: TemplateName[]): string {
  if (accepted.includes('topicProgress')) return '议题每到一个新阶段，都会发微信通知告诉您。'
  return '进展可以随时在议事厅「我的议题」里查看。'
}

export function Posted({ topic, communityId, notices }: { topic: TopicDetail; communityId: string; notices: TemplateName[] }) {
  return (
    <Done
      id='topic-posted'
      dataId={topic.id}
      dataStatus={topic.status}
      title={whereNow(topic)}
      note={noticePromise(notices)}
      noteId='topic-posted-notices'
      open={{
        id: 'topic-posted-open',
        text: '看看这个议题',
        url: `${ROUTES['council.topic']}?id=${encodeURIComponent(topic.id)}&c=${encodeURIComponent(communityId)}`,
      }}
      back={{ text: '回议事厅', onClick: () => go('council') }}
    />
  )
}
