/**
 * 设立或修改议事会: its name, what it covers (the community, a compound, a building, the youth, new residents)
 * and its rules, every one said in words — how many supports move a topic on, who votes, the quorum and the
 * pass line, the opinion and voting windows, whether the count stays hidden until the close.
 */
import { useState } from 'react'
import { Picker } from '@tarojs/components'
import type { CouncilScope, CouncilView, Eligibility } from '@contract/council'
import { COUNCIL_SCOPES, COUNCIL_SCOPE_LABELS, ELIGIBILITIES, ELIGIBILITY_LABELS } from '@contract/vocabulary'
import { Choice, Field, FormRow, PickFace, Toggle, intOrNull } from '../../../components/Field'
import { Sheet } from '../../../components/Sheet'
import { useAction } from '../../../hooks/useAction'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'

/** Each number rule: its words, its hint, and its range (the contract's). */
const NUMBERS = [
  { key: 'supportThreshold', label: '附议人数', hint: '这么多居民附议后，议题进入党支部审议（填 0：提交后直接审议）', min: 0, max: 1000 },
  { key: 'quorumPercent', label: '最低参与率（%）', hint: '投票数占应投人数的比例达到这个数，表决才有效（填 0：不设）', min: 0, max: 100 },
  { key: 'passPercent', label: '通过比例（%）', hint: '同意票超过“同意＋不同意”的这个比例就通过，弃权不计；至少 50', min: 50, max: 100 },
  { key: 'opinionDays', label: '征求意见天数', hint: '业委会商议后，居民发表意见的天数', min: 1, max: 60 },
  { key: 'votingDays', label: '表决天数', hint: '发起表决后，可以投票的天数', min: 1, max: 60 },
] as const
type NumberKey = (typeof NUMBERS)[number]['key']

const DEFAULTS = {
  supportThreshold: 10,
  eligibility: 'household' as Eligibility,
  quorumPercent: 0,
  passPercent: 50,
  opinionDays: 7,
  votingDays: 7,
  secretBallot: true,
  youthMaxAge: null,
}

export function CouncilForm({
  communityId,
  council,
  onDone,
  onClose,
}: {
  communityId: string
  council: CouncilView | null
  onDone: () => void
  onClose: () => void
}) {
  const s = council?.settings ?? DEFAULTS
  const [name, setName] = useState(council?.name ?? '')
  const [scope, setScope] = useState<CouncilScope>(council?.scope ?? 'building')
  const [placeId, setPlaceId] = useState<string | null>(council?.buildingId ?? council?.compoundId ?? null)
  const [nums, setNums] = useState<Record<NumberKey, string>>(Object.fromEntries(NUMBERS.map((n) => [n.key, String(s[n.key])])) as Record<NumberKey, string>)
  const [eligibility, setEligibility] = useState<Eligibility>(s.eligibility)
  const [secretBallot, setSecretBallot] = useState(s.secretBallot)
  const [youthMaxAge, setYouthMaxAge] = useState(s.youthMaxAge === null ? '35' : String(s.youthMaxAge))
  const [active, setActive] = useState(council?.active ?? true)
  const [problem, setProblem] = useState<string | null>(null)
  const tree = useQuery(communityId, () => call('org.tree', { communityId }))
  const places = (tree.data?.compounds ?? []).flatMap((c) =>
    scope === 'compound' ? [{ id: c.id, label: c.name }] : scope === 'building' ? c.buildings.map((b) => ({ id: b.id, label: `${c.name} ${b.name}` })) : [],
  )
  const save = useAction((input: Parameters<typeof call<'council.upsert'>>[1]) => call('council.upsert', input), {
    success: council ? '规则已保存' : '议事会已设立',
    onSuccess: onDone,
    showError: 'keep',
  })

  function submit() {
    const values = {} as Record<NumberKey, number>
    for (const n of NUMBERS) {
      const v = intOrNull(nums[n.key])
      if (v === null || Number.isNaN(v) || v < n.min || v > n.max) return setProblem(`${n.label}请填 ${n.min}–${n.max} 的整数`)
      values[n.key] = v
    }
    const youth = intOrNull(youthMaxAge)
    if (scope === 'youth' && (youth === null || Number.isNaN(youth) || youth < 14 || youth > 45)) return setProblem('青年年龄上限请填 14–45')
    if (!name.trim()) return setProblem('请给议事会起个名字')
    if ((scope === 'compound' || scope === 'building') && !placeId) return setProblem(scope === 'building' ? '请选是哪栋楼' : '请选是哪个小区')
    setProblem(null)
    void save.run({
      communityId,
      ...(council ? { councilId: council.id } : {}),
      name: name.trim(),
      scope,
      compoundId: scope === 'compound' ? placeId : null,
      buildingId: scope === 'building' ? placeId : null,
      settings: { ...values, eligibility, secretBallot, youthMaxAge: scope === 'youth' ? youth : null },
      active,
    })
  }

  const place = places.find((p) => p.id === placeId)
  return (
    <Sheet
      id='council-form'
      title={council ? `修改「${council.name}」` : '设立议事会'}
      error={problem ?? save.error?.message}
      busy={save.busy}
      submitText='保存'
      onSubmit={submit}
      onClose={onClose}
    >
      <Field id='council-name' label='名称' value={name} maxlength={20} placeholder='例如：3号楼议事会' onChange={setName} />
      {!council?.isDefault && (
        <Choice
          id='council-scope'
          label='议事范围'
          value={scope}
          options={COUNCIL_SCOPES.filter((c) => c !== 'community').map((c) => ({ value: c, text: COUNCIL_SCOPE_LABELS[c] }))}
          onChange={(v) => (setScope(v), setPlaceId(null))}
        />
      )}
      {places.length > 0 && (
        <FormRow label={scope === 'building' ? '哪栋楼' : '哪个小区'}>
          <Picker
            mode='selector'
            range={places.map((p) => p.label)}
            value={Math.max(0, places.indexOf(place!))}
            onChange={(e) => setPlaceId(places[Number(e.detail.value)]?.id ?? null)}
          >
            <PickFace id='council-place' text={place?.label ?? '请选择'} />
          </Picker>
        </FormRow>
      )}
      <Choice
        id='council-eligibility'
        label='谁来表决'
        value={eligibility}
        options={ELIGIBILITIES.map((e) => ({ value: e, text: ELIGIBILITY_LABELS[e] }))}
        onChange={setEligibility}
      />
      {NUMBERS.map((n) => (
        <Field
          key={n.key}
          id={`council-${n.key}`}
          type='number'
          label={n.label}
          hint={n.hint}
          value={nums[n.key]}
          maxlength={4}
          onChange={(v) => setNums({ ...nums, [n.key]: v })}
        />
      ))}
      {scope === 'youth' && (
        <Field
          id='council-youth'
          type='number'
          label='青年年龄上限（岁）'
          hint='按社区核实过的出生年份算'
          value={youthMaxAge}
          maxlength={2}
          onChange={setYouthMaxAge}
        />
      )}
      <Toggle id='council-secret' label='表决结束前不公布票数' note='谁投了什么始终不公开' checked={secretBallot} onChange={setSecretBallot} />
      {council && !council.isDefault && <Toggle id='council-active' label='启用' note='停用后不再接收新议题' checked={active} onChange={setActive} />}
    </Sheet>
  )
}
