/**
 * 出生年份与居住证 on 成员详情 (secretary): what the secretary verified from a document seen in person, for the
 * councils — the birth year on the identity card (youth councils count only this), and a residence permit
 * 居住证 for this community with the day it runs to (new residents take part in councils with it). The
 * current values, and a sheet to record them (org.setResidency: audited on the server; no image is kept).
 * Only the fields changed are sent (a field left as it was keeps its value there).
 */
import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { ResidencyView } from '@contract/council'
import type { MemberDetail } from '@contract/org'
import { Choice, Field, FormRow, intOrNull } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { chinaToday } from '../../../services/time'

type Permit = 'yes' | 'no'

/** '2027-03-31' → 2027年3月31日 */
function fullDay(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd
}

/** The permit in words, today as the China day: 有，有效期至… / 已过期 / 无. */
export function permitText(permit: MemberDetail['residencePermit'], today: string): string {
  if (!permit) return '无'
  return permit.expiresOn < today ? `已过期（${fullDay(permit.expiresOn)}到期）` : `有，有效期至 ${fullDay(permit.expiresOn)}`
}

interface Props {
  m: MemberDetail
  communityId: string
  /** The person's name as the page shows it. */
  name: string
  /** The records as the server answered after a change. */
  onSaved: (r: ResidencyView) => void
  reload: () => void
}

export function Residency({ m, communityId, name, onSaved, reload }: Props) {
  const today = chinaToday()
  const [open, setOpen] = useState(false)
  const [year, setYear] = useState('')
  const [permit, setPermit] = useState<Permit>('no')
  const [expiresOn, setExpiresOn] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const save = useAction(
    (change: { birthYear?: number | null; permitExpiresOn?: string | null }) => call('org.setResidency', { communityId, userId: m.userId, ...change }),
    {
      success: '已登记',
      showError: 'keep',
      onSuccess: (r) => {
        onSaved(r)
        setOpen(false)
      },
      reload,
    },
  )

  function start() {
    setYear(m.verifiedBirthYear != null ? String(m.verifiedBirthYear) : '')
    setPermit(m.residencePermit ? 'yes' : 'no')
    setExpiresOn(m.residencePermit?.expiresOn ?? '')
    setProblem(null)
    save.clearError()
    setOpen(true)
  }

  function submit() {
    const birthYear = intOrNull(year)
    const thisYear = Number(today.slice(0, 4))
    if (birthYear !== null && (Number.isNaN(birthYear) || birthYear < 1900 || birthYear > thisYear))
      return setProblem(`出生年份请填 1900 到 ${thisYear} 之间的四位数`)
    if (permit === 'yes' && !expiresOn) return setProblem('请选择居住证的有效期')
    if (permit === 'yes' && expiresOn < today) return setProblem('这张居住证已经过期，不能登记；没有有效的居住证请选“无”')
    const change: { birthYear?: number | null; permitExpiresOn?: string | null } = {}
    if (birthYear !== (m.verifiedBirthYear ?? null)) change.birthYear = birthYear
    const nextPermit = permit === 'yes' ? expiresOn : null
    if (nextPermit !== (m.residencePermit?.expiresOn ?? null)) change.permitExpiresOn = nextPermit
    if (Object.keys(change).length === 0) return setOpen(false)
    setProblem(null)
    void save.run(change)
  }

  return (
    <>
      <View className='section-title'>出生年份与居住证</View>
      <View className='card' id='member-residency'>
        <Text className='note'>参加议事用：青年议事会看出生年份，新居民凭居住证参加。请看过证件再登记，证件只看不留存。</Text>
        <View className='row'>
          <Text className='row__label'>出生年份</Text>
          <Text className='row__value' id='member-birth-year'>
            {m.verifiedBirthYear != null ? `${m.verifiedBirthYear}年（已核对证件）` : '未登记'}
          </Text>
        </View>
        <View className='row'>
          <Text className='row__label'>居住证</Text>
          <Text className='row__value' id='member-permit'>
            {permitText(m.residencePermit, today)}
          </Text>
        </View>
        <View className='row' hoverClass='row--hover' id='member-residency-edit' onClick={start}>
          <Text>登记或更正</Text>
          <Text className='row__arrow'>›</Text>
        </View>
      </View>
      {open && (
        <Sheet
          id='residency-sheet'
          title={`登记${name}的出生年份与居住证`}
          act={save}
          error={problem ?? save.error?.message}
          submitText='登记'
          onSubmit={submit}
          onClose={() => setOpen(false)}
          reload={reload}
        >
          <Field
            id='residency-year'
            type='number'
            label='出生年份'
            hint='按身份证上的出生年份填写；不清楚就空着'
            placeholder='例如：1990'
            maxlength={4}
            value={year}
            onChange={setYear}
          />
          <Choice
            id='residency-permit'
            label='本社区的居住证'
            value={permit}
            options={[
              { value: 'yes', text: '有' },
              { value: 'no', text: '无' },
            ]}
            onChange={setPermit}
          />
          {permit === 'yes' && (
            <FormRow label='有效期至' hint='按居住证上的日期选'>
              <Picker mode='date' value={expiresOn || today} start={today} onChange={(e) => setExpiresOn(String(e.detail.value))}>
                <View className='form-picker' id='residency-expires'>
                  <Text>{expiresOn ? fullDay(expiresOn) : '选日期 ›'}</Text>
                </View>
              </Picker>
            </FormRow>
          )}
          <Text className='note'>登记会记入操作记录。</Text>
        </Sheet>
      )}
    </>
  )
}
