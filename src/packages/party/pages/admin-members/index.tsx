/**
 * 报到审核 (secretary): registrations by status — 待审核 first. Each shows who (masked), unit, branch,
 * type, home, skills and pledge; 通过 grants the party-member role here, 不通过 needs a reason the member
 * will read. Also the lists of verified and rejected registrations.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { RegStatus, RegistrationView } from '@contract/party'
import { REG_STATUS_LABELS } from '@contract/vocabulary'
import { Guard } from '../../../../components/Guard'
import { PagedList } from '../../../../components/PagedList'
import { Sheet } from '../../../../components/Sheet'
import { Area } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isoDay } from '../../../../services/time'
import { notSecretary } from '../../shared'
import { Fact, TagList, Tabs, Warn } from '../../components/bits'
import { useDraft } from '../../components/useDraft'
import '../../party.scss'

const TABS = (['pending', 'verified', 'rejected'] as const).map((value) => ({ value, text: REG_STATUS_LABELS[value] }))
const EMPTY: Record<RegStatus, string> = {
  pending: '没有待审核的报到。把报到二维码贴在党群服务中心，党员扫码就能报到。',
  verified: '还没有审核通过的报到',
  rejected: '没有未通过的报到',
  closed: '没有已迁出的报到',
}

function Registration({ r }: { r: RegistrationView }) {
  return (
    <>
      <View className='head-row'>
        <Text className='card-title'>{r.name}</Text>
        <Text className={`chip chip--${r.status}`}>{r.statusLabel}</Text>
      </View>
      <Fact label='工作单位'>{r.employerName}</Fact>
      <Fact label='党支部'>{r.branch}</Fact>
      <Fact label='类型'>{r.memberType}党员</Fact>
      <Fact label='居住'>{r.home}</Fact>
      <TagList tags={r.skills} />
      <Text className='muted' style={{ display: 'block' }}>
        微承诺：{r.pledge.text}
      </Text>
      <Text className='note' style={{ display: 'block' }}>
        {isoDay(r.createdAt)} 提交
      </Text>
      {r.rejectReason && <Warn bad>不通过原因：{r.rejectReason}</Warn>}
    </>
  )
}

export default function AdminMembers() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const [status, setStatus] = useState<RegStatus>('pending')
  const list = usePaged(me && communityId && allowed ? `${me.userId}|${communityId}|${status}` : null, (cursor) =>
    call('party.members', { communityId: communityId!, status, cursor, limit: 20 }),
  )
  // reason null: 通过; a reason: 不通过, and why.
  const review = useAction(
    (id: string, reason: string | null) =>
      call('party.review', { communityId: communityId!, registrationId: id, approve: reason === null, ...(reason === null ? {} : { reason }) }),
    {
      success: (_, __, reason) => (reason === null ? '已通过' : '已退回'),
      onSuccess: (_, id) => {
        list.setItems((items) => items.filter((r) => r.id !== id))
        rejecting.close()
      },
      reload: list.reload,
      showError: 'keep',
    },
  )
  const rejecting = useDraft(
    review,
    (d: { id: string; reason: string }) => (d.reason.trim() ? null : '请写明不通过的原因，党员会看到'),
    (d) => review.run(d.id, d.reason.trim()),
  )

  return (
    <Guard communityId={communityId} allowed={allowed} {...notSecretary('审核党员报到')} className='admin-members' pick='administer'>
      <Tabs options={TABS} value={status} onChange={setStatus} />
      {review.error && !rejecting.draft && <Warn bad>{review.error.message}</Warn>}
      <PagedList
        list={list}
        id='reg-list'
        className=''
        empty={EMPTY[status]}
        emptyAction={status === 'pending' ? { text: '看报到二维码', onClick: () => go('party.adminCode', { communityId: communityId! }) } : undefined}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <View className='card' data-id={r.id}>
            <Registration r={r} />
            {r.status === 'pending' && (
              <View className='btn-row' style={{ marginTop: '16px' }}>
                <Button className='btn reg-reject' disabled={review.busy} onClick={() => rejecting.open({ id: r.id, reason: '' })}>
                  不通过
                </Button>
                <Button
                  className='btn btn--primary reg-approve'
                  loading={review.pending?.[0] === r.id}
                  disabled={review.busy}
                  onClick={() => review.run(r.id, null)}
                >
                  通过
                </Button>
              </View>
            )}
          </View>
        )}
      />
      {rejecting.draft && (
        <Sheet title='不通过' submitText='确认不通过' cancelText='先不退回' {...rejecting.sheet}>
          <Area
            label='原因（党员会看到）'
            id='reject-reason'
            value={rejecting.draft.reason}
            maxlength={200}
            placeholder='写明原因，如：住址不在本社区，请到居住地社区报到'
            onChange={(reason) => rejecting.set({ reason })}
          />
        </Sheet>
      )}
    </Guard>
  )
}
