/**
 * 心愿 tab. The wish wall arrives with the micro-wish module; until then this page says so
 * honestly instead of showing made-up wishes.
 */
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { Empty } from '../../components/Empty'

export default function Wishes() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>微心愿</Text>
        <Text className='muted'>家里有点小困难、小需要，说出来，党员和志愿者邻居来帮您。楼栋长也可以替不方便用手机的老人发布。</Text>
      </View>
      <View className='card'>
        <Empty text='还没有心愿，第一个发布吧。发布心愿的功能马上就来。' />
      </View>
    </PageShell>
  )
}
