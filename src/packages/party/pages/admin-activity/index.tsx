/**
 * 发布活动 / 修改活动 (secretary): the form (components/ActivityForm.tsx); saving opens the activity.
 * Times go out as ISO in China time.
 */
import { useEffect, useState } from 'react'
import { Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { allPosts } from '../../../../services/posts'
import { ROUTES } from '../../../../routes'
import { notSecretary } from '../../shared'
import { ActivityFields, checkDraft, draftOf, newDraft, type ActivityDraft } from '../../components/ActivityForm'
import { Warn } from '../../components/bits'
import '../../party.scss'

export default function AdminActivity() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const { params } = useRouter()
  const activityId = params.activityId ? decodeURIComponent(params.activityId) : null
  const key = me && communityId && allowed ? `${me.userId}|${communityId}|${activityId ?? 'new'}` : null
  const existing = useQuery(key && activityId ? key : null, () => call('activity.get', { communityId: communityId!, activityId: activityId! }))
  const posts = useQuery(key, () => allPosts(communityId!))
  const [form, setForm] = useState<ActivityDraft | null>(activityId ? null : newDraft())
  const [problem, setProblem] = useState<string | null>(null)
  const set = (patch: Partial<ActivityDraft>) => setForm((f) => f && { ...f, ...patch })

  useEffect(() => {
    if (existing.data && !form) setForm(draftOf(existing.data))
  }, [existing.data, form])

  const save = useAction(
    (f: ActivityDraft, v: { startAt: string; endAt: string; capacity: number; pointsPerHour: number; radius: number }) =>
      call('activity.upsert', {
        communityId: communityId!,
        ...(activityId ? { activityId } : {}),
        title: f.title.trim(),
        description: f.description.trim(),
        place: f.place.trim(),
        startAt: v.startAt,
        endAt: v.endAt,
        capacity: v.capacity,
        pointsPerHour: v.pointsPerHour,
        ...(f.postTouched ? { postId: f.postId } : {}),
        ...(f.location ? { location: { ...f.location, radius: v.radius } } : activityId ? {} : { location: null }),
      }),
    {
      success: activityId ? '已保存' : '已发布',
      onSuccess: (saved) => setTimeout(() => Taro.redirectTo({ url: `${ROUTES['party.activity']}?id=${saved.id}&c=${communityId}` }), 600),
      showError: 'keep',
    },
  )
  const submit = (f: ActivityDraft) => {
    const checked = checkDraft(f)
    setProblem('problem' in checked ? checked.problem : null)
    if (!('problem' in checked)) save.run(f, checked)
  }
  const shown = problem ?? save.error?.message

  return (
    <Guard communityId={communityId} allowed={allowed} {...notSecretary('发布活动')} className='admin-activity'>
      <Loaded query={{ data: form, error: existing.error, reload: existing.reload }}>
        {(f) => (
          <>
            {existing.data?.hasLocation && !f.location && <Warn>这个活动原来设了定位签到。保存修改时请重新点“使用当前位置”，否则定位要求会被取消。</Warn>}
            <ActivityFields f={f} set={set} posts={posts.data} />
            {shown && (
              <Text className='form-error' id='act-problem'>
                {shown}
              </Text>
            )}
            <Button className='btn btn--primary btn--block' id='act-save' loading={save.busy} disabled={save.busy} onClick={() => submit(f)}>
              {activityId ? '保存修改' : '发布活动'}
            </Button>
          </>
        )}
      </Loaded>
    </Guard>
  )
}
