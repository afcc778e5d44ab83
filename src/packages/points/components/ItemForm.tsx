/**
 * The form of 上架 / 编辑商品 (secretary) as text the person types, and its check: what is wrong in
 * the person's words, else the fields for mall.upsertItem.
 */
import type { ItemView } from '@contract/points'
import type { ITEM_KINDS } from '@contract/vocabulary'
import { intOrNull } from '../../../components/Field'
import { invalid } from '../shared'

export interface ItemForm {
  name: string
  kind: (typeof ITEM_KINDS)[number]
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

export const EMPTY_ITEM: ItemForm = {
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

export function formOf(it: ItemView, sponsorId: string | null): ItemForm {
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

/** The fields to save (without communityId, itemId and photos); throws the first problem, said plainly. */
export function checkItem(f: ItemForm, isNew: boolean) {
  const price = intOrNull(f.price)
  const delta = intOrNull(f.stockDelta) ?? 0
  const limit = intOrNull(f.limit)
  const days = intOrNull(f.pickupDays)
  if (!f.name.trim()) throw invalid('请填写商品名称')
  if (price === null || Number.isNaN(price) || price < 1) throw invalid('积分价格要填大于 0 的整数')
  if (Number.isNaN(delta)) throw invalid('库存变化要填整数（减少填负数）')
  if (isNew && delta < 1) throw invalid('新商品请填入库数量')
  if (limit !== null && (Number.isNaN(limit) || limit < 1)) throw invalid('每人限兑要填大于 0 的整数，不限就空着')
  if (!f.pickupPlace.trim() || !f.pickupHours.trim()) throw invalid('请填写取货地点和时间')
  if (days === null || Number.isNaN(days) || days < 1 || days > 60) throw invalid('取货期限要填 1 到 60 天')
  return {
    name: f.name.trim(),
    kind: f.kind,
    description: f.description.trim(),
    price,
    stockDelta: delta,
    perPersonLimit: limit,
    pickupPlace: f.pickupPlace.trim(),
    pickupHours: f.pickupHours.trim(),
    pickupDays: days,
    sponsorId: f.sponsorId,
    active: f.active,
  }
}
