/**
 * 积分规则 (secretary): for each way of earning, the points, daily and monthly caps and on/off;
 * and how many months points stay valid. Each rule is saved on its own.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { RulesView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { Field, intOrNull } from '../../../../components/Field'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { invalid, useSecretaryPoints } from '../../shared'
import { RuleCard, str } from '../../components/RuleCard'
import '../../points.scss'

/** How many months points stay valid (empty: for ever). */
function Expiry({ communityId, rules, onSaved }: { communityId: string; rules: RulesView; onSaved: (r: RulesView) => void }) {
  const [months, setMonths] = useState(str(rules.expireMonths))
  const save = useAction(
    async () => {
      const m = intOrNull(months)
      if (m !== null && (Number.isNaN(m) || m < 1 || m > 120)) throw invalid('有效期要填 1 到 120 个月，永久有效就空着')
      return call('points.setExpiry', { communityId, expireMonths: m })
    },
    { success: '已保存', onSuccess: onSaved },
  )
  return (
    <View className='card'>
      <Text className='card-title'>积分有效期</Text>
      <Field
        label='获得后几个月内有效'
        id='expiry-months'
        type='number'
        value={months}
        placeholder='永久有效就空着'
        hint='到期前居民会看到提醒；先得的积分先用'
        onChange={setMonths}
      />
      <Button className='btn btn--primary btn--block' id='expiry-save' loading={save.busy} disabled={save.busy} onClick={() => save.run()}>
        保存有效期
      </Button>
    </View>
  )
}

export default function AdminRules() {
  const { communityId, key, guard } = useSecretaryPoints()
  const rules = useQuery(key, () => call('points.rules', { communityId: communityId! }))

  return (
    <Guard {...guard}>
      <Loaded query={rules}>
        {(data) => (
          <>
            <Expiry communityId={communityId!} rules={data} onSaved={rules.setData} />
            <View className='section-title'>怎么得积分</View>
            {data.rules.map((r) => (
              <RuleCard key={r.kind} communityId={communityId!} rule={r} onSaved={(list) => rules.setData({ ...data, rules: list })} />
            ))}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
