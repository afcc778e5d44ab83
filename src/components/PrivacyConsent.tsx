/**
 * The privacy consent flow: a modal summarising what is collected and why, with 同意 / 不同意.
 * In weapp the agree button is open-type="agreePrivacyAuthorization", which also satisfies
 * WeChat's own privacy gate (onNeedPrivacyAuthorization). Agreeing logs in again with the
 * current guide version; refusing keeps the app browsable, with a banner to agree later.
 */
import { View, Text, Button } from '@tarojs/components'
import { useStore } from '../hooks/useStore'
import { agreeConsent, declineConsent, openConsent } from '../services/session'
import { go } from '../services/nav'
import { toApiError } from '../services/api'
import Taro from '@tarojs/taro'
import './PrivacyConsent.scss'

function agree() {
  agreeConsent().catch((e: unknown) => Taro.showToast({ title: toApiError(e).message, icon: 'none' }))
}

export function PrivacyConsent() {
  const open = useStore((s) => s.consentOpen)
  if (!open) return null
  return (
    <View className='consent-mask' id='privacy-consent'>
      <View className='consent'>
        <Text className='consent__title'>个人信息保护提示</Text>
        <View className='consent__body'>
          <Text className='consent__p'>为了给您提供社区服务，我们会收集：</Text>
          <Text className='consent__li'>· 昵称和头像：让邻居和社区认出您</Text>
          <Text className='consent__li'>· 手机号（可选）：办事时方便社区联系您，不填也能用</Text>
          <Text className='consent__li'>· 住址（门牌）：确认您是本社区居民，把事情派给对应的楼栋和网格</Text>
          <Text className='consent__li'>· 位置（需要时才问）：定位签到的活动，签到时比对一次您是否在现场，不保存</Text>
          <Text className='consent__p'>这些信息仅用于社区服务，不会给无关的人看；在名单里姓名和手机号都会打码显示，工作人员查看完整信息会留下记录。</Text>
          <Text className='consent__link' onClick={() => go('privacy')}>
            查看完整的《隐私保护指引》
          </Text>
        </View>
        <View className='btn-row consent__actions'>
          <Button className='btn' id='privacy-decline' onClick={declineConsent}>
            不同意
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn--primary' id='privacy-agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={agree}>
              同意
            </Button>
          ) : (
            <Button className='btn btn--primary' id='privacy-agree' onClick={agree}>
              同意
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}

/** Shown on every page while the guide is not agreed. */
export function ConsentBanner() {
  const show = useStore((s) => !!s.me?.privacy.needsConsent && !s.consentOpen)
  if (!show) return null
  return (
    <View className='banner' id='consent-banner'>
      <Text>您还没有同意隐私保护指引，目前只能浏览。</Text>
      <Button className='btn btn--small btn--primary' onClick={openConsent}>
        去同意
      </Button>
    </View>
  )
}
