/** 服务预约: a placeholder until this area's module is built; it says honestly what is coming (首页 says 即将开放: ENTRIES `soon`). */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { Empty } from '../../../../components/EmptyState'
import { go } from '../../../../services/nav'

export default function Placeholder() {
  return (
    <PageShell>
      <View className='card'>
        <View className='card-title'>社区服务预约</View>
        <Text className='muted'>代办事项、书记接待日（每周三）、康养上门、四点半课堂、心理疏导……开放后，选好时间就能预约，到时提醒您。</Text>
      </View>
      <Empty text='服务预约即将开放' action={{ text: '回首页', onClick: () => go('home') }} />
    </PageShell>
  )
}
