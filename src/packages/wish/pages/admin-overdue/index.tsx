/** 超期心愿: being built (issue 4); a placeholder that says so. */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'

export default function Page() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>超期心愿</Text>
        <Text className='muted'>这个页面正在建设中。</Text>
      </View>
    </PageShell>
  )
}
