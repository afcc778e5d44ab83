/**
 * 发放 / 更正积分 (secretary, from 成员详情): add points to a person, or take some back as a
 * correction (a new entry, never an edit). Paid from a sponsor's budget (the first funded one unless
 * chosen). One request key per form: a retried tap grants once.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { isSecretaryOf, newRequestKey, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Choice, Field, intOrNull } from '../../components/Field'
import '../../points.scss'

export default function AdminGrant() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const { params } = useRouter()
  const userId = decodeURIComponent(params.userId ?? '')
  const name = decodeURIComponent(params.name ?? '') || '这位居民'
  const sponsors = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('points.sponsors', { communityId: communityId! }))
  const [dir, setDir] = useState<'grant' | 'correct'>('grant')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [sponsorId, setSponsorId] = useState<string | null>(null)
  const [key, setKey] = useState(newRequestKey)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked

  async function submit() {
    const n = intOrNull(amount)
    if (n === null || Number.isNaN(n) || n < 1) return setProblem('积分要填大于 0 的整数')
    if (!reason.trim()) return setProblem(dir === 'grant' ? '请写明为什么发放，如“重阳节志愿服务 3 小时”' : '请写明更正的原因')
    const signed = dir === 'grant' ? n : -n
    const { confirm } = await Taro.showModal({
      title: dir === 'grant' ? '发放积分' : '更正积分',
      content: dir === 'grant' ? `给${name}发放 ${n} 积分？` : `从${name}的积分里扣回 ${n} 分？`,
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    try {
      const res = await call('points.grant', {
        communityId: communityId!,
        userId,
        amount: signed,
        reason: reason.trim(),
        ...(sponsorId ? { sponsorId } : {}),
        requestKey: key,
      })
      setDone(`${dir === 'grant' ? '已发放' : '已更正'}，${name}现在有 ${res.balance} 积分`)
      setAmount('')
      setReason('')
      setKey(newRequestKey())
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>{name}</Text>
        <Choice
          label='要做什么'
          value={dir}
          options={[
            { value: 'grant', text: '发放积分' },
            { value: 'correct', text: '更正（扣回）' },
          ]}
          onChange={setDir}
        />
        <Field label={dir === 'grant' ? '发放多少积分' : '扣回多少积分'} id='grant-amount' type='number' value={amount} onChange={setAmount} />
        <Field label='原因（居民能在积分明细里看到）' id='grant-reason' value={reason} maxlength={100} onChange={setReason} />
        <View className='form-row'>
          <Text className='form-label'>从哪家单位的预算支出</Text>
          <View className='seg'>
            <View className={`seg__opt${sponsorId === null ? ' seg__opt--on' : ''}`} onClick={() => setSponsorId(null)}>
              自动（按顺序）
            </View>
            {(sponsors.data ?? [])
              .filter((s) => s.active)
              .map((s) => (
                <View key={s.id} className={`seg__opt${sponsorId === s.id ? ' seg__opt--on' : ''}`} onClick={() => setSponsorId(s.id)}>
                  {s.name}（剩 {s.budget}）
                </View>
              ))}
          </View>
        </View>
      </View>
      {problem && <Text className='sheet__error'>{problem}</Text>}
      {done && <Text className='pts-warn' id='grant-done'>{done}</Text>}
      <Button className='btn btn--primary btn--block' id='grant-submit' loading={busy} disabled={busy} onClick={submit}>
        {dir === 'grant' ? '发放' : '更正'}
      </Button>
    </PageShell>
  )
}
