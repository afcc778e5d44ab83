import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/api'
import { ensureSession, onNeedPrivacy } from './services/session'
import { initElderMode } from './hooks/useElderMode'

import './app.scss'

function App({ children }: PropsWithChildren<unknown>) {
  useLaunch(() => {
    initCloud()
    initElderMode()
    if (process.env.TARO_ENV === 'weapp') {
      // WeChat asks before a privacy API (chooseAvatar, getPhoneNumber...) when the guide is not agreed.
      const onNeed = (Taro as unknown as { onNeedPrivacyAuthorization?: (cb: typeof onNeedPrivacy) => void }).onNeedPrivacyAuthorization
      onNeed?.(onNeedPrivacy)
    }
    ensureSession().catch(() => {
      /* each page shows the error with 重试 */
    })
  })
  return children
}

export default App
