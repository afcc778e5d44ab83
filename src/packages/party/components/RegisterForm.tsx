/**
 * The 双报到 form: name, 工作单位 (the community's partner units or 其他 with free text), 所在党支部, 党员类型
 * (five big buttons), home compound and building (the scene's compound chosen first), 特长, and one 微承诺.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me, TreeView } from '@contract/org'
import type { RegistrationView, SceneView } from '@contract/party'
import { MEMBER_TYPES } from '@contract/vocabulary'
import { Loaded } from '../../../components/Guard'
import { Area, Choice, Chip, Field, FormRow, Tags } from '../../../components/Field'
import { useAction } from '../../../hooks/useAction'
import type { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { openConsent } from '../../../services/session'
import { MEMBER_TYPE_HINTS, PLEDGE_EXAMPLES, SKILL_SUGGESTIONS, type MemberType } from '../shared'
import { PlacePicker } from './PlacePicker'

const OTHER = '__other__'

interface Form {
  name: string
  unit: string | null // partner unit id, OTHER, or null (not chosen)
  unitName: string
  branch: string
  memberType: MemberType | null
  compoundId: string | null
  buildingId: string | null
  skills: string[]
  pledge: string
}

/** Where the person registers: from the scene, or chosen from the list of communities. */
export type Where = { scene: string | null; view: SceneView }

function startForm(me: Me, where: Where): Form {
  const homeHere = me.household && me.household.communityId === where.view.communityId ? me.household : null
  return {
    name: me.realName ?? '',
    unit: null,
    unitName: '',
    branch: '',
    memberType: null,
    compoundId: where.view.compoundId ?? homeHere?.compoundId ?? null,
    buildingId: homeHere && (!where.view.compoundId || homeHere.compoundId === where.view.compoundId) ? homeHere.buildingId : null,
    skills: [],
    pledge: '',
  }
}

function problemOf(f: Form, unitName: string): string | null {
  if (!f.name.trim()) return '请填写您的姓名'
  if (!f.unit) return '请选择工作单位（没有在列表里就选“其他”）'
  if (!unitName) return '请填写工作单位名称'
  if (!f.branch.trim()) return '请填写所在党支部，如“区教育局第二党支部”'
  if (!f.memberType) return '请选择党员类型'
  if (!f.compoundId || !f.buildingId) return '请选择您住的小区和楼栋'
  if (!f.pledge.trim()) return '请写一句微承诺，可以点下面的例子'
  return null
}

export function RegisterForm({
  me,
  where,
  tree,
  onDone,
}: {
  me: Me
  where: Where
  tree: ReturnType<typeof useQuery<TreeView>>
  onDone: (r: RegistrationView) => void
}) {
  const [f, setForm] = useState<Form>(() => startForm(me, where))
  const [problem, setProblem] = useState<string | null>(null)
  const set = (patch: Partial<Form>) => setForm((x) => ({ ...x, ...patch }))
  const units = where.view.partnerUnits.length ? where.view.partnerUnits : (tree.data?.partnerUnits ?? []).map((u) => ({ id: u.id, name: u.name }))
  const unitName = f.unit === OTHER ? f.unitName.trim() : (units.find((u) => u.id === f.unit)?.name ?? '')

  const register = useAction(
    () =>
      call('party.register', {
        communityId: where.view.communityId,
        ...(where.scene ? { scene: where.scene } : {}),
        name: f.name.trim(),
        employerUnitId: f.unit === OTHER ? null : f.unit,
        employerName: unitName,
        branch: f.branch.trim(),
        memberType: f.memberType!,
        homeCompoundId: f.compoundId!,
        homeBuildingId: f.buildingId!,
        skills: f.skills,
        pledge: f.pledge.trim(),
      }),
    {
      onSuccess: (reg) => {
        onDone(reg)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      },
      showError: 'keep',
    },
  )
  async function submit() {
    if (!me.privacy || me.privacy.needsConsent) {
      Taro.showToast({ title: '报到要先同意隐私保护指引', icon: 'none' })
      openConsent()
      return
    }
    const bad = problemOf(f, unitName)
    setProblem(bad)
    if (bad || register.busy) return
    // Inside the tap: once verified, the community may dispatch wishes to a member (社区派单 reminders).
    await askSubscribe(['reminder'])
    await register.run()
  }
  const shown = problem ?? register.error?.message

  return (
    <>
      <View className='card' id='register-form'>
        <Field label='您的姓名' id='reg-name' value={f.name} maxlength={20} placeholder='请填写真实姓名' onChange={(name) => set({ name })} />
        <FormRow label='工作单位' id='reg-unit'>
          <Loaded query={{ data: units.length || !tree.error ? units : null, error: units.length ? null : tree.error, reload: tree.reload }}>
            {(list) => (
              <View className='seg'>
                {[...list, { id: OTHER, name: '其他单位' }].map((u) => (
                  <Chip key={u.id} value={u.id} on={f.unit === u.id} onClick={() => set({ unit: u.id })}>
                    {u.name}
                  </Chip>
                ))}
              </View>
            )}
          </Loaded>
          {f.unit === OTHER && (
            <Field
              label='单位名称'
              id='reg-unit-name'
              value={f.unitName}
              maxlength={40}
              placeholder='如：青山区教育局'
              onChange={(unitName) => set({ unitName })}
            />
          )}
        </FormRow>
        <Field label='所在党支部' id='reg-branch' value={f.branch} maxlength={40} placeholder='如：区教育局第二党支部' onChange={(branch) => set({ branch })} />
        <Choice
          label='党员类型'
          id='reg-type'
          big
          value={f.memberType}
          options={MEMBER_TYPES.map((m) => ({ value: m, text: m, hint: MEMBER_TYPE_HINTS[m] }))}
          onChange={(memberType) => set({ memberType })}
        />
        <FormRow label='居住小区' id='reg-home'>
          <Loaded query={tree}>
            {(t) => (
              <PlacePicker
                tree={t}
                compoundId={f.compoundId}
                buildingId={f.buildingId}
                buildingsId='reg-building'
                onChange={(compoundId, buildingId) => set({ compoundId, buildingId })}
              />
            )}
          </Loaded>
        </FormRow>
        <Tags label='特长（可多选）' id='reg-skills' value={f.skills} suggestions={SKILL_SUGGESTIONS} onChange={(skills) => set({ skills })} />
        <Area
          label='微承诺（一句话，为邻居做一件实事）'
          id='reg-pledge'
          value={f.pledge}
          maxlength={100}
          placeholder='如：每月为楼里独居老人理一次发'
          onChange={(pledge) => set({ pledge })}
        />
        <View className='examples'>
          <Text className='note'>点一下例子就能用：</Text>
          {PLEDGE_EXAMPLES.map((p) => (
            <Text key={p} className='example' onClick={() => set({ pledge: p })}>
              {p}
            </Text>
          ))}
        </View>
      </View>

      {shown && (
        <Text className='form-error' id='register-problem'>
          {shown}
        </Text>
      )}
      <Button className='btn btn--primary btn--block' id='register-submit' loading={register.busy} disabled={register.busy} onClick={submit}>
        提交报到
      </Button>
      <Text className='note' style={{ display: 'block', marginTop: '16px' }}>
        您填写的姓名、单位和住址只给本社区书记审核使用，名单里姓名会打码显示。
      </Text>
    </>
  )
}
