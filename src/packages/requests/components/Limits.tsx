/**
 * Time limits in the words people use: a number and its unit (分钟 / 小时 / 天) — 30 分钟 to accept an urgent
 * repair, 3 天 to settle a dispute — kept in minutes underneath, as the settings store them.
 */
import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { Limit, RequestCategory, Urgency } from '@contract/requests'
import { REQUEST_CATEGORY_LABELS, URGENCIES, URGENCY_LABELS } from '@contract/vocabulary'
import { Chip, intOrNull } from '../../../components/Field'

const UNITS = [
  { value: 1, text: '分钟' },
  { value: 60, text: '小时' },
  { value: 1440, text: '天' },
] as const

/** 90 → 90 分钟, 240 → 4 小时, 4320 → 3 天: the largest unit that says it exactly. */
function inWords(minutes: number): { n: string; unit: number } {
  const unit = [...UNITS].reverse().find((u) => minutes % u.value === 0)?.value ?? 1
  return { n: String(minutes / unit), unit }
}

/** One limit: the number and its unit; reports the minutes (NaN while it is not a whole number). */
export function LimitField({ label, minutes, onChange, id }: { label?: string; minutes: number; onChange: (m: number) => void; id?: string }) {
  const [shown, setShown] = useState(() => inWords(minutes))
  const change = (next: { n: string; unit: number }) => {
    setShown(next)
    const n = intOrNull(next.n)
    onChange(n === null || Number.isNaN(n) ? NaN : n * next.unit)
  }
  return (
    <View className='rq-limit' id={id}>
      {label && <Text className='rq-limit__label'>{label}</Text>}
      <Input className='form-input rq-limit__n' type='number' maxlength={4} value={shown.n} onInput={(e) => change({ ...shown, n: e.detail.value })} />
      <View className='seg'>
        {UNITS.map((u) => (
          <Chip key={u.value} on={shown.unit === u.value} onClick={() => change({ ...shown, unit: u.value })}>
            {u.text}
          </Chip>
        ))}
      </View>
    </View>
  )
}

export type Limits = Record<RequestCategory, Record<Urgency, Limit>>

/** A category's limits: for 一般 and 紧急, the time to accept and the time to resolve once accepted. */
export function CategoryLimits({
  category,
  value,
  onChange,
}: {
  category: RequestCategory
  value: Limits[RequestCategory]
  onChange: (v: Limits[RequestCategory]) => void
}) {
  return (
    <View className='card' id={`limits-${category}`}>
      <Text className='card-title'>{REQUEST_CATEGORY_LABELS[category]}</Text>
      {URGENCIES.map((u) => (
        <View key={u} className='rq-limits__row'>
          <Text className='rq-limits__urgency'>{URGENCY_LABELS[u]}</Text>
          <LimitField
            id={`limit-${category}-${u}-respond`}
            label='受理'
            minutes={value[u].respondMinutes}
            onChange={(m) => onChange({ ...value, [u]: { ...value[u], respondMinutes: m } })}
          />
          <LimitField
            id={`limit-${category}-${u}-resolve`}
            label='办结'
            minutes={value[u].resolveMinutes}
            onChange={(m) => onChange({ ...value, [u]: { ...value[u], resolveMinutes: m } })}
          />
        </View>
      ))}
    </View>
  )
}

/** What is wrong with the limits, in words, or null: each 5 分钟 to 60 天, and resolving no shorter than accepting. */
export function limitsProblem(limits: Limits): string | null {
  for (const [c, byUrgency] of Object.entries(limits) as [RequestCategory, Limits[RequestCategory]][]) {
    for (const u of URGENCIES) {
      const { respondMinutes: a, resolveMinutes: b } = byUrgency[u]
      const where = `${REQUEST_CATEGORY_LABELS[c]}（${URGENCY_LABELS[u]}）`
      if (![a, b].every((m) => Number.isInteger(m) && m >= 5 && m <= 60 * 1440)) return `${where}的时限要在 5 分钟到 60 天之间`
      if (b < a) return `${where}的办结时限不能短于受理时限`
    }
  }
  return null
}
