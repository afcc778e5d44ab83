/**
 * 报到审核 (secretary): registrations by status — 待审核 first. Each shows who (masked), unit, branch,
 * type, home, skills and pledge; 通过 grants the party-member role here, 不通过 needs a reason the member
 * will read. Also the lists of verified and rejected registrations.
 */
import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useReachBottom, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { RegStatus } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { usePaged } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dayText, isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../party.scss'

const TABS: { status: RegStatus; text: string }[] = [
  { status: 'pending', text: '待审核' },
  { status: 'verified', text: '已报到' },
  { status: 'rejected', text: '未通过' },
]

export default function AdminMembers() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const [status, setStatus] = useState<RegStatus>('pending')
  const list = usePaged(me && communityId && allowed ? `${me.userId}|${communityId}|${status}` : null, (cursor) =>
    call('party.members', { communityId: communityId!, status, cursor, limit: 20 }),
  )
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useReachBottom(() => list.loadMore())
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId, { secretary: true, allowed, what: '审核党员报到' })
  if (blocked) return blocked

  async function review(id: string, approve: boolean, reason?: string) {
    if (busy) return
    if (!approve && !reason?.trim()) return setProblem('请写明不通过的原因，党员会看到')
    setBusy(id)
    setProblem(null)
    try {
      await call('party.review', { communityId: communityId!, registrationId: id, approve, ...(approve ? {} : { reason: reason!.trim() }) })
      list.setItems((items) => items.filter((r) => r.id !== id))
      setRejecting(null)
      Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      setProblem(err.message)
      if (err.code === 'CONFLICT') list.reload()
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell className='admin-members'>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.status} className={`tabs__tab${status === t.status ? ' tabs__tab--on' : ''}`} data-status={t.status} onClick={() => setStatus(t.status)}>
            {t.text}
          </View>
        ))}
      </View>
      {problem && <Text className='pty-warn pty-warn--red'>{problem}</Text>}
      {list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.loaded ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty
          text={status === 'pending' ? '没有待审核的报到。把报到二维码贴在党群服务中心，党员扫码就能报到。' : status === 'verified' ? '还没有审核通过的报到' : '没有未通过的报到'}
          action={status === 'pending' ? { text: '看报到二维码', onClick: () => go('party.adminCode', { communityId: communityId! }) } : undefined}
        />
      ) : (
        <View id='reg-list'>
          {list.items.map((r) => (
            <View key={r.id} className='card' data-id={r.id}>
              <View className='head-row'>
                <Text className='card-title'>{r.name}</Text>
                <Text className={`chip chip--${r.status}`}>{r.statusLabel}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>工作单位</Text>
                <Text className='row__value'>{r.employerName}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>党支部</Text>
                <Text className='row__value'>{r.branch}</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>类型</Text>
                <Text className='row__value'>{r.memberType}党员</Text>
              </View>
              <View className='row'>
                <Text className='row__label'>居住</Text>
                <Text className='row__value'>{r.home}</Text>
              </View>
              {r.skills.length > 0 && (
                <View style={{ marginTop: '12px' }}>
                  {r.skills.map((s) => (
                    <Text key={s} className='tag'>
                      {s}
                    </Text>
                  ))}
                </View>
              )}
              <Text className='muted' style={{ display: 'block' }}>
                微承诺：{r.pledge.text}
              </Text>
              <Text className='note' style={{ display: 'block' }}>
                {dayText(r.createdAt)} 提交
              </Text>
              {r.rejectReason && <Text className='pty-warn pty-warn--red'>不通过原因：{r.rejectReason}</Text>}
              {r.status === 'pending' &&
                (rejecting?.id === r.id ? (
                  <View style={{ marginTop: '16px' }}>
                    <Textarea
                      className='form-textarea'
                      id='reject-reason'
                      value={rejecting.reason}
                      maxlength={200}
                      placeholder='写明原因，如：住址不在本社区，请到居住地社区报到'
                      onInput={(e) => setRejecting({ id: r.id, reason: e.detail.value })}
                    />
                    <View className='btn-row' style={{ marginTop: '16px' }}>
                      <Button className='btn' onClick={() => setRejecting(null)}>
                        先不退回
                      </Button>
                      <Button className='btn btn--primary' id='reject-confirm' loading={busy === r.id} disabled={!!busy} onClick={() => review(r.id, false, rejecting.reason)}>
                        确认不通过
                      </Button>
                    </View>
                  </View>
                ) : (
                  <View className='btn-row' style={{ marginTop: '16px' }}>
                    <Button className='btn reg-reject' onClick={() => (setProblem(null), setRejecting({ id: r.id, reason: '' }))}>
                      不通过
                    </Button>
                    <Button className='btn btn--primary reg-approve' loading={busy === r.id} disabled={!!busy} onClick={() => review(r.id, true)}>
                      通过
                    </Button>
                  </View>
                ))}
            </View>
          ))}
          {list.error ? (
            <ErrorState error={list.error} onRetry={list.loadMore} />
          ) : list.loading ? (
            <Loading text='正在加载更多…' />
          ) : list.done ? (
            <Text className='note'>已经到底了</Text>
          ) : (
            <Button className='btn btn--block' onClick={list.loadMore}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
