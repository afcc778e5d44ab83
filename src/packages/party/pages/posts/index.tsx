/**
 * 岗位责任卡: the community's service posts — what each is, the skills it wants, who holds it (masked)
 * and how many places are left. A verified member 认领 a post or 退出 one. Secretaries add and edit posts.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { PostView } from '@contract/party'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { SKILL_SUGGESTIONS, intOrNullSafe, isSecretaryOf, usePartyCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Area, Field, Tags } from '../../components/Field'
import '../../party.scss'

type Edit = { postId?: string; title: string; description: string; skills: string[]; capacity: string; active: boolean }

export default function Posts() {
  const session = useSession()
  const { me } = session
  const communityId = usePartyCommunity(me)
  const list = useQuery(me && communityId ? `${me.userId}|${communityId}` : null, () => call('post.list', { communityId: communityId! }))
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<{ message: string; register?: boolean } | null>(null)
  const [edit, setEdit] = useState<Edit | null>(null)
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })

  const blocked = guard(session, communityId)
  if (blocked) return blocked
  const secretary = isSecretaryOf(me, communityId)

  async function act(p: PostView, claim: boolean) {
    if (busy) return
    if (!claim) {
      const { confirm } = await Taro.showModal({ title: '退出岗位', content: `确定不再担任「${p.title}」了吗？`, confirmText: '确定退出', cancelText: '再想想', confirmColor: '#C8161D' })
      if (!confirm) return
    }
    setBusy(p.id)
    setProblem(null)
    try {
      const after = claim ? await call('post.claim', { communityId: communityId!, postId: p.id }) : await call('post.leave', { communityId: communityId!, postId: p.id })
      list.setData((list.data ?? []).map((x) => (x.id === after.id ? after : x)))
      Taro.showToast({ title: claim ? '认领成功' : '已退出', icon: 'none' })
    } catch (e) {
      const err = toApiError(e)
      setProblem({ message: err.message, register: err.code === 'FORBIDDEN' })
      if (err.code === 'CONFLICT') list.reload()
    } finally {
      setBusy(null)
    }
  }

  async function save() {
    if (!edit) return
    const capacity = intOrNullSafe(edit.capacity)
    if (!edit.title.trim()) return setProblem({ message: '请填写岗位名称' })
    if (capacity === null || capacity < 1 || capacity > 100) return setProblem({ message: '人数要填 1 到 100' })
    setBusy('edit')
    setProblem(null)
    try {
      const saved = await call('post.upsert', {
        communityId: communityId!,
        ...(edit.postId ? { postId: edit.postId } : {}),
        title: edit.title.trim(),
        description: edit.description.trim(),
        skills: edit.skills,
        capacity,
        active: edit.active,
      })
      const rest = (list.data ?? []).filter((x) => x.id !== saved.id)
      list.setData(edit.postId ? (list.data ?? []).map((x) => (x.id === saved.id ? saved : x)) : [...rest, saved])
      setEdit(null)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      setProblem({ message: toApiError(e).message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell className='posts'>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        认领一个岗位，亮明身份、为邻居服务。报到审核通过后就能认领。
      </Text>
      {secretary && !edit && (
        <Button className='btn btn--primary btn--block' style={{ marginBottom: '24px' }} onClick={() => setEdit({ title: '', description: '', skills: [], capacity: '5', active: true })}>
          ＋ 新增岗位
        </Button>
      )}
      {edit && (
        <View className='card'>
          <Text className='card-title'>{edit.postId ? '修改岗位' : '新增岗位'}</Text>
          <Field label='岗位名称' value={edit.title} maxlength={20} placeholder='如：楼道文明监督员' onChange={(title) => setEdit({ ...edit, title })} />
          <Area label='做什么' value={edit.description} maxlength={300} onChange={(description) => setEdit({ ...edit, description })} />
          <Tags label='需要的特长' value={edit.skills} suggestions={SKILL_SUGGESTIONS} onChange={(skills) => setEdit({ ...edit, skills })} />
          <Field label='需要几人' type='number' value={edit.capacity} onChange={(capacity) => setEdit({ ...edit, capacity })} />
          <View className='btn-row' style={{ marginTop: '16px' }}>
            <Button className='btn' onClick={() => (setEdit(null), setProblem(null))}>
              取消
            </Button>
            <Button className='btn btn--primary' loading={busy === 'edit'} disabled={!!busy} onClick={save}>
              保存
            </Button>
          </View>
        </View>
      )}
      {problem && (
        <View className='pty-warn pty-warn--red'>
          <Text>{problem.message}</Text>
          {problem.register && (
            <Button className='btn btn--small btn--block' onClick={() => go('party.index')}>
              看看我的报到
            </Button>
          )}
        </View>
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty text='社区还没有设岗位' action={{ text: '看看志愿活动', onClick: () => go('party.activities') }} />
      ) : (
        list.data.map((p) => {
          const left = p.capacity - p.holders.length
          return (
            <View key={p.id} className={`card${p.active ? '' : ' act--off'}`} data-id={p.id}>
              <View className='head-row'>
                <Text className='card-title'>{p.title}</Text>
                {p.mine ? <Text className='chip chip--verified'>我在岗</Text> : !p.active ? <Text className='chip'>已停用</Text> : left <= 0 ? <Text className='chip'>已满员</Text> : <Text className='chip chip--pending'>还差 {left} 人</Text>}
              </View>
              {p.description && <Text style={{ display: 'block' }}>{p.description}</Text>}
              {!p.mine && p.mySkills.length > 0 && (
                <Text className='pty-ok post-match' style={{ display: 'block', marginTop: '8px' }}>
                  适合您：您会{p.mySkills.join('、')}
                </Text>
              )}
              {p.skills.length > 0 && (
                <View style={{ marginTop: '12px' }}>
                  {p.skills.map((s) => (
                    <Text key={s} className='tag'>
                      {s}
                    </Text>
                  ))}
                </View>
              )}
              <Text className='muted' style={{ display: 'block' }}>
                在岗：{p.holders.length ? p.holders.map((h) => h.name).join('、') : '暂无'}（{p.holders.length}/{p.capacity}）
              </Text>
              <View className='btn-row' style={{ marginTop: '16px' }}>
                {secretary && (
                  <Button className='btn btn--small' onClick={() => setEdit({ postId: p.id, title: p.title, description: p.description, skills: p.skills, capacity: String(p.capacity), active: p.active })}>
                    修改
                  </Button>
                )}
                {p.mine ? (
                  <Button className='btn btn--small' loading={busy === p.id} disabled={!!busy} onClick={() => act(p, false)}>
                    退出岗位
                  </Button>
                ) : p.active && left > 0 ? (
                  <Button className='btn btn--small btn--primary' loading={busy === p.id} disabled={!!busy} onClick={() => act(p, true)}>
                    认领
                  </Button>
                ) : null}
              </View>
            </View>
          )
        })
      )}
    </PageShell>
  )
}
