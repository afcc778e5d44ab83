/**
 * A booking code's QR, drawn as a grid of squares from the QR matrix (qrcode's pure core: no canvas, no
 * server round trip; only this subpackage carries it). Staff may scan it or type the 8 digits.
 */
import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { pxTransform } from '@tarojs/taro'
// The pure encoder only (the package's main entry pulls in canvas and PNG renderers).
const core = require('qrcode/lib/core/qrcode') as {
  create: (text: string, opts: { errorCorrectionLevel: string }) => { modules: { size: number; data: Uint8Array } }
}

export function CodeQr({ text }: { text: string }) {
  const rows = useMemo(() => {
    const { size, data } = core.create(text, { errorCorrectionLevel: 'M' }).modules
    return Array.from({ length: size }, (_, r) => Array.from(data.slice(r * size, (r + 1) * size), (v) => v === 1))
  }, [text])
  // Whole design pixels per module (the QR stays sharp), about 340 wide.
  const cell = pxTransform(Math.floor(340 / rows.length))
  return (
    <View className='services__qr' id='booking-qr' data-size={rows.length}>
      {rows.map((row, r) => (
        <View className='services__qr-row' key={r}>
          {row.map((on, c) => (
            <View key={c} className={on ? 'services__qr-cell services__qr-cell--on' : 'services__qr-cell'} style={{ width: cell, height: cell }} />
          ))}
        </View>
      ))}
    </View>
  )
}
