/** 结对户数设置 (secretary): how few and how many households each party member is paired with here. */
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PairSettings } from '@contract/party'
import { Loaded } from '../../../components/Guard'
import { Chip } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import type { useQuery } from '../../../hooks/useQuery'

const MINS = [1, 3, 5, 8, 10]
const MAXES = [5, 8, 10, 12, 15]

export function PairRange({ communityId, range }: { communityId: string; range: ReturnType<typeof useQuery<PairSettings>> }) {
  const save = useAction((minPerMember: number, maxPerMember: number) => call('pair.setSettings', { communityId, minPerMember, maxPerMember }), {
    success: '已保存',
    onSuccess: (r) => range.setData(r),
  })
  const set = (min: number, max: number) => (min > max ? Taro.showToast({ title: '最少户数不能多于最多户数', icon: 'none' }) : save.run(min, max))
  return (
    <View className='card' id='pair-range'>
      <Loaded query={range}>
        {(r) => (
          <>
            <Text className='form-label'>每位党员最少结对</Text>
            <View className='seg' id='pair-range-min'>
              {MINS.map((n) => (
                <Chip key={n} value={String(n)} on={r.minPerMember === n} onClick={() => set(n, r.maxPerMember)}>
                  {n} 户
                </Chip>
              ))}
            </View>
            <Text className='form-label' style={{ display: 'block', marginTop: '20px' }}>
              每位党员最多结对
            </Text>
            <View className='seg' id='pair-range-max'>
              {MAXES.map((n) => (
                <Chip key={n} value={String(n)} on={r.maxPerMember === n} onClick={() => set(r.minPerMember, n)}>
                  {n} 户
                </Chip>
              ))}
            </View>
          </>
        )}
      </Loaded>
    </View>
  )
}
