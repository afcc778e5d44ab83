/**
 * mall.pickupQr — the owner's pickup code as a QR image (PNG data URL) for the counter to scan.
 * Outcomes: { code, dataUrl }; NOT_FOUND for an unknown order or someone else's; CONFLICT (STATE_CHANGED)
 * once it is closed.
 */
import { PickupQrInput, type MallOrder } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { qrDataUrl } from '../../platform/qrPng'
import { M } from './repo'
import { canClose, isOwner, verifyRefusal } from './rules'

async function pickupQr(ctx: UserCtx, input: ActionInput<'mall.pickupQr'>) {
  const o = await getById<MallOrder>(ctx.db, M.orders, input.orderId)
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound('订单')
  if (!canClose(o)) throw conflict(verifyRefusal(o) ?? '订单已结束', 'STATE_CHANGED')
  const dataUrl = qrDataUrl(o.pickupCode, { errorCorrectionLevel: 'M', margin: 2, width: 360 })
  return { code: o.pickupCode, dataUrl }
}

export default defineAction({ name: 'mall.pickupQr', input: PickupQrInput, access: member, writes: false, handler: pickupQr })
