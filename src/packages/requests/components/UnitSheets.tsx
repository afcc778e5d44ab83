/**
 * A unit that acts on requests (物业公司, 共建单位; 街道科室 by the street admin): its name and kind, the
 * categories it owns (a new report of one goes to it), the time it has to report after a 吹哨, whether it is
 * active — and its staff, who sign in and see its queue (found by name among the community's members, or — for
 * the property company's or a department's people, who rarely live here — by their whole phone number; 移除
 * takes one off).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { FoundPerson, RequestCategory, UnitKind, UnitView } from '@contract/requests'
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from '@contract/vocabulary'
import { Chip, Choice, Field, FormRow, Toggle } from '../../../components/Field'
import { MemberSearch, PickRow } from '../../../components/MemberSearch'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/api'
import { LimitField } from './Limits'

interface SheetProps {
  communityId: string
  unit: UnitView | null
  onDone: (u: UnitView) => void
  onClose: () => void
  reload: () => void
}

export function UnitSheet(props: SheetProps & { street: boolean }) {
  const u = props.unit
  const [name, setName] = useState(u?.name ?? '')
  const [kind, setKind] = useState<UnitKind>(u?.kind ?? 'property')
  const [categories, setCategories] = useState<RequestCategory[]>(u?.categories ?? [])
  const [minutes, setMinutes] = useState(u?.escalationAcceptMinutes ?? 120)
  const [active, setActive] = useState(u?.active ?? true)
  const kinds = UNIT_KINDS.filter((k) => props.street || k !== 'street_dept')
  const save = useAction(
    () =>
      call('unit.upsert', {
        communityId: props.communityId,
        ...(u ? { unitId: u.id } : {}),
        name: name.trim(),
        kind,
        streetWide: kind === 'street_dept',
        categories,
        escalationAcceptMinutes: minutes,
        active,
      }),
    { success: '已保存', onSuccess: props.onDone, reload: props.reload, showError: 'keep' },
  )
  const check = () =>
    !name.trim() ? '请写单位名称' : !Number.isInteger(minutes) || minutes < 10 || minutes > 14 * 1440 ? '报到时限要在 10 分钟到 14 天之间' : null
  return (
    <Sheet
      id='unit-sheet'
      title={u ? '修改责任单位' : '新增责任单位'}
      act={save}
      check={check}
      submitText='保存'
      onSubmit={() => save.run()}
      onClose={props.onClose}
      reload={props.reload}
    >
      <Field id='unit-name' label='单位名称' placeholder='例如：安居物业' maxlength={30} value={name} onChange={setName} />
      {!u && <Choice id='unit-kind' label='单位类型' value={kind} options={kinds.map((k) => ({ value: k, text: UNIT_KIND_LABELS[k] }))} onChange={setKind} />}
      <FormRow label='负责哪类诉求' hint='这几类的新诉求直接派给这个单位；可不选（只接吹哨和改派）' id='unit-categories'>
        <View className='seg'>
          {REQUEST_CATEGORIES.map((c) => (
            <Chip
              key={c}
              value={c}
              check
              on={categories.includes(c)}
              onClick={() => setCategories(categories.includes(c) ? categories.filter((x) => x !== c) : [...categories, c])}
            >
              {REQUEST_CATEGORY_LABELS[c]}
            </Chip>
          ))}
        </View>
      </FormRow>
      <FormRow label='吹哨后多久内报到接单'>
        <LimitField id='unit-minutes' minutes={minutes} onChange={setMinutes} />
      </FormRow>
      {u && <Toggle id='unit-active' label='在用' note='停用后不再派单给这个单位' checked={active} onChange={setActive} />}
    </Sheet>
  )
}

export function StaffSheet(props: SheetProps & { unit: UnitView }) {
  const u = props.unit
  const act = useAction((userId: string, staff: boolean) => call('unit.setStaff', { communityId: props.communityId, unitId: u.id, userId, staff }), {
    confirm: (_, staff) => (staff ? null : { title: '移除工作人员', content: '移除后这位不再能看到和处理单位的诉求。确定移除吗？' }),
    success: (_, __, staff) => (staff ? '已添加' : '已移除'),
    onSuccess: props.onDone,
    reload: props.reload,
    showError: 'keep',
  })
  return (
    <Sheet id='staff-sheet' title={`${u.name}的工作人员`} act={act} onClose={props.onClose} reload={props.reload}>
      {u.staff.length === 0 ? (
        <Text className='muted'>还没有工作人员</Text>
      ) : (
        u.staff.map((s) => (
          <View key={s.userId} className='pick' data-id={s.userId}>
            <Text className='pick__text'>{s.name}</Text>
            <Button className='btn btn--small staff-remove' disabled={act.busy} onClick={() => act.run(s.userId, false)}>
              移除
            </Button>
          </View>
        ))
      )}
      <FormRow label='添加工作人员' hint='工作人员需要用微信登录小程序'>
        <MemberSearch
          id='staff-search'
          communityId={props.communityId}
          pickText='添加'
          picked={(id) => u.staff.some((s) => s.userId === id)}
          onPick={(m) => act.run(m.userId, true)}
        />
      </FormRow>
      <PhoneFind
        communityId={props.communityId}
        unitId={u.id}
        busy={act.busy}
        picked={(id) => u.staff.some((s) => s.userId === id)}
        onPick={(userId) => act.run(userId, true)}
      />
    </Sheet>
  )
}

const WHOLE_PHONE = /^1\d{10}$/

/**
 * Someone who is not a resident here (物业、街道科室的工作人员), found by the whole 11-digit number they verified in
 * WeChat (unit.findPerson: exact match only, masked names, every lookup audited); 添加 appoints them.
 */
function PhoneFind(props: { communityId: string; unitId: string; busy: boolean; picked: (userId: string) => boolean; onPick: (userId: string) => void }) {
  const [phone, setPhone] = useState('')
  const [found, setFound] = useState<FoundPerson[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const look = useAction((p: string) => call('unit.findPerson', { communityId: props.communityId, unitId: props.unitId, phone: p }), {
    onSuccess: (r) => setFound(r.people),
  })
  const search = () => {
    const p = phone.trim()
    if (!WHOLE_PHONE.test(p)) return setProblem('请输入完整的 11 位手机号')
    setProblem(null)
    void look.run(p)
  }
  return (
    <View className='staff-phone' id='staff-phone'>
      <Field
        id='staff-phone-input'
        label='不是本社区居民？按手机号查找'
        hint='输入对方完整的 11 位手机号。对方要先用微信打开过小程序，并在“我的”里授权手机号'
        type='number'
        maxlength={11}
        value={phone}
        placeholder='例如 13812345678'
        onChange={(v) => {
          setPhone(v)
          setFound(null)
        }}
      />
      <Button className='btn btn--small' id='staff-phone-find' loading={look.busy} disabled={look.busy} onClick={search}>
        查找
      </Button>
      {problem && <Text className='sheet__error'>{problem}</Text>}
      {found &&
        (found.length === 0 ? (
          <Text className='muted' id='staff-phone-none'>
            没有找到用这个手机号的用户。请对方先用微信打开小程序，在“我的”里授权手机号，再来查找
          </Text>
        ) : (
          <View className='pick-list'>
            {found.map((p) => {
              const on = props.picked(p.userId)
              return (
                <PickRow
                  key={p.userId}
                  id={p.userId}
                  on={on}
                  onText='已是工作人员'
                  pickText='添加'
                  onClick={() => !on && !props.busy && props.onPick(p.userId)}
                >
                  {p.name}
                </PickRow>
              )
            })}
          </View>
        ))}
    </View>
  )
}
