/**
 * The privacy guide in plain words. In WeChat the official 用户隐私保护指引 (filled in on the
 * mini-program admin console) opens with Taro.openPrivacyContract.
 */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { useStore } from '../../hooks/useStore'
import { openConsent } from '../../services/session'

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集什么',
    body: '微信昵称和头像；您愿意留的手机号（可以不留）；您家的门牌（小区、楼栋、单元、房号）；您在社区里做的事，比如发布的心愿、参加的活动。',
  },
  {
    title: '位置信息',
    body: '只在要求定位签到的活动中使用：签到、签退时获取一次您的位置，确认您在活动地点附近，位置只用来比对、不保存；组织者发布活动时可以用当前位置标出活动地点。我们不记录位置轨迹，也不在后台获取位置。您可以不允许，这类活动就不能扫码签到，可请组织者在确认时长时补记。',
  },
  { title: '为什么收集', body: '只为了社区服务：确认您是本社区居民，把心愿和报修派给对应的楼栋长、网格员，方便社区联系您。' },
  {
    title: '谁能看到',
    body: '在各种名单里，姓名和手机号都会打码显示（如 王*英、138****5678）。只有您本人和本社区的书记能看到完整信息，书记每次查看都会留下记录。',
  },
  { title: '老人和代办', body: '不方便用手机的老人，可以由楼栋长代为发布心愿和报修，代办关系由社区登记，可以随时取消。' },
  { title: '您的权利', body: '您可以随时在“我的”里修改或清除自己的信息，也可以联系社区删除账号。不同意本指引也能浏览，只是不能发布和报名。' },
]

export default function Privacy() {
  const me = useStore((s) => s.me)
  return (
    <PageShell>
      {SECTIONS.map((s) => (
        <View key={s.title} className='card'>
          <View className='card-title'>{s.title}</View>
          <View>{s.body}</View>
        </View>
      ))}
      {me && (
        <View className='card'>
          <Text className='muted'>
            指引版本 {me.privacy.current}
            {me.privacy.at ? `，您已于 ${me.privacy.at.slice(0, 10)} 同意` : '，您尚未同意'}
          </Text>
        </View>
      )}
      {me?.privacy.needsConsent && (
        <Button className='btn btn--primary btn--block' onClick={openConsent}>
          我已了解，去同意
        </Button>
      )}
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn--block privacy__official' onClick={() => Taro.openPrivacyContract?.({})}>
          查看微信官方隐私保护指引
        </Button>
      )}
    </PageShell>
  )
}
