/** 党员双报到: a placeholder until this area's module is built; it says honestly what is coming. */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { Empty } from '../../../../components/Empty'
import { go } from '../../../../services/nav'

export default function Placeholder() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>双报到</Text>
        <Text className='muted'>在职党员扫社区的码到居住地报到，认领服务岗位、做出微承诺、结对帮扶困难家庭，服务记录会反馈给单位。</Text>
      </View>
      <Empty text='双报到即将开放，敬请期待' action={{ text: '回首页', onClick: () => go('home') }} />
    </PageShell>
  )
}
