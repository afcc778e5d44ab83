/**
 * 党员 home (三卡): my registration and its status (待审核 / 已报到 / 未通过 with the reason), my pledge
 * 微承诺 (edit it, 标记已兑现), my post 岗位, my paired households 爱心服务卡 (with 记录走访), upcoming
 * activities and the way to my 活动记录卡. Not registered yet: 去报到.
 */
import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { RegistrationView } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { dayText, rangeText } from '../../shared'
import '../../party.scss'

function PledgeCard({ reg, onChange }: { reg: RegistrationView; onChange: (r: RegistrationView) => void }) {
  const [edit, setEdit] = useState<{ kind: 'text' | 'done'; value: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const verified = reg.status === 'verified'

  async function save() {
    if (!edit) return
    const v = edit.value.trim()
    if (!v) return setProblem(edit.kind === 'text' ? '请写一句承诺' : '请写一句怎么兑现的，如“10 月为 3 位老人理了发”')
    setBusy(true)
    setProblem(null)
    try {
      const r = edit.kind === 'text' ? await call('party.pledge', { communityId: reg.communityId, pledge: v }) : await call('party.pledgeDone', { communityId: reg.communityId, note: v })
      onChange(r)
      setEdit(null)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' id='my-pledge'>
      <View className='head-row'>
        <Text className='card-title'>我的微承诺</Text>
        {reg.pledge.done && <Text className='chip chip--verified'>已兑现</Text>}
      </View>
      <Text style={{ display: 'block' }}>{reg.pledge.text}</Text>
      {reg.pledge.done && reg.pledge.doneNote && (
        <Text className='muted' style={{ display: 'block' }}>
          {dayText(reg.pledge.doneAt)} 兑现：{reg.pledge.doneNote}
        </Text>
      )}
      {edit ? (
        <View style={{ marginTop: '16px' }}>
          <Textarea
            className='form-textarea'
            value={edit.value}
            maxlength={edit.kind === 'text' ? 100 : 200}
            placeholder={edit.kind === 'text' ? '一句话，为邻居做一件实事' : '怎么兑现的？如“10 月为 3 位老人理了发”'}
            onInput={(e) => setEdit({ ...edit, value: e.detail.value })}
          />
          {problem && <Text className='form-error'>{problem}</Text>}
          <View className='btn-row' style={{ marginTop: '16px' }}>
            <Button className='btn' onClick={() => (setEdit(null), setProblem(null))}>
              取消
            </Button>
            <Button className='btn btn--primary' loading={busy} disabled={busy} onClick={save}>
              保存
            </Button>
          </View>
        </View>
      ) : (
        <View className='btn-row' style={{ marginTop: '16px' }}>
          <Button className='btn btn--small' onClick={() => setEdit({ kind: 'text', value: reg.pledge.text })}>
            修改承诺
          </Button>
          {verified && !reg.pledge.done && (
            <Button className='btn btn--small btn--primary' onClick={() => setEdit({ kind: 'done', value: '' })}>
              标记已兑现
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

export default function PartyHome() {
  const session = useSession()
  const { me } = session
  const mine = useQuery(me ? `${me.userId}|reg` : null, () => call('party.myRegistration', {}))
  const reg = mine.data?.current ?? null
  const cid = reg?.communityId ?? null
  const verified = reg?.status === 'verified'
  const posts = useQuery(me && cid && verified ? `${me.userId}|${cid}|posts` : null, () => call('post.list', { communityId: cid! }))
  const pairs = useQuery(me && cid && verified ? `${me.userId}|${cid}|pairs` : null, () => call('pair.mine', { communityId: cid! }))
  const acts = useQuery(me && cid ? `${me.userId}|${cid}|acts` : null, () => call('activity.list', { communityId: cid!, scope: 'upcoming', limit: 3 }))

  useDidShow(() => {
    if (mine.data) mine.reload()
  })
  usePullDownRefresh(() => {
    mine.reload()
    posts.reload()
    pairs.reload()
    acts.reload()
    stopPullDownRefresh()
  })

  if (!me) return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  if (mine.error) return <PageShell><ErrorState error={mine.error} onRetry={mine.reload} /></PageShell>
  if (!mine.data) return <PageShell><Loading /></PageShell>

  const rejected = !reg ? mine.data.history.find((r) => r.status === 'rejected') : null
  if (!reg) {
    return (
      <PageShell className='party-home'>
        <View className='pty-hero'>
          <Text className='pty-hero__title'>党员双报到</Text>
          <Text className='pty-hero__sub'>在职党员到居住地社区报到，为邻居做实事：认领岗位、结对帮扶、参加志愿活动。</Text>
        </View>
        {rejected && (
          <Text className='pty-warn pty-warn--red' id='reg-rejected'>
            您在 {rejected.communityName} 的报到没有通过：{rejected.rejectReason ?? '请联系社区'}。修改后可以重新报到。
          </Text>
        )}
        <Empty text='您还没有报到。请扫描社区党群服务中心的报到二维码，或点下面的按钮。' action={{ text: '去报到', onClick: () => go('party.register', {}) }} />
        <Button className='btn btn--block' onClick={() => go('party.activities')}>
          看看志愿活动
        </Button>
      </PageShell>
    )
  }
  const myPosts = (posts.data ?? []).filter((p) => p.mine)

  return (
    <PageShell className='party-home'>
      <View className='card' id='my-registration' data-status={reg.status}>
        <View className='head-row'>
          <Text className='card-title'>{reg.communityName}</Text>
          <Text className={`chip chip--${reg.status}`}>{reg.statusLabel}</Text>
        </View>
        <Text className='muted' style={{ display: 'block' }}>
          {reg.employerName} · {reg.branch} · {reg.memberType}党员
        </Text>
        <Text className='muted' style={{ display: 'block' }}>
          居住：{reg.home}
        </Text>
        {reg.status === 'pending' && <Text className='pty-warn' style={{ marginTop: '16px' }}>已提交，等待社区书记审核。审核通过后可以认领岗位、结对帮扶。</Text>}
      </View>

      <PledgeCard reg={reg} onChange={(r) => mine.setData({ ...mine.data!, current: r })} />

      {verified && (
        <>
          <View className='section-title'>岗位责任卡</View>
          <View className='card' id='my-posts'>
            {posts.error ? (
              <ErrorState error={posts.error} onRetry={posts.reload} />
            ) : !posts.data ? (
              <Loading />
            ) : myPosts.length === 0 ? (
              <Text className='muted' style={{ display: 'block' }}>还没有认领岗位。</Text>
            ) : (
              myPosts.map((p) => (
                <View key={p.id} className='item-row'>
                  <Text className='item-row__name'>{p.title}</Text>
                  {p.description && <Text className='muted'>{p.description}</Text>}
                </View>
              ))
            )}
            <Button className='btn btn--small btn--block' onClick={() => go('party.posts')}>
              {myPosts.length ? '看看全部岗位' : '去认领岗位'}
            </Button>
          </View>

          <View className='section-title'>爱心服务卡（结对的住户）</View>
          <View className='card' id='my-pairs'>
            {pairs.error ? (
              <ErrorState error={pairs.error} onRetry={pairs.reload} />
            ) : !pairs.data ? (
              <Loading />
            ) : pairs.data.length === 0 ? (
              <Text className='muted' style={{ display: 'block' }}>还没有结对的住户，社区书记会为您安排。</Text>
            ) : (
              pairs.data.map((p) => (
                <View key={p.householdId} className='item-row'>
                  <Text className='item-row__name'>{p.household}</Text>
                  <Text className='muted'>
                    {p.residents.join('、') || '—'} · 走访 {p.visits} 次{p.lastVisitAt ? `，最近 ${dayText(p.lastVisitAt)}` : ''}
                  </Text>
                </View>
              ))
            )}
            {pairs.data && pairs.data.length > 0 && (
              <Button className='btn btn--small btn--primary btn--block' onClick={() => go('party.pairs')}>
                记录走访
              </Button>
            )}
          </View>
        </>
      )}

      <View className='section-title'>近期活动</View>
      {acts.error ? (
        <ErrorState error={acts.error} onRetry={acts.reload} />
      ) : !acts.data ? (
        <Loading />
      ) : acts.data.items.length === 0 ? (
        <View className='card'>
          <Text className='muted'>近期没有活动，过几天再来看看。</Text>
        </View>
      ) : (
        acts.data.items.map((a) => (
          <View key={a.id} className='act' hoverClass='row--hover' onClick={() => go('party.activity', { id: a.id, c: cid! })}>
            <Text className='act__title'>{a.title}</Text>
            <Text className='act__line'>{rangeText(a.startAt, a.endAt)}</Text>
            <Text className='act__line'>{a.place}</Text>
          </View>
        ))
      )}
      <Button className='btn btn--block' id='go-activities' onClick={() => go('party.activities')}>
        全部志愿活动
      </Button>
      <Button className='btn btn--block' id='go-record' onClick={() => go('party.record', { communityId: cid! })}>
        我的活动记录卡
      </Button>
    </PageShell>
  )
}
