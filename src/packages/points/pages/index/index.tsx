/** 积分超市: a placeholder until this area's module is built; it says honestly what is coming. */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { Empty } from '../../../../components/Empty'
import { go } from '../../../../services/nav'

export default function Placeholder() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>爱心积分超市</Text>
        <Text className='muted'>参加志愿服务、完成心愿、参与议事都能攒积分，积分可以换生活用品、家政服务、体检等。每一分都有资金保障，账目公开。</Text>
      </View>
      <Empty text='积分超市即将开放' action={{ text: '回首页', onClick: () => go('home') }} />
    </PageShell>
  )
}
