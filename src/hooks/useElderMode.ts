/**
 * Elder mode 长辈模式: large text (≥ 18 px), tall tap targets (≥ 60 px), higher contrast.
 *
 * Which one wins: the choice saved in the profile (org.updateProfile elderMode), else the
 * choice made on this device (storage), else WeChat's own font setting (care mode / large font).
 */
import Taro from '@tarojs/taro'
import { getState, setState } from '../services/store'
import { updateProfile } from '../services/session'
import { toApiError } from '../services/api'
import { STORAGE_ELDER } from '../constants'
import { useStore } from './useStore'

/** WeChat's font scale: > 1.15 or a font size setting of 20 px and up reads as "large text wanted". */
export function systemWantsLargeText(): boolean {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? {}) as { fontSizeSetting?: number; fontSizeScaleFactor?: number }
    return (info.fontSizeScaleFactor ?? 1) > 1.15 || (info.fontSizeSetting ?? 16) >= 20
  } catch {
    return false
  }
}

function storedChoice(): boolean | null {
  try {
    const v = Taro.getStorageSync(STORAGE_ELDER)
    return v === 'on' ? true : v === 'off' ? false : null
  } catch {
    return null
  }
}

/** Read the device inputs once at launch. */
export function initElderMode(): void {
  setState({ elderSystem: systemWantsLargeText(), elderLocal: storedChoice() })
}

export function useElderMode() {
  const profile = useStore((s) => s.me?.elderMode ?? null)
  const local = useStore((s) => s.elderLocal)
  const system = useStore((s) => s.elderSystem)
  const elder = profile ?? local ?? system
  return { elder, setElder, source: profile !== null ? 'profile' : local !== null ? 'device' : 'system' } as const
}

/** The manual switch on 我的: applies at once on this device, then saves it to the profile. */
export async function setElder(on: boolean): Promise<void> {
  try {
    Taro.setStorageSync(STORAGE_ELDER, on ? 'on' : 'off')
  } catch {
    /* ignore: the profile keeps it */
  }
  const me = getState().me
  setState({ elderLocal: on, me: me ? { ...me, elderMode: on } : me })
  if (!me || me.privacy.needsConsent) return
  try {
    await updateProfile({ elderMode: on })
  } catch (e) {
    Taro.showToast({ title: toApiError(e).message, icon: 'none' })
  }
}
