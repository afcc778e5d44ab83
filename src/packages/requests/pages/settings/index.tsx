/**
 * 诉求时限设置 (secretary): for each category, how long to accept and to resolve, ordinary and urgent (in
 * 分钟 / 小时 / 天); when a clock turns yellow (the share of its time used); after how many days a resolved
 * request nobody answers closes by itself; how long mediation of a dispute may take. New limits apply to
 * requests dispatched from now on.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { REQUEST_CATEGORIES } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { Field, intOrNull } from '../../../../components/Field'
import { useAction } from '../../../../hooks/useAction'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { CategoryLimits, limitsProblem, type Limits } from '../../components/Limits'
import { useRequestsSecretary } from '../../shared'
import '../../requests.scss'

const within = (n: number | null, lo: number, hi: number): n is number => n !== null && n >= lo && n <= hi

export default function Settings() {
  const admin = useRequestsSecretary()
  const settings = useQuery(admin.key, () => call('request.settings', { communityId: admin.communityId! }))
  const [limits, setLimits] = useState<Limits | null>(null)
  const [yellow, setYellow] = useState('')
  const [closeDays, setCloseDays] = useState('')
  const [mediationDays, setMediationDays] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const save = useAction(
    (s: { limits: Limits; yellowShare: number; autoCloseDays: number; mediationDays: number }) =>
      call('request.setSettings', { communityId: admin.communityId!, ...s }),
    {
      success: '已保存，新的诉求按新时限计时',
      onSuccess: settings.setData,
      showError: 'keep',
    },
  )

  useEffect(() => {
    const s = settings.data
    if (!s) return
    setLimits(s.limits)
    setYellow(String(Math.round(s.yellowShare * 100)))
    setCloseDays(String(s.autoCloseDays))
    setMediationDays(String(s.mediationDays))
  }, [settings.data])

  function submit() {
    const y = intOrNull(yellow)
    const close = intOrNull(closeDays)
    const mediation = intOrNull(mediationDays)
    if (!limits) return
    const wrong =
      limitsProblem(limits) ??
      (!within(y, 50, 95) ? '变黄的比例要填 50 到 95 之间的整数' : null) ??
      (!within(close, 1, 30) ? '自动办结的天数要填 1 到 30' : null) ??
      (!within(mediation, 1, 60) ? '调解的天数要填 1 到 60' : null)
    setProblem(wrong)
    if (!wrong) void save.run({ limits, yellowShare: y! / 100, autoCloseDays: close!, mediationDays: mediation! })
  }
  const said = problem ?? save.error?.message

  return (
    <Guard {...admin.guard} className='requests'>
      <Loaded query={settings}>
        {() =>
          limits && (
            <>
              <View className='card'>
                <Field
                  id='yellow-share'
                  label='时限用掉百分之几变黄'
                  type='number'
                  maxlength={2}
                  value={yellow}
                  onChange={setYellow}
                  hint='例如 70：时限过了七成，时钟由绿变黄，提醒承办人'
                />
                <Field id='close-days' label='办结后居民几天没回复就自动办结' type='number' maxlength={2} value={closeDays} onChange={setCloseDays} />
                <Field
                  id='mediation-days'
                  label='邻里纠纷调解几天没结果可以提交议事会'
                  type='number'
                  maxlength={2}
                  value={mediationDays}
                  onChange={setMediationDays}
                />
              </View>
              <View className='section-title'>各类诉求的时限</View>
              {REQUEST_CATEGORIES.map((c) => (
                <CategoryLimits key={c} category={c} value={limits[c]} onChange={(v) => setLimits((l) => l && { ...l, [c]: v })} />
              ))}
              {said && (
                <Text className='rq-problem' id='settings-problem'>
                  {said}
                </Text>
              )}
              <Button className='btn btn--primary btn--block' id='settings-save' loading={save.busy} disabled={save.busy} onClick={submit}>
                保存设置
              </Button>
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}
