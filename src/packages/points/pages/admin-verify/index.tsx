/**
 * 核销取货 (secretary, at the counter): scan the resident's QR (weapp) or type the 8-digit code in the
 * big box, then 核销. Success says, big and green, what to hand over (item × quantity) and to whom
 * (masked name); a refusal is big and red in the server's words (already used, cancelled, expired...).
 */
import { useState } from 'react'
import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrderView } from '@contract/points'
import { useSession } from '../../../../hooks/useSession'
import { PageShell } from '../../../../components/PageShell'
import { call, toApiError, type ApiCallError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import '../../points.scss'

/** A scanned QR holds the code itself; be lenient about spaces or a longer payload ending in it. */
function codeFrom(text: string): string | null {
  const digits = text.replace(/\s+/g, '')
  const m = /(\d{8})$/.exec(digits)
  return m ? m[1] : null
}

export default function Verify() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<OrderView | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)

  const blocked = guard(session, communityId, { secretary: true, allowed: isSecretaryOf(me, communityId) })
  if (blocked) return blocked

  async function verify(raw: string) {
    const c = raw.replace(/\s+/g, '')
    setDone(null)
    setError(null)
    if (!/^\d{8}$/.test(c)) {
      setError({ code: 'INVALID_INPUT', message: '取货码是 8 位数字，请再核对一下' } as ApiCallError)
      return
    }
    setBusy(true)
    try {
      const order = await call('mall.verify', { communityId: communityId!, code: c })
      setDone(order)
      setCode('')
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const c = codeFrom(res.result ?? '')
      if (!c) {
        setDone(null)
        setError({ code: 'INVALID_INPUT', message: '这不是取货码，请让居民打开“我的兑换”里的取货码' } as ApiCallError)
        return
      }
      setCode(c)
      verify(c)
    } catch {
      /* cancelled the scan */
    }
  }

  return (
    <PageShell className='verify'>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn--primary btn--block' id='verify-scan' onClick={scan} disabled={busy}>
          扫码核销
        </Button>
      )}
      <View className='card' style={{ marginTop: '16px' }}>
        <Text className='card-title'>输入取货码</Text>
        <Input
          className='verify-input'
          id='verify-input'
          type='number'
          maxlength={8}
          value={code}
          placeholder='8 位数字'
          onInput={(e) => setCode(e.detail.value.replace(/\D/g, '').slice(0, 8))}
          onConfirm={(e) => verify(e.detail.value)}
        />
        <Button className='btn btn--primary btn--block' id='verify-submit' loading={busy} disabled={busy || code.length !== 8} onClick={() => verify(code)}>
          核销
        </Button>
      </View>

      {done && (
        <View className='verify-ok' id='verify-result'>
          <Text className='verify-ok__title'>✓ 核销成功，请交给居民</Text>
          <Text className='verify-ok__what'>
            {done.itemName} × {done.quantity}
          </Text>
          {done.userName && <Text className='verify-ok__who'>兑换人：{done.userName}</Text>}
          <Text className='verify-ok__who'>{done.points} 积分</Text>
        </View>
      )}
      {error && (
        <View className='verify-bad' id='verify-error'>
          <Text>✗ {error.message}</Text>
        </View>
      )}

      <Button className='btn btn--block' onClick={() => go('points.adminOrders', { communityId: communityId! })}>
        查看兑换订单
      </Button>
    </PageShell>
  )
}
