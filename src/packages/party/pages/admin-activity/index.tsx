/** 发布活动: being built (issue 5); a placeholder that says so. */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'

export default function Page() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>发布活动</Text>
        <Text className='muted'>这个页面正在建设中。</Text>
      </View>
    </PageShell>
  )
}
