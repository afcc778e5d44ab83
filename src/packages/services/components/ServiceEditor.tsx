/**
 * The secretary's menu editor (service.upsert): everything a service has, in the parts its kind of delivery
 * needs (editor.ts partsOf) — what it is and who provides it (ProviderPicker); when: weekly and dated slots
 * ("周三 09:00-11:00 20", "2026-12-10 09:00-11:00 20" a line), the walk-in hours, the canteen's daily cutoff,
 * portions and days, a venue's unit, hours and days; holidays; who may book (age, buildings); the price in
 * points, the cutoff in hours, the no-show rule (its default shown); private and for-a-child bookings; open or
 * paused. Checked in Chinese before sending (editor.ts toInput); the function's refusal says where to look.
 * Changing a service opens it with every setting it has (service.get with the secretary's `edit`).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { DeliveryKind, ServiceCategory, ServiceDetail } from '@contract/services'
import { DELIVERY_KINDS, DELIVERY_LABELS, SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@contract/vocabulary'
import { Area, Chip, Choice, Field, FormRow, Toggle } from '../../../components/Field'
import { Loaded } from '../../../components/Guard'
import { PickRow } from '../../../components/MemberSearch'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { DEFAULT_NO_SHOW, WEEKDAY_NAMES, draftOf, newDraft, partsOf, refusalWords, toInput, type Draft, type UpsertInput } from '../editor'
import { ProviderPicker } from './ProviderPicker'

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, text: SERVICE_CATEGORY_LABELS[c] }))
const DELIVERY_HINTS: Record<DeliveryKind, string> = {
  slots: '按时段预约，每个时段有名额',
  walk_in: '不用预约，写明什么时间来',
  at_home: '上门服务，地址只给服务的人',
  daily: '每天订一份，如长者食堂',
  venue: '场地按小时预约，由单位审批',
}
const DELIVERY_OPTIONS = DELIVERY_KINDS.map((d) => ({ value: d, text: DELIVERY_LABELS[d], hint: DELIVERY_HINTS[d] }))
/** A new service's sensible settings for its category (only while it is new: a change never rewrites them). */
const CATEGORY_DEFAULTS: Partial<Record<ServiceCategory, Partial<Draft>>> = {
  canteen: { delivery: 'daily', minAge: '60' },
  venue: { delivery: 'venue' },
  counselling: { delivery: 'slots', private: true },
  children: { delivery: 'slots', forChild: true },
  errand: { delivery: 'walk_in' },
}

export interface ServiceEditorProps {
  communityId: string
  me: { userId: string; name: string }
  /** The service being changed (service.get), or null for a new one. */
  s: ServiceDetail | null
  /** A new service's name to start with (what residents asked for). */
  name?: string
  onClose: () => void
  onDone: (saved: ServiceDetail) => void
  /** The list behind, when the service turned out to be gone. */
  reload: () => void
}

function Weekdays({ id, label, value, onChange }: { id: string; label: string; value: number[]; onChange: (v: number[]) => void }) {
  const toggle = (d: number) => onChange(value.includes(d) ? value.filter((x) => x !== d) : [...value, d].sort((a, b) => a - b))
  return (
    <FormRow label={label} id={id} hint={value.length === 7 ? '每天都开' : undefined}>
      <View className='seg'>
        {WEEKDAY_NAMES.map((n, i) => (
          <Chip key={n} value={String(i + 1)} check on={value.includes(i + 1)} onClick={() => toggle(i + 1)}>
            {n}
          </Chip>
        ))}
      </View>
    </FormRow>
  )
}

export function ServiceEditor({ communityId, me, s, name, onClose, onDone, reload }: ServiceEditorProps) {
  const [d, setD] = useState<Draft>(() => (s ? draftOf(s) : { ...newDraft(me), name: name ?? '' }))
  const [invalid, setInvalid] = useState<string | null>(null)
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setD((x) => ({ ...x, [k]: v }))
  const parts = partsOf(d.delivery)
  const units = useQuery(d.provider.kind === 'unit' || parts.venue ? `${communityId}|units` : null, () => call('unit.list', { communityId }))
  const tree = useQuery(parts.booking ? `${communityId}|tree` : null, () => call('org.tree', { communityId }))
  const save = useAction((input: UpsertInput) => call('service.upsert', input), { success: '已保存', showError: 'keep', onSuccess: onDone })
  const refusal = save.error ? refusalWords(save.error) : null

  const setCategory = (category: ServiceCategory) => setD((x) => ({ ...x, category, ...(s ? {} : CATEGORY_DEFAULTS[category]) }))
  const submit = () => {
    const out = toInput(d, communityId, s?.id ?? null)
    if ('problem' in out) return setInvalid(out.problem)
    setInvalid(null)
    void save.run(out.input)
  }

  return (
    <Sheet
      id='service-form'
      title={s ? `修改：${s.name}` : '新增服务'}
      busy={save.busy}
      error={invalid ?? refusal?.text}
      stale={!!refusal?.final}
      reload={reload}
      submitText='保存'
      onSubmit={submit}
      onClose={onClose}
    >
      <View className='section-title'>服务是什么</View>
      <Field label='名称' id='form-name' value={d.name} onChange={set('name')} maxlength={20} placeholder='如：书记接待日' />
      <Choice label='类别' id='form-category' value={d.category} options={CATEGORY_OPTIONS} onChange={setCategory} />
      <Choice label='怎么提供' id='form-delivery' big value={d.delivery} options={DELIVERY_OPTIONS} onChange={set('delivery')} />
      <Field label='地点' id='form-place' value={d.place} onChange={set('place')} maxlength={50} placeholder='如：党群服务中心一楼' />
      <Area label='服务内容' id='form-description' value={d.description} onChange={set('description')} maxlength={500} />

      <View className='section-title'>谁来提供</View>
      <ProviderPicker
        communityId={communityId}
        value={d.provider}
        units={units}
        onChange={(provider) =>
          // A partner unit providing a venue is, unless said otherwise, the one whose staff approve its use.
          setD((x) => ({ ...x, provider, providerChanged: true, venueUnitId: x.venueUnitId ?? (provider.kind === 'unit' ? provider.unitId : null) }))
        }
      />
      {s && !d.providerChanged && <Text className='note'>现在由「{s.provider.name}」提供；不改就保持不变。</Text>}

      <View className='section-title'>什么时间</View>
      {parts.slots && (
        <>
          <Area
            label='每周固定时段'
            id='form-weekly'
            hint='一行一个：周几 开始-结束 名额，如 周三 09:00-11:00 20'
            value={d.weekly}
            onChange={set('weekly')}
            maxlength={600}
          />
          <Area
            label='指定日期的时段（临时加开）'
            id='form-dated'
            hint='一行一个：日期 开始-结束 名额，如 2026-12-10 14:00-16:00 10'
            value={d.dated}
            onChange={set('dated')}
            maxlength={1500}
          />
        </>
      )}
      {parts.walkIn && <Field label='什么时间来' id='form-walkin' value={d.walkIn} onChange={set('walkIn')} placeholder='每周一至五 9:00-17:00' />}
      {parts.daily && (
        <>
          <Field label='每天几点前预订' id='form-daily-cutoff' value={d.dailyCutoff} onChange={set('dailyCutoff')} maxlength={5} placeholder='10:00' />
          <Field label='每天最多几份' id='form-daily-capacity' type='number' value={d.dailyCapacity} onChange={set('dailyCapacity')} maxlength={4} />
          <Weekdays label='哪几天开放' id='form-daily-days' value={d.dailyDays} onChange={set('dailyDays')} />
        </>
      )}
      {parts.venue && (
        <>
          <FormRow label='场地所属单位（由它的工作人员审批）' id='form-venue-unit'>
            <Loaded query={units} loadingText='正在读取单位…'>
              {(list) => (
                <View className='pick-list'>
                  <PickRow id='none' on={d.venueUnitId === null} onClick={() => set('venueUnitId')(null)}>
                    不指定（由社区审批）
                  </PickRow>
                  {list.map((u) => (
                    <PickRow key={u.id} id={u.id} on={d.venueUnitId === u.id} onClick={() => set('venueUnitId')(u.id)}>
                      {u.name}
                    </PickRow>
                  ))}
                </View>
              )}
            </Loaded>
          </FormRow>
          <Field label='几点开放' id='form-opens' value={d.opens} onChange={set('opens')} maxlength={5} placeholder='18:00' />
          <Field label='几点关闭' id='form-closes' value={d.closes} onChange={set('closes')} maxlength={5} placeholder='21:00' />
          <Weekdays label='哪几天开放' id='form-venue-days' value={d.venueDays} onChange={set('venueDays')} />
        </>
      )}
      {parts.closures && (
        <Area
          label='休息的日子（节假日）'
          id='form-closures'
          hint='一行一个日期，如 2026-10-01；这些天不开放预约'
          value={d.closures}
          onChange={set('closures')}
          maxlength={700}
        />
      )}

      {parts.booking && (
        <>
          <View className='section-title'>谁可以约</View>
          <Field
            label='多大年纪以上（不限就空着）'
            id='form-min-age'
            type='number'
            value={d.minAge}
            onChange={set('minAge')}
            maxlength={3}
            placeholder='不限'
          />
          <FormRow label='哪些楼栋（都不选就是全社区）' id='form-buildings'>
            <Loaded query={tree} loadingText='正在读取楼栋…'>
              {(t) => (
                <View className='seg'>
                  {t.compounds.flatMap((c) =>
                    c.buildings.map((b) => (
                      <Chip
                        key={b.id}
                        value={b.id}
                        check
                        on={d.buildingIds.includes(b.id)}
                        onClick={() => set('buildingIds')(d.buildingIds.includes(b.id) ? d.buildingIds.filter((x) => x !== b.id) : [...d.buildingIds, b.id])}
                      >
                        {c.name}
                        {b.name}
                      </Chip>
                    )),
                  )}
                </View>
              )}
            </Loaded>
          </FormRow>

          <View className='section-title'>预约规则</View>
          <Field label='所需积分（0 为免费）' id='form-price' type='number' value={d.price} onChange={set('price')} maxlength={5} />
          {parts.cutoffHours && (
            <Field label='开始前几小时截止预约和取消' id='form-cutoff' type='number' value={d.cutoffHours} onChange={set('cutoffHours')} maxlength={2} />
          )}
          <FormRow
            label='多次约了不来，暂停预约'
            id='form-noshow'
            hint={`默认：${DEFAULT_NO_SHOW.withinDays} 天内 ${DEFAULT_NO_SHOW.count} 次没来，暂停预约 ${DEFAULT_NO_SHOW.blockDays} 天`}
          >
            <Field label='几天内' id='form-noshow-within' type='number' value={d.noShowWithin} onChange={set('noShowWithin')} maxlength={3} />
            <Field label='没来几次' id='form-noshow-count' type='number' value={d.noShowCount} onChange={set('noShowCount')} maxlength={2} />
            <Field label='暂停几天' id='form-noshow-block' type='number' value={d.noShowBlock} onChange={set('noShowBlock')} maxlength={2} />
          </FormRow>
          {parts.privacy && (
            <>
              <Toggle
                label='保密服务'
                id='form-private'
                note='只有居民本人和服务的人看得到谁约了（如心灵驿站）'
                checked={d.private}
                onChange={set('private')}
              />
              <Toggle
                label='给孩子约'
                id='form-child'
                note='家长替孩子约，只记孩子的名和年龄（如四点半课堂）'
                checked={d.forChild}
                onChange={set('forChild')}
              />
            </>
          )}
        </>
      )}
      <Toggle label='开放' id='form-active' note='关掉就暂停：居民在菜单上看不到' checked={d.active} onChange={set('active')} />
    </Sheet>
  )
}
