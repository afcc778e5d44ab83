/**
 * QR codes as PNG data URLs (mall pickup codes, activity check-in codes). The `qrcode` library is loaded on
 * the first call, not when the function starts: two actions use it, and its ~60 KB would otherwise be
 * initialised on every cold start (the bundle keeps it; `import()` becomes a lazy require there).
 */
import type { QRCodeToDataURLOptions } from 'qrcode'

export async function qrDataUrl(text: string, opts: QRCodeToDataURLOptions): Promise<string> {
  const { toDataURL } = await import('qrcode')
  return toDataURL(text, opts)
}
