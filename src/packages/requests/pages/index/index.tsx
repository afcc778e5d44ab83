/** 一键报修: a placeholder until this area's module is built; it says honestly what is coming (首页 says 即将开放: ENTRIES `soon`). */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { Empty } from '../../../../components/EmptyState'
import { go } from '../../../../services/nav'

export default function Placeholder() {
  return (
    <PageShell>
      <View className='card'>
        <View className='card-title'>一键报修 · 有事找网格</View>
        <Text className='muted'>开放后，水电、楼道、环境的问题拍张照片说一声，网格员限时上门处理，超时会自动上报街道，修好了请您确认。</Text>
      </View>
      <Empty text='一键报修即将开放' action={{ text: '回首页', onClick: () => go('home') }} />
    </PageShell>
  )
}
