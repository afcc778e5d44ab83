/** 一键报修, done: who it went to and the clock it runs on, what WeChat will tell me, and where to go from here. */
import type { TemplateName } from '@contract/templates'
import type { RequestDetail } from '@contract/requests'
import { Done } from '../../../components/Done'
import { go } from '../../../services/nav'
import { ROUTES } from '../../../routes'
import { clockWords } from '../shared'

/** Only what the person accepted in the 提交 tap (one message each); a resident entered by staff hears nothing from this tap. */
function noticePromise(accepted: TemplateName[]): string {
  if (accepted.includes('requestProgress')) return '受理、办结时，会发微信通知告诉您。'
  return '进展可以随时在「我的诉求」里查看。'
}

export function Reported({ r, notices }: { r: RequestDetail; notices: TemplateName[] }) {
  const clock = clockWords(r.clock)
  return (
    <Done
      id='request-sent'
      dataId={r.id}
      dataStatus={r.status}
      title={`已交给${r.holder ?? '社区'}`}
      note={[clock ? `${clock}。` : '', noticePromise(notices)].join('')}
      noteId='request-sent-note'
      open={{
        id: 'request-sent-open',
        text: '看看办理进展',
        url: `${ROUTES['requests.detail']}?id=${encodeURIComponent(r.id)}&c=${encodeURIComponent(r.communityId)}`,
      }}
      back={{ text: '我的诉求', onClick: () => go('requests.mine') }}
    />
  )
}
