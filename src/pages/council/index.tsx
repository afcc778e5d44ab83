/**
 * 议事 tab. Topics, votes and results arrive with the council module; until then, an honest
 * 即将开放 (and the 首页 tile says so: ENTRIES `soon` in src/pages/home).
 */
import { View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { Empty } from '../../components/EmptyState'

export default function Council() {
  return (
    <PageShell>
      <View className='card'>
        <View className='card-title'>居民议事厅</View>
        <View className='muted'>小区里的大事小情，大家提、大家议、大家定：议题公示、征集意见、表决公示、结果反馈，每一步都看得见。</View>
      </View>
      <View className='card'>
        <Empty text='议事厅即将开放。开放后，可以在这里提议题、参与表决。' />
      </View>
    </PageShell>
  )
}
