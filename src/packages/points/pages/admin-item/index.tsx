/**
 * 上架 / 编辑商品 (secretary): name, kind, description, price, stock change (+ to add, − to remove:
 * never an overwrite, so sales made meanwhile stay counted), per-person limit, pickup place, hours
 * and days, the sponsor who gives it, and on/off shelf.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ItemView } from '@contract/points'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { ITEM_KINDS, ITEM_KIND_TEXT, isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { Choice, Field, Toggle, intOrNull } from '../../components/Field'
import '../../points.scss'

type Kind = (typeof ITEM_KINDS)[number]

interface Form {
  name: string
  kind: Kind
  description: string
  price: string
  stockDelta: string
  limit: string
  pickupPlace: string
  pickupHours: string
  pickupDays: string
  sponsorId: string | null
  active: boolean
}

const EMPTY: Form = {
  name: '',
  kind: 'goods',
  description: '',
  price: '',
  stockDelta: '',
  limit: '',
  pickupPlace: '',
  pickupHours: '周一至周五 9:00-17:00',
  pickupDays: '7',
  sponsorId: null,
  active: true,
}

function fromItem(it: ItemView, sponsorId: string | null): Form {
  return {
    name: it.name,
    kind: it.kind,
    description: it.description,
    price: String(it.price),
    stockDelta: '',
    limit: it.perPersonLimit === null ? '' : String(it.perPersonLimit),
    pickupPlace: it.pickupPlace,
    pickupHours: it.pickupHours,
    pickupDays: String(it.pickupDays),
    sponsorId,
    active: it.active,
  }
}

export default function AdminItem() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const { params } = useRouter()
  const itemId = params.itemId ? decodeURIComponent(params.itemId) : null
  const key = me && communityId && allowed ? `${me.userId}|${communityId}|${itemId ?? 'new'}` : null
  const item = useQuery(key && itemId ? key : null, () => call('mall.item', { communityId: communityId!, itemId: itemId! }))
  const sponsors = useQuery(key, () => call('points.sponsors', { communityId: communityId! }))
  const [form, setForm] = useState<Form | null>(itemId ? null : EMPTY)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    // a failed sponsor list must not leave the form loading for ever (it shows its own retry)
    if (item.data && (sponsors.data || sponsors.error) && !form) {
      const s = sponsors.data?.find((x) => x.name === item.data!.sponsorName)
      setForm(fromItem(item.data, s?.id ?? null))
    }
  }, [item.data, sponsors.data, sponsors.error, form])

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  if (item.error) return <PageShell><ErrorState error={item.error} onRetry={item.reload} /></PageShell>
  if (!form) return <PageShell><Loading /></PageShell>
  const f = form
  const set = (patch: Partial<Form>) => setForm({ ...f, ...patch })

  async function save() {
    const price = intOrNull(f.price)
    const delta = intOrNull(f.stockDelta) ?? 0
    const limit = intOrNull(f.limit)
    const days = intOrNull(f.pickupDays)
    const bad = !f.name.trim()
      ? '请填写商品名称'
      : price === null || Number.isNaN(price) || price < 1
        ? '积分价格要填大于 0 的整数'
        : Number.isNaN(delta)
          ? '库存变化要填整数（减少填负数）'
          : !itemId && delta < 1
            ? '新商品请填入库数量'
            : limit !== null && (Number.isNaN(limit) || limit < 1)
              ? '每人限兑要填大于 0 的整数，不限就空着'
              : !f.pickupPlace.trim() || !f.pickupHours.trim()
                ? '请填写取货地点和时间'
                : days === null || Number.isNaN(days) || days < 1 || days > 60
                  ? '取货期限要填 1 到 60 天'
                  : null
    setProblem(bad)
    if (bad) return
    setBusy(true)
    try {
      const saved = await call('mall.upsertItem', {
        communityId: communityId!,
        ...(itemId ? { itemId } : {}),
        name: f.name.trim(),
        kind: f.kind,
        description: f.description.trim(),
        photos: item.data?.photos ?? [],
        price: price!,
        stockDelta: delta,
        perPersonLimit: limit,
        pickupPlace: f.pickupPlace.trim(),
        pickupHours: f.pickupHours.trim(),
        pickupDays: days!,
        sponsorId: f.sponsorId,
        active: f.active,
      })
      Taro.showToast({ title: itemId ? '已保存' : '已上架', icon: 'success' })
      item.setData(saved)
      setForm(fromItem(saved, f.sponsorId))
      if (!itemId) setTimeout(() => Taro.navigateBack(), 800)
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Field label='商品名称' id='item-name' value={f.name} maxlength={30} placeholder='如：洗衣液 2 公斤装' onChange={(name) => set({ name })} />
        <Choice label='类别' value={f.kind} options={ITEM_KINDS.map((k) => ({ value: k, text: ITEM_KIND_TEXT[k] }))} onChange={(kind) => set({ kind })} />
        <View className='form-row'>
          <Text className='form-label'>介绍（选填）</Text>
          <Textarea className='form-textarea' value={f.description} maxlength={500} placeholder='规格、用途、注意事项' onInput={(e) => set({ description: e.detail.value })} />
        </View>
        <Field label='积分价格（每件）' id='item-price' type='number' value={f.price} onChange={(price) => set({ price })} />
        <Field
          label={itemId ? `库存变化（现有 ${item.data?.stock ?? 0} 件）` : '入库数量'}
          id='item-stock'
          type='text'
          value={f.stockDelta}
          placeholder={itemId ? '补货填 10，减少填 -3，不变空着' : '如：20'}
          onChange={(stockDelta) => set({ stockDelta })}
        />
        <Field label='每人限兑（件）' id='item-limit' type='number' value={f.limit} placeholder='不限就空着' onChange={(limit) => set({ limit })} />
        <Field label='取货地点' id='item-place' value={f.pickupPlace} placeholder='如：党群服务中心一楼' onChange={(pickupPlace) => set({ pickupPlace })} />
        <Field label='取货时间' id='item-hours' value={f.pickupHours} onChange={(pickupHours) => set({ pickupHours })} />
        <Field label='取货期限（天）' id='item-days' type='number' value={f.pickupDays} hint='过期没取，积分自动退回' onChange={(pickupDays) => set({ pickupDays })} />
        <View className='form-row'>
          <Text className='form-label'>提供单位（共建单位）</Text>
          {sponsors.error ? (
            <ErrorState error={sponsors.error} onRetry={sponsors.reload} />
          ) : (
            <View className='seg'>
              <View className={`seg__opt${f.sponsorId === null ? ' seg__opt--on' : ''}`} onClick={() => set({ sponsorId: null })}>
                社区自备
              </View>
              {(sponsors.data ?? []).map((s) => (
                <View key={s.id} className={`seg__opt${f.sponsorId === s.id ? ' seg__opt--on' : ''}`} onClick={() => set({ sponsorId: s.id })}>
                  {s.name}
                </View>
              ))}
            </View>
          )}
        </View>
        <Toggle label='在架上' note='关掉就是下架，居民看不到' checked={f.active} onChange={(active) => set({ active })} />
      </View>
      {problem && <Text className='sheet__error' id='item-problem'>{problem}</Text>}
      <Button className='btn btn--primary btn--block' id='item-save' loading={busy} disabled={busy} onClick={save}>
        {itemId ? '保存' : '上架'}
      </Button>
    </PageShell>
  )
}
