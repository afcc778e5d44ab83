/**
 * 双报到登记: a party member scans the community's 小程序码 (its scene is a short token: onLoad
 * options.scene in weapp, ?scene= in H5, both in useRouter().params) and the page says where they are
 * registering ("您正在 幸福里社区 报到"). The form: name, 工作单位 (the community's partner units or
 * 其他 with free text), 所在党支部, 党员类型 (five big buttons), home compound and building (the scene's
 * compound chosen first), 特长, and one 微承诺. Without a scene, the person chooses the community.
 * Submitting shows a plain result: submitted, waiting for the secretary; already registered says so.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { RegistrationView, SceneView } from '@contract/party'
import type { TreeView } from '@contract/org'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { askSubscribe } from '../../../../services/subscribe'
import { openConsent } from '../../../../services/session'
import { go } from '../../../../services/nav'
import { MEMBER_TYPES, MEMBER_TYPE_HINTS, PLEDGE_EXAMPLES, SKILL_SUGGESTIONS, type MemberType } from '../../shared'
import { Area, Choice, Field, Tags } from '../../components/Field'
import '../../party.scss'

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
type Where = { scene: string | null; view: SceneView }

function sceneParam(raw: string | undefined): string | null {
  if (!raw) return null
  try {
    return decodeURIComponent(raw).trim() || null
  } catch {
    return raw.trim() || null
  }
}

export default function Register() {
  const session = useSession()
  const { me } = session
  const { params } = useRouter()
  const scene = sceneParam(params.scene)
  const [chosen, setChosen] = useState<Where | null>(null)
  const [ignoreScene, setIgnoreScene] = useState(false)
  const useScene = !!scene && !ignoreScene

  const mine = useQuery(me ? `${me.userId}|mine` : null, () => call('party.myRegistration', {}))
  const resolved = useQuery(me && useScene ? `${me.userId}|${scene}` : null, () => call('party.resolveScene', { scene: scene! }))
  const communities = useQuery(me && !useScene && !chosen ? `${me.userId}|communities` : null, () => call('org.communities', {}))
  const where: Where | null = useScene ? (resolved.data ? { scene, view: resolved.data } : null) : chosen
  const tree = useQuery(where ? where.view.communityId : null, () => call('org.tree', { communityId: where!.view.communityId }))

  const [form, setForm] = useState<Form | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<RegistrationView | null>(null)

  // Start the form once we know the person and the place.
  useEffect(() => {
    if (!me || !where || form) return
    const homeHere = me.household && me.household.communityId === where.view.communityId ? me.household : null
    setForm({
      name: me.realName ?? '',
      unit: null,
      unitName: '',
      branch: '',
      memberType: null,
      compoundId: where.view.compoundId ?? homeHere?.compoundId ?? null,
      buildingId: homeHere && (!where.view.compoundId || homeHere.compoundId === where.view.compoundId) ? homeHere.buildingId : null,
      skills: [],
      pledge: '',
    })
  }, [me, where, form])

  if (!me) return <PageShell>{session.error ? <ErrorState error={session.error} onRetry={session.retry} /> : <Loading />}</PageShell>
  if (mine.error) return <PageShell><ErrorState error={mine.error} onRetry={mine.reload} /></PageShell>
  if (!mine.data) return <PageShell><Loading /></PageShell>

  // ---- the result after submitting ----
  if (done) {
    return (
      <PageShell className='register'>
        <View className='result-ok' id='register-done'>
          <Text className='result-ok__title'>✓ 报到已提交</Text>
          <Text className='result-ok__line'>{done.communityName}</Text>
          <Text className='result-ok__line'>社区书记审核通过后，您就是本社区的报到党员了。审核结果会在“党员报到”里显示。</Text>
        </View>
        <View className='card' style={{ marginTop: '24px' }}>
          <Text className='card-title'>您的微承诺</Text>
          <Text>{done.pledge.text}</Text>
        </View>
        <Button className='btn btn--primary btn--block' id='register-go-home' onClick={() => Taro.redirectTo({ url: '/packages/party/pages/index/index' })}>
          看看我的报到
        </Button>
        <Button className='btn btn--block' onClick={() => go('home')}>
          回到首页
        </Button>
      </PageShell>
    )
  }

  // ---- already registered (pending or verified) ----
  const current = mine.data.current
  if (current && (!where || current.communityId === where.view.communityId)) {
    return (
      <PageShell className='register'>
        <View className='card' id='register-already'>
          <View className='head-row'>
            <Text className='card-title'>{current.communityName}</Text>
            <Text className={`chip chip--${current.status}`}>{current.statusLabel}</Text>
          </View>
          <Text className='muted'>{current.status === 'pending' ? '您已提交报到，请等待社区书记审核。' : '您已经在这个社区报到了，不用再报一次。'}</Text>
        </View>
        <Button className='btn btn--primary btn--block' onClick={() => Taro.redirectTo({ url: '/packages/party/pages/index/index' })}>
          看看我的报到
        </Button>
      </PageShell>
    )
  }

  // ---- where: the scene, or choose ----
  if (useScene && resolved.error) {
    return (
      <PageShell className='register'>
        <ErrorState error={resolved.error} onRetry={resolved.error.code === 'NOT_FOUND' ? undefined : resolved.reload} />
        <Button className='btn btn--primary btn--block' onClick={() => setIgnoreScene(true)}>
          自己选择报到的社区
        </Button>
      </PageShell>
    )
  }
  if (!where) {
    if (useScene) return <PageShell><Loading text='正在识别二维码…' /></PageShell>
    return (
      <PageShell className='register'>
        <Text className='pty-warn'>请扫描社区党群服务中心的报到二维码；没有二维码，也可以在下面选择您居住的社区。</Text>
        <View className='section-title'>选择您居住的社区</View>
        {communities.error ? (
          <ErrorState error={communities.error} onRetry={communities.reload} />
        ) : !communities.data ? (
          <Loading />
        ) : (
          <View className='card' id='register-communities'>
            {communities.data.map((c) => (
              <View
                key={c.id}
                className='row'
                hoverClass='row--hover'
                data-id={c.id}
                onClick={() => setChosen({ scene: null, view: { communityId: c.id, communityName: c.name, compoundId: null, compoundName: null, partnerUnits: [] } })}
              >
                <View>
                  <Text className='item-row__name'>{c.name}</Text>
                  <Text className='note' style={{ display: 'block' }}>{c.address}</Text>
                </View>
                <Text className='row__arrow'>›</Text>
              </View>
            ))}
          </View>
        )}
      </PageShell>
    )
  }

  const lastRejected = mine.data.history.find((r) => r.status === 'rejected' && r.communityId === where.view.communityId)
  const t: TreeView | null = tree.data
  const units = where.view.partnerUnits.length ? where.view.partnerUnits : (t?.partnerUnits ?? []).map((u) => ({ id: u.id, name: u.name }))
  const movingFrom = current && current.communityId !== where.view.communityId ? current : null

  if (!form) return <PageShell><Loading /></PageShell>
  const f = form
  const set = (patch: Partial<Form>) => setForm({ ...f, ...patch })
  const compound = t?.compounds.find((c) => c.id === f.compoundId) ?? null

  async function submit() {
    if (!me!.privacy || me!.privacy.needsConsent) {
      Taro.showToast({ title: '报到要先同意隐私保护指引', icon: 'none' })
      openConsent()
      return
    }
    const unitName = f.unit === OTHER ? f.unitName.trim() : units.find((u) => u.id === f.unit)?.name ?? ''
    const bad = !f.name.trim()
      ? '请填写您的姓名'
      : !f.unit
        ? '请选择工作单位（没有在列表里就选“其他”）'
        : !unitName
          ? '请填写工作单位名称'
          : !f.branch.trim()
            ? '请填写所在党支部，如“区教育局第二党支部”'
            : !f.memberType
              ? '请选择党员类型'
              : !f.compoundId || !f.buildingId
                ? '请选择您住的小区和楼栋'
                : !f.pledge.trim()
                  ? '请写一句微承诺，可以点下面的例子'
                  : null
    setProblem(bad)
    if (bad) return
    // Inside the tap: once verified, the community may dispatch wishes to a member (社区派单 reminders).
    await askSubscribe(['reminder'])
    setBusy(true)
    try {
      const reg = await call('party.register', {
        communityId: where!.view.communityId,
        ...(where!.scene ? { scene: where!.scene } : {}),
        name: f.name.trim(),
        employerUnitId: f.unit === OTHER ? null : f.unit,
        employerName: unitName,
        branch: f.branch.trim(),
        memberType: f.memberType!,
        homeCompoundId: f.compoundId!,
        homeBuildingId: f.buildingId!,
        skills: f.skills,
        pledge: f.pledge.trim(),
      })
      setDone(reg)
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='register'>
      <View className='pty-hero' id='register-where'>
        <Text className='pty-hero__label'>您正在</Text>
        <Text className='pty-hero__title'>{where.view.communityName} 报到</Text>
        {where.view.compoundName && <Text className='pty-hero__sub'>{where.view.compoundName}</Text>}
      </View>
      {movingFrom && <Text className='pty-warn'>您现在在 {movingFrom.communityName} 报到。在这里报到后，原来的报到会转为“已迁出”，记录保留。</Text>}
      {lastRejected?.rejectReason && <Text className='pty-warn pty-warn--red'>上次报到没有通过：{lastRejected.rejectReason}。请修改后重新提交。</Text>}

      <View className='card' id='register-form'>
        <Field label='您的姓名' id='reg-name' value={f.name} maxlength={20} placeholder='请填写真实姓名' onChange={(name) => set({ name })} />
        <View className='form-row' id='reg-unit'>
          <Text className='form-label'>工作单位</Text>
          {tree.error && !units.length ? (
            <ErrorState error={tree.error} onRetry={tree.reload} />
          ) : (
            <View className='seg'>
              {units.map((u) => (
                <View key={u.id} data-value={u.id} className={`seg__opt${f.unit === u.id ? ' seg__opt--on' : ''}`} onClick={() => set({ unit: u.id })}>
                  {u.name}
                </View>
              ))}
              <View data-value={OTHER} className={`seg__opt${f.unit === OTHER ? ' seg__opt--on' : ''}`} onClick={() => set({ unit: OTHER })}>
                其他单位
              </View>
            </View>
          )}
          {f.unit === OTHER && (
            <Field label='单位名称' id='reg-unit-name' value={f.unitName} maxlength={40} placeholder='如：青山区教育局' onChange={(unitName) => set({ unitName })} />
          )}
        </View>
        <Field label='所在党支部' id='reg-branch' value={f.branch} maxlength={40} placeholder='如：区教育局第二党支部' onChange={(branch) => set({ branch })} />
        <Choice
          label='党员类型'
          id='reg-type'
          big
          value={f.memberType}
          options={MEMBER_TYPES.map((m) => ({ value: m, text: m, hint: MEMBER_TYPE_HINTS[m] }))}
          onChange={(memberType) => set({ memberType })}
        />
        <View className='form-row' id='reg-home'>
          <Text className='form-label'>居住小区</Text>
          {tree.error ? (
            <ErrorState error={tree.error} onRetry={tree.reload} />
          ) : !t ? (
            <Loading />
          ) : (
            <>
              <View className='seg'>
                {t.compounds.map((c) => (
                  <View key={c.id} data-value={c.id} className={`seg__opt${f.compoundId === c.id ? ' seg__opt--on' : ''}`} onClick={() => set({ compoundId: c.id, buildingId: c.id === f.compoundId ? f.buildingId : null })}>
                    {c.name}
                  </View>
                ))}
              </View>
              {compound && (
                <>
                  <Text className='form-label' style={{ marginTop: '20px' }}>
                    楼栋
                  </Text>
                  <View className='seg' id='reg-building'>
                    {compound.buildings.map((b) => (
                      <View key={b.id} data-value={b.id} className={`seg__opt${f.buildingId === b.id ? ' seg__opt--on' : ''}`} onClick={() => set({ buildingId: b.id })}>
                        {b.name}
                      </View>
                    ))}
                  </View>
                </>
              )}
            </>
          )}
        </View>
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

      {problem && (
        <Text className='form-error' id='register-problem'>
          {problem}
        </Text>
      )}
      <Button className='btn btn--primary btn--block' id='register-submit' loading={busy} disabled={busy} onClick={submit}>
        提交报到
      </Button>
      <Text className='note' style={{ display: 'block', marginTop: '16px' }}>
        您填写的姓名、单位和住址只给本社区书记审核使用，名单里姓名会打码显示。
      </Text>
    </PageShell>
  )
}
