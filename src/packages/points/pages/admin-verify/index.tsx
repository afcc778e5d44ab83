/**
 * 核销取货 (secretary, at the counter): scan the resident's QR (weapp) or type the 8-digit code in the
 * big box, then 核销. Success says, big and green, what to hand over (item × quantity) and to whom
 * (masked name); a refusal is big and red in the server's words (already used, cancelled, expired...).
 */
import { useState } from 'react'
import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrderView } from '@contract/points'
import { Guard } from '../../../../components/Guard'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { invalid, useSecretaryPoints } from '../../shared'
import '../../points.scss'

/** A scanned QR holds the code itself; be lenient about spaces or a longer payload ending in it. */
function codeFrom(text: string): string | null {
  const m = /(\d{8})$/.exec(text.replace(/\s+/g, ''))
  return m ? m[1] : null
}

function Handed({ order }: { order: OrderView }) {
  return (
    <View className='verify-ok' id='verify-result'>
      <Text className='verify-ok__title'>✓ 核销成功，请交给居民</Text>
      <Text className='verify-ok__what'>
        {order.itemName} × {order.quantity}
      </Text>
      {order.userName && <Text className='verify-ok__who'>兑换人：{order.userName}</Text>}
      <Text className='verify-ok__who'>{order.points} 积分</Text>
    </View>
  )
}

export default function Verify() {
  const { communityId, guard } = useSecretaryPoints()
  const [code, setCode] = useState('')
  const [done, setDone] = useState<OrderView | null>(null)
  // raw null: a scanned QR that holds no pickup code
  const verify = useAction(
    async (raw: string | null) => {
      setDone(null)
      if (raw === null) throw invalid('这不是取货码，请让居民打开“我的兑换”里的取货码')
      const c = raw.replace(/\s+/g, '')
      if (!/^\d{8}$/.test(c)) throw invalid('取货码是 8 位数字，请再核对一下')
      return call('mall.verify', { communityId: communityId!, code: c })
    },
    {
      showError: 'keep',
      onSuccess: (order) => {
        setDone(order)
        setCode('')
      },
    },
  )

  async function scan() {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null) // null: the scan was cancelled
    if (!res) return
    const c = codeFrom(res.result ?? '')
    if (c) setCode(c)
    verify.run(c)
  }

  return (
    <Guard {...guard} className='verify'>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn--primary btn--block' id='verify-scan' onClick={scan} disabled={verify.busy}>
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
          onConfirm={(e) => verify.run(e.detail.value)}
        />
        <Button
          className='btn btn--primary btn--block'
          id='verify-submit'
          loading={verify.busy}
          disabled={verify.busy || code.length !== 8}
          onClick={() => verify.run(code)}
        >
          核销
        </Button>
      </View>

      {done && <Handed order={done} />}
      {verify.error && (
        <View className='verify-bad' id='verify-error'>
          <Text>✗ {verify.error.message}</Text>
        </View>
      )}

      <Button className='btn btn--block' onClick={() => go('points.adminOrders', { communityId: communityId! })}>
        查看兑换订单
      </Button>
    </Guard>
  )
}
