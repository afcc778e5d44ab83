/**
 * H5 local mode: upload an image to the local host's storage (POST /storage/upload?path=…) as the
 * current dev identity — the same `x-wx-openid` header `call()` sends to /fn/api. The host answers
 * 401 without a known identity, 413 over 2 MB, 415 for anything but JPEG/PNG/WebP bytes, 429 past the
 * per-person write limit; its Chinese message comes back as the error. (weapp uploads go to WeChat
 * Cloud storage with Taro.cloud.uploadFile, where WeChat supplies the identity.)
 */
import { devOpenid } from './devIdentity'

export const UPLOAD_FAILED = '照片没传上去，请再试一次'

/** An upload the host refused (message to show as is) or that never arrived. */
export class UploadError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'UploadError'
    this.status = status
    // Keep instanceof working after transpiling to ES5 classes.
    Object.setPrototypeOf(this, UploadError.prototype)
  }
}

export interface Uploaded {
  fileID: string
  /** Where the stored image is served (its extension is the type the host detected). */
  url: string
}

export async function uploadToLocalStorage(cloudPath: string, body: Blob): Promise<Uploaded> {
  const openid = await devOpenid()
  let res: Response
  try {
    res = await fetch(`/storage/upload?path=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': body.type || 'application/octet-stream', 'x-wx-openid': openid },
      body,
    })
  } catch {
    throw new UploadError(0, UPLOAD_FAILED)
  }
  let answer: unknown = null
  try {
    answer = await res.json()
  } catch {
    // not JSON: handled below
  }
  if (res.ok && answer && typeof (answer as Uploaded).url === 'string') return answer as Uploaded
  const message = (answer as { error?: { message?: unknown } } | null)?.error?.message
  throw new UploadError(res.status, typeof message === 'string' && message ? message : UPLOAD_FAILED)
}
