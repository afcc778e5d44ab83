/** The big 8-digit pickup code of a reserved order (spaced to read aloud) and its QR code. */
import { View, Text, Image } from '@tarojs/components'
import { Loading } from '../../../components/Loading'
import { useQuery } from '../../../hooks/useQuery'
import { call } from '../../../services/api'
import { spacedCode } from '../shared'

export function PickupCode({ communityId, orderId, code }: { communityId: string; orderId: string; code: string }) {
  const qr = useQuery(`${communityId}|${orderId}|${code}`, () => call('mall.pickupQr', { communityId, orderId }))
  return (
    <View className='card code-box'>
      <Text className='code-box__label'>取货码（给工作人员看或念给他听）</Text>
      <Text className='code-box__code' id='pickup-code' data-code={code}>
        {spacedCode(code)}
      </Text>
      {qr.data ? (
        <View className='code-box__qr-wrap'>
          <Image className='code-box__qr' id='pickup-qr' src={qr.data.dataUrl} mode='scaleToFill' />
        </View>
      ) : qr.error ? (
        <Text className='note'>二维码没有加载出来，报取货码也一样能取</Text>
      ) : (
        <Loading text='正在生成二维码…' />
      )}
    </View>
  )
}
