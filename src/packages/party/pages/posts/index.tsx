/**
 * 岗位责任卡: the community's service posts — what each is, the skills it wants, who holds it (masked)
 * and how many places are left. A verified member 认领 a post or 退出 one. Secretaries add and edit posts.
 */
import { View, Text, Button } from '@tarojs/components'
import type { PostView } from '@contract/party'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Sheet } from '../../../../components/Sheet'
import { Area, Field, Tags, intOrNull } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { usePullDown } from '../../../../hooks/usePullDown'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { allPosts } from '../../../../services/posts'
import { go } from '../../../../services/nav'
import { NO_COMMUNITY, SKILL_SUGGESTIONS } from '../../shared'
import { PostCard } from '../../components/PostCard'
import { useDraft } from '../../components/useDraft'
import '../../party.scss'

type Edit = { postId?: string; title: string; description: string; skills: string[]; capacity: string; active: boolean }
const editOf = (p: PostView): Edit => ({
  postId: p.id,
  title: p.title,
  description: p.description,
  skills: p.skills,
  capacity: String(p.capacity),
  active: p.active,
})

export default function Posts() {
  const { me } = useSession()
  const communityId = useHomeCommunity(me)
  const list = useQuery(me && communityId ? `${me.userId}|${communityId}` : null, () => allPosts(communityId!))
  usePullDown(list.reload)
  const secretary = isSecretaryOf(me, communityId)
  // a changed post in its place, a new one last
  const put = (after: PostView) => {
    const all = list.data ?? []
    list.setData(all.some((x) => x.id === after.id) ? all.map((x) => (x.id === after.id ? after : x)) : [...all, after])
  }

  const hold = useAction(
    (p: PostView, claim: boolean) =>
      claim ? call('post.claim', { communityId: communityId!, postId: p.id }) : call('post.leave', { communityId: communityId!, postId: p.id }),
    {
      confirm: (p, claim) => (claim ? null : { title: '退出岗位', content: `确定不再担任「${p.title}」了吗？`, confirmText: '确定退出', cancelText: '再想想' }),
      success: (_, __, claim) => (claim ? '认领成功' : '已退出'),
      onSuccess: put,
      reload: list.reload,
      showError: 'keep',
    },
  )
  const save = useAction(
    (e: Edit, capacity: number) =>
      call('post.upsert', {
        communityId: communityId!,
        ...(e.postId ? { postId: e.postId } : {}),
        title: e.title.trim(),
        description: e.description.trim(),
        skills: e.skills,
        capacity,
        active: e.active,
      }),
    {
      success: '已保存',
      onSuccess: (saved) => {
        put(saved)
        edit.close()
      },
      showError: 'keep',
    },
  )
  const capacityOf = (e: Edit) => intOrNull(e.capacity) ?? NaN
  const edit = useDraft(
    save,
    (e: Edit) => (!e.title.trim() ? '请填写岗位名称' : !(capacityOf(e) >= 1 && capacityOf(e) <= 100) ? '人数要填 1 到 100' : null),
    (e) => save.run(e, capacityOf(e)),
  )

  return (
    <Guard communityId={communityId} noCommunity={NO_COMMUNITY} className='posts'>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        认领一个岗位，亮明身份、为邻居服务。报到审核通过后就能认领。
      </Text>
      {secretary && (
        <Button
          className='btn btn--primary btn--block'
          style={{ marginBottom: '24px' }}
          onClick={() => edit.open({ title: '', description: '', skills: [], capacity: '5', active: true })}
        >
          ＋ 新增岗位
        </Button>
      )}
      {hold.error && (
        <View className='warn warn--red'>
          <Text>{hold.error.message}</Text>
          {hold.error.code === 'FORBIDDEN' && (
            <Button className='btn btn--small btn--block' onClick={() => go('party.index')}>
              看看我的报到
            </Button>
          )}
        </View>
      )}
      <Loaded query={list}>
        {(posts) =>
          posts.length === 0 ? (
            <EmptyState text='社区还没有设岗位' action={{ text: '看看志愿活动', onClick: () => go('party.activities') }} />
          ) : (
            posts.map((p) => (
              <PostCard key={p.id} p={p}>
                {secretary && (
                  <Button className='btn btn--small' onClick={() => edit.open(editOf(p))}>
                    修改
                  </Button>
                )}
                {(p.mine || (p.active && p.capacity > p.holders.length)) && (
                  <Button
                    className={`btn btn--small${p.mine ? '' : ' btn--primary'}`}
                    loading={hold.pending?.[0] === p}
                    disabled={hold.busy}
                    onClick={() => hold.run(p, !p.mine)}
                  >
                    {p.mine ? '退出岗位' : '认领'}
                  </Button>
                )}
              </PostCard>
            ))
          )
        }
      </Loaded>
      {edit.draft && (
        <Sheet title={edit.draft.postId ? '修改岗位' : '新增岗位'} submitText='保存' cancelText='取消' {...edit.sheet}>
          <Field label='岗位名称' value={edit.draft.title} maxlength={20} placeholder='如：楼道文明监督员' onChange={(title) => edit.set({ title })} />
          <Area label='做什么' value={edit.draft.description} maxlength={300} onChange={(description) => edit.set({ description })} />
          <Tags label='需要的特长' value={edit.draft.skills} suggestions={SKILL_SUGGESTIONS} onChange={(skills) => edit.set({ skills })} />
          <Field label='需要几人' type='number' value={edit.draft.capacity} onChange={(capacity) => edit.set({ capacity })} />
        </Sheet>
      )}
    </Guard>
  )
}
