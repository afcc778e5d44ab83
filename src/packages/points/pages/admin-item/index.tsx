/**
 * 上架 / 编辑商品 (secretary): name, kind, description, price, stock change (+ to add, − to remove:
 * never an overwrite, so sales made meanwhile stay counted), per-person limit, pickup place, hours
 * and days, the sponsor who gives it, and on/off shelf.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ITEM_KINDS, ITEM_KIND_LABELS } from '@contract/vocabulary'
import { Guard } from '../../../../components/Guard'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { Area, Choice, Chip, Field, Toggle } from '../../../../components/Field'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { useSecretaryPoints } from '../../shared'
import { EMPTY_ITEM, checkItem, formOf, type ItemForm } from '../../components/ItemForm'
import '../../points.scss'

const KINDS = ITEM_KINDS.map((k) => ({ value: k, text: ITEM_KIND_LABELS[k] }))

export default function AdminItem() {
  const { communityId, key: base, guard } = useSecretaryPoints({ picker: false })
  const { params } = useRouter()
  const itemId = params.itemId ? decodeURIComponent(params.itemId) : null
  const key = base ? `${base}|${itemId ?? 'new'}` : null
  const item = useQuery(key && itemId ? key : null, () => call('mall.item', { communityId: communityId!, itemId: itemId! }))
  const sponsors = useQuery(key, () => call('points.sponsors', { communityId: communityId! }))
  const [form, setForm] = useState<ItemForm | null>(itemId ? null : EMPTY_ITEM)
  const save = useAction(
    async (f: ItemForm) =>
      call('mall.upsertItem', { communityId: communityId!, ...(itemId ? { itemId } : {}), photos: item.data?.photos ?? [], ...checkItem(f, !itemId) }),
    {
      showError: 'keep',
      success: itemId ? '已保存' : '已上架',
      onSuccess: (saved, f) => {
        item.setData(saved)
        setForm(formOf(saved, f.sponsorId))
        if (!itemId) setTimeout(() => Taro.navigateBack(), 800)
      },
    },
  )

  useEffect(() => {
    // a failed sponsor list must not leave the form loading for ever (it shows its own retry)
    if (item.data && (sponsors.data || sponsors.error) && !form) {
      const s = sponsors.data?.find((x) => x.name === item.data!.sponsorName)
      setForm(formOf(item.data, s?.id ?? null))
    }
  }, [item.data, sponsors.data, sponsors.error, form])

  if (item.error || !form) {
    return <Guard {...guard}>{item.error ? <ErrorState error={item.error} onRetry={item.reload} /> : <Loading />}</Guard>
  }
  const f = form
  const set = (patch: Partial<ItemForm>) => setForm({ ...f, ...patch })

  return (
    <Guard {...guard}>
      <View className='card'>
        <Field label='商品名称' id='item-name' value={f.name} maxlength={30} placeholder='如：洗衣液 2 公斤装' onChange={(name) => set({ name })} />
        <Choice label='类别' value={f.kind} options={KINDS} onChange={(kind) => set({ kind })} />
        <Area label='介绍（选填）' value={f.description} maxlength={500} placeholder='规格、用途、注意事项' onChange={(description) => set({ description })} />
        <Field label='积分价格（每件）' id='item-price' type='number' value={f.price} onChange={(price) => set({ price })} />
        <Field
          label={itemId ? `库存变化（现有 ${item.data?.stock ?? 0} 件）` : '入库数量'}
          id='item-stock'
          value={f.stockDelta}
          placeholder={itemId ? '补货填 10，减少填 -3，不变空着' : '如：20'}
          onChange={(stockDelta) => set({ stockDelta })}
        />
        <Field label='每人限兑（件）' id='item-limit' type='number' value={f.limit} placeholder='不限就空着' onChange={(limit) => set({ limit })} />
        <Field label='取货地点' id='item-place' value={f.pickupPlace} placeholder='如：党群服务中心一楼' onChange={(pickupPlace) => set({ pickupPlace })} />
        <Field label='取货时间' id='item-hours' value={f.pickupHours} onChange={(pickupHours) => set({ pickupHours })} />
        <Field
          label='取货期限（天）'
          id='item-days'
          type='number'
          value={f.pickupDays}
          hint='过期没取，积分自动退回'
          onChange={(pickupDays) => set({ pickupDays })}
        />
        <View className='form-row'>
          <Text className='form-label'>提供单位（共建单位）</Text>
          {sponsors.error ? (
            <ErrorState error={sponsors.error} onRetry={sponsors.reload} />
          ) : (
            <View className='seg'>
              <Chip on={f.sponsorId === null} onClick={() => set({ sponsorId: null })}>
                社区自备
              </Chip>
              {(sponsors.data ?? []).map((s) => (
                <Chip key={s.id} on={f.sponsorId === s.id} onClick={() => set({ sponsorId: s.id })}>
                  {s.name}
                </Chip>
              ))}
            </View>
          )}
        </View>
        <Toggle label='在架上' note='关掉就是下架，居民看不到' checked={f.active} onChange={(active) => set({ active })} />
      </View>
      {save.error && (
        <Text className='sheet__error' id='item-problem'>
          {save.error.message}
        </Text>
      )}
      <Button className='btn btn--primary btn--block' id='item-save' loading={save.busy} disabled={save.busy} onClick={() => save.run(f)}>
        {itemId ? '保存' : '上架'}
      </Button>
    </Guard>
  )
}
