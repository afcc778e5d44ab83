/**
 * 共建单位 (secretary): each sponsor's budget — what is left, issued, redeemed — with a red warning when
 * it runs low (points are a funded liability: no budget, no points). Add or edit a sponsor, and
 * 注入积分 (amount + note; one request key per opened form, so a retried tap funds once).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SponsorView } from '@contract/points'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { isSecretaryOf, newRequestKey, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Field, Toggle, intOrNull } from '../../components/Field'
import '../../points.scss'

type Editing = { sponsorId?: string; name: string; contact: string; warnBelow: string; priority: string; active: boolean }
type Funding = { sponsor: SponsorView; amount: string; note: string; key: string }

export default function AdminSponsors() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const list = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('points.sponsors', { communityId: communityId! }))
  const [edit, setEdit] = useState<Editing | null>(null)
  const [fund, setFund] = useState<Funding | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked

  async function saveSponsor() {
    if (!edit) return
    const warn = intOrNull(edit.warnBelow)
    const prio = intOrNull(edit.priority)
    if (!edit.name.trim()) return setProblem('请填写单位名称')
    if (warn === null || Number.isNaN(warn) || warn < 0) return setProblem('预警线要填 0 或以上的整数')
    if (prio !== null && (Number.isNaN(prio) || prio < 0)) return setProblem('顺序要填 0 或以上的整数')
    setBusy(true)
    setProblem(null)
    try {
      const res = await call('points.setSponsor', {
        communityId: communityId!,
        ...(edit.sponsorId ? { sponsorId: edit.sponsorId } : {}),
        name: edit.name.trim(),
        contact: edit.contact.trim() || null,
        warnBelow: warn,
        ...(prio !== null ? { priority: prio } : {}),
        active: edit.active,
      })
      list.setData(res)
      setEdit(null)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  async function saveFund() {
    if (!fund) return
    const amount = intOrNull(fund.amount)
    if (amount === null || Number.isNaN(amount) || amount < 1) return setProblem('注入的积分要填大于 0 的整数')
    if (!fund.note.trim()) return setProblem('请写一句说明，如“2026 年度爱心积分”')
    setBusy(true)
    setProblem(null)
    try {
      const res = await call('points.fundSponsor', { communityId: communityId!, sponsorId: fund.sponsor.id, amount, note: fund.note.trim(), requestKey: fund.key })
      list.setData(res)
      setFund(null)
      Taro.showToast({ title: `已注入 ${amount} 积分`, icon: 'none' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        每一分积分都由共建单位的预算支付。预算低于预警线时标红，请及时联系单位补充。
      </Text>
      {!edit && !fund && (
        <Button className='btn btn--primary btn--block' id='sponsor-new' onClick={() => setEdit({ name: '', contact: '', warnBelow: '500', priority: '', active: true })}>
          ＋ 添加共建单位
        </Button>
      )}

      {edit && (
        <View className='card' id='sponsor-form'>
          <Text className='card-title'>{edit.sponsorId ? '修改共建单位' : '添加共建单位'}</Text>
          <Field label='单位名称' id='sponsor-name' value={edit.name} maxlength={40} onChange={(name) => setEdit({ ...edit, name })} />
          <Field label='联系人（选填）' id='sponsor-contact' value={edit.contact} maxlength={40} onChange={(contact) => setEdit({ ...edit, contact })} />
          <Field label='预警线（剩余积分低于此数标红）' id='sponsor-warn' type='number' value={edit.warnBelow} onChange={(warnBelow) => setEdit({ ...edit, warnBelow })} />
          <Field label='支付顺序（数小的先付，选填）' id='sponsor-priority' type='number' value={edit.priority} onChange={(priority) => setEdit({ ...edit, priority })} />
          <Toggle label='启用' checked={edit.active} onChange={(active) => setEdit({ ...edit, active })} />
          {problem && <Text className='sheet__error'>{problem}</Text>}
          <View className='btn-row' style={{ marginTop: '16px' }}>
            <Button className='btn' onClick={() => (setEdit(null), setProblem(null))}>
              取消
            </Button>
            <Button className='btn btn--primary' id='sponsor-save' loading={busy} disabled={busy} onClick={saveSponsor}>
              保存
            </Button>
          </View>
        </View>
      )}

      {fund && (
        <View className='card' id='fund-form'>
          <Text className='card-title'>给「{fund.sponsor.name}」注入积分</Text>
          <Text className='muted'>现在剩余 {fund.sponsor.budget} 积分</Text>
          <Field label='注入多少积分' id='fund-amount' type='number' value={fund.amount} onChange={(amount) => setFund({ ...fund, amount })} />
          <Field label='说明' id='fund-note' value={fund.note} maxlength={100} placeholder='如：2026 年度爱心积分' onChange={(note) => setFund({ ...fund, note })} />
          {problem && <Text className='sheet__error'>{problem}</Text>}
          <View className='btn-row' style={{ marginTop: '16px' }}>
            <Button className='btn' onClick={() => (setFund(null), setProblem(null))}>
              取消
            </Button>
            <Button className='btn btn--primary' id='fund-submit' loading={busy} disabled={busy} onClick={saveFund}>
              确认注入
            </Button>
          </View>
        </View>
      )}

      <View className='section-title'>共建单位</View>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty text='还没有共建单位。先添加一个，再为它注入积分预算。' />
      ) : (
        list.data.map((s) => (
          <View key={s.id} className='card sponsor-card' data-id={s.id}>
            <View className='order-row__top'>
              <Text className='card-title'>{s.name}</Text>
              {!s.active && <Text className='chip chip--cancelled'>已停用</Text>}
            </View>
            <Text className={`sponsor-card__budget ${s.low ? 'pts-warn pts-warn--red' : 'muted'}`} style={{ display: 'block' }}>
              {s.low ? `⚠ 预算快用完了：只剩 ${s.budget} 积分（预警线 ${s.warnBelow}）` : `剩余预算 ${s.budget} 积分`}
            </Text>
            <View className='table-row'>
              <Text>已发出</Text>
              <Text>{s.issued}</Text>
            </View>
            <View className='table-row'>
              <Text>已兑换</Text>
              <Text>{s.redeemed}</Text>
            </View>
            {s.contact && <Text className='note'>联系人：{s.contact}</Text>}
            <View className='btn-row' style={{ marginTop: '16px' }}>
              <Button
                className='btn btn--small sponsor-edit'
                onClick={() => {
                  setProblem(null)
                  setFund(null)
                  setEdit({ sponsorId: s.id, name: s.name, contact: s.contact ?? '', warnBelow: String(s.warnBelow), priority: String(s.priority), active: s.active })
                }}
              >
                修改
              </Button>
              <Button
                className='btn btn--small btn--primary sponsor-fund'
                onClick={() => {
                  setProblem(null)
                  setEdit(null)
                  setFund({ sponsor: s, amount: '', note: '', key: newRequestKey() })
                }}
              >
                注入积分
              </Button>
            </View>
          </View>
        ))
      )}
    </PageShell>
  )
}
