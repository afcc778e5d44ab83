/**
 * 我的住址: pick my home step by step — community → compound → building → household — with big
 * buttons, then save it with org.updateProfile({ householdId }) (which makes me a resident there).
 * An address is personal data: without privacy consent the consent dialog comes first.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityView, HouseholdOption, TreeView } from '@contract/org'
import { call, toApiError } from '../services/api'
import { openConsent, updateProfile } from '../services/session'
import { useStore } from '../hooks/useStore'
import { Loading } from './Loading'
import { ErrorState } from './ErrorState'
import './HouseholdPicker.scss'

type Step =
  | { at: 'community'; list: CommunityView[] }
  | { at: 'compound'; tree: TreeView }
  | { at: 'building'; tree: TreeView; compoundId: string }
  | { at: 'household'; tree: TreeView; compoundId: string; buildingId: string; list: HouseholdOption[] }

export function HouseholdPicker({ onDone }: { onDone: () => void }) {
  const needsConsent = useStore((s) => !!s.me?.privacy.needsConsent)
  const [step, setStep] = useState<Step | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; code: 'INTERNAL'; retry: () => void } | null>(null)

  async function run<T>(load: () => Promise<T>, then: (v: T) => void) {
    setBusy(true)
    setError(null)
    try {
      then(await load())
    } catch (e) {
      setError({ code: 'INTERNAL', message: toApiError(e).message, retry: () => run(load, then) })
    } finally {
      setBusy(false)
    }
  }

  const start = () =>
    run(
      () => call('org.communities', {}),
      (list) => setStep({ at: 'community', list }),
    )
  useEffect(() => {
    start()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load the first level once, when the picker opens
  }, [])

  async function save(h: HouseholdOption, label: string) {
    if (needsConsent) {
      Taro.showToast({ title: '登记门牌要先同意隐私保护指引', icon: 'none' })
      openConsent()
      return
    }
    const { confirm } = await Taro.showModal({
      title: '登记门牌',
      content: `我家住在 ${label} ${h.label}，对吗？登记后由楼栋长或社区确认。`,
      confirmText: '对，登记',
      cancelText: '再看看',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    setBusy(true)
    try {
      await updateProfile({ householdId: h.id })
      Taro.showToast({ title: '已登记，等楼栋长或社区确认', icon: 'none' })
      onDone()
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const back = () => {
    if (!step) return
    if (step.at === 'household') setStep({ at: 'building', tree: step.tree, compoundId: step.compoundId })
    else if (step.at === 'building') setStep({ at: 'compound', tree: step.tree })
    else if (step.at === 'compound') start()
  }

  const compound = step && step.at !== 'community' && 'compoundId' in step ? step.tree.compounds.find((c) => c.id === step.compoundId) : null
  const building = step?.at === 'household' ? compound?.buildings.find((b) => b.id === step.buildingId) : null
  const where = [step && step.at !== 'community' ? step.tree.community.name : '', compound?.name ?? '', building?.name ?? ''].filter(Boolean).join(' ')

  return (
    <View className='hh' id='household-picker'>
      <View className='hh__head'>
        <Text className='hh__title'>
          {step?.at === 'community'
            ? '第一步：选社区'
            : step?.at === 'compound'
              ? '第二步：选小区'
              : step?.at === 'building'
                ? '第三步：选楼栋'
                : step?.at === 'household'
                  ? '最后：选门牌'
                  : '登记我家门牌'}
        </Text>
        <Text className='hh__close' onClick={onDone}>
          关闭
        </Text>
      </View>
      {where && <Text className='note hh__where'>{where}</Text>}
      {error ? (
        <ErrorState error={error} onRetry={error.retry} />
      ) : busy || !step ? (
        <Loading />
      ) : (
        <View className='hh__opts'>
          {step.at === 'community' &&
            step.list.map((c) => (
              <View
                key={c.id}
                className='hh__opt hh__opt--wide'
                data-id={c.id}
                onClick={() =>
                  run(
                    () => call('org.tree', { communityId: c.id }),
                    (tree) => setStep({ at: 'compound', tree }),
                  )
                }
              >
                {c.name}
              </View>
            ))}
          {step.at === 'compound' &&
            step.tree.compounds.map((c) => (
              <View key={c.id} className='hh__opt hh__opt--wide' data-id={c.id} onClick={() => setStep({ at: 'building', tree: step.tree, compoundId: c.id })}>
                {c.name}
              </View>
            ))}
          {step.at === 'building' &&
            (compound?.buildings ?? []).map((b) => (
              <View
                key={b.id}
                className='hh__opt'
                data-id={b.id}
                onClick={() =>
                  run(
                    () => call('org.households', { buildingId: b.id }),
                    (list) => setStep({ at: 'household', tree: step.tree, compoundId: step.compoundId, buildingId: b.id, list }),
                  )
                }
              >
                {b.name}
              </View>
            ))}
          {step.at === 'household' &&
            (step.list.length === 0 ? (
              <Text className='muted'>这栋楼还没有录入门牌，请联系社区。</Text>
            ) : (
              step.list.map((h) => (
                <View key={h.id} className='hh__opt' data-id={h.id} onClick={() => save(h, where)}>
                  {h.label}
                </View>
              ))
            ))}
        </View>
      )}
      {step && step.at !== 'community' && !busy && (
        <Button className='btn btn--block' onClick={back}>
          上一步
        </Button>
      )}
    </View>
  )
}
