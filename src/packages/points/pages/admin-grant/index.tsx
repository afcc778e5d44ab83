/**
 * 发放 / 更正积分 (secretary, from 成员详情): add points to a person, or take some back as a
 * correction (a new entry, never an edit). Paid from a sponsor's budget (the first funded one unless
 * chosen). One request key per form: a retried tap grants once.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Guard } from '../../../../components/Guard'
import { Choice, Chip, Field, intOrNull } from '../../../../components/Field'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { invalid, newRequestKey, useSecretaryPoints } from '../../shared'
import '../../points.scss'

export default function AdminGrant() {
  const { communityId, key: base, guard } = useSecretaryPoints({ picker: false })
  const { params } = useRouter()
  const userId = decodeURIComponent(params.userId ?? '')
  const name = decodeURIComponent(params.name ?? '') || '这位居民'
  const sponsors = useQuery(base, () => call('points.sponsors', { communityId: communityId! }))
  const [dir, setDir] = useState<'grant' | 'correct'>('grant')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [sponsorId, setSponsorId] = useState<string | null>(null)
  const [key, setKey] = useState(newRequestKey)
  const [done, setDone] = useState<string | null>(null)

  const n = intOrNull(amount)
  const problem =
    n === null || Number.isNaN(n) || n < 1
      ? '积分要填大于 0 的整数'
      : !reason.trim()
        ? dir === 'grant'
          ? '请写明为什么发放，如“重阳节志愿服务 3 小时”'
          : '请写明更正的原因'
        : null
  const grant = useAction(
    async () => {
      if (problem || n === null) throw invalid(problem ?? '')
      const trimmed = reason.trim()
      return call('points.grant', {
        communityId: communityId!,
        userId,
        amount: dir === 'grant' ? n : -n,
        reason: trimmed,
        ...(sponsorId ? { sponsorId } : {}),
        requestKey: key,
      })
    },
    {
      confirm: () =>
        problem
          ? null
          : { title: dir === 'grant' ? '发放积分' : '更正积分', content: dir === 'grant' ? `给${name}发放 ${n} 积分？` : `从${name}的积分里扣回 ${n} 分？` },
      showError: 'keep',
      onSuccess: (res) => {
        setDone(`${dir === 'grant' ? '已发放' : '已更正'}，${name}现在有 ${res.balance} 积分`)
        setAmount('')
        setReason('')
        setKey(newRequestKey())
      },
    },
  )

  return (
    <Guard {...guard}>
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
            <Chip on={sponsorId === null} onClick={() => setSponsorId(null)}>
              自动（按顺序）
            </Chip>
            {(sponsors.data ?? [])
              .filter((s) => s.active)
              .map((s) => (
                <Chip key={s.id} on={sponsorId === s.id} onClick={() => setSponsorId(s.id)}>
                  {s.name}（剩 {s.budget}）
                </Chip>
              ))}
          </View>
        </View>
      </View>
      {grant.error && <Text className='sheet__error'>{grant.error.message}</Text>}
      {done && (
        <Text className='warn' id='grant-done'>
          {done}
        </Text>
      )}
      <Button className='btn btn--primary btn--block' id='grant-submit' loading={grant.busy} disabled={grant.busy} onClick={() => grant.run()}>
        {dir === 'grant' ? '发放' : '更正'}
      </Button>
    </Guard>
  )
}
