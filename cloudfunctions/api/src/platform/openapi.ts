/**
 * What touches WeChat's open platform: content checks, mini-program codes, subscribe messages and
 * phone numbers. These are the real `cloud.openapi` calls; locally the local cloud answers them at the
 * SDK's own seam (word list, real PNG QR codes, an outbox collection), so this code is the same in both.
 */
import * as cloud from 'wx-server-sdk'
import { AppError } from './errors'

export type ContentVerdict = 'pass' | 'review' | 'risky'

/** What subscribeMessage.send answered: delivered, or WeChat's errcode and errmsg (43101, 47003, 40003, …). */
export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string }

export interface OpenApi {
  /** msgSecCheck v2; scene 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  checkText(openid: string, content: string, scene?: 1 | 2 | 3 | 4): Promise<ContentVerdict>
  /** wxacode.getUnlimited: a PNG mini-program code for a scene token opening `page`. */
  qrCode(scene: string, page: string): Promise<Buffer>
  /**
   * subscribeMessage.send (one-time template). Failures are answered, never thrown: a reminder must not undo
   * an action. The caller records them (modules/messages/send.ts), so nothing is swallowed.
   */
  notify(msg: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<SendResult>
  /** phonenumber.getPhoneNumber: exchange a single-use code for the number. */
  phoneNumber(code: string): Promise<string>
  /**
   * security.mediaCheckAsync for images (media_type 2, version 2): asks WeChat to check each photo and push the
   * verdict later (mediaChecks.ts). Answers the traceId of each photo it could submit; a photo it could not (no
   * temp link, a refusal, an outage) is logged and left out — a report is never held back by its photos.
   */
  checkImagesLater(openid: string, photos: string[], scene?: 1 | 2 | 3 | 4): Promise<{ photo: string; traceId: string }[]>
}

export const wechatOpenApi: OpenApi = {
  async checkText(openid, content, scene = 2) {
    const res = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content })
    const suggest = res?.result?.suggest
    if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
    throw new AppError('INTERNAL', '内容安全检查暂时不可用，请稍后再试')
  },
  async qrCode(scene, page) {
    const res = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })
    const buf = res?.buffer
    if (!buf) throw new AppError('INTERNAL', '小程序码生成失败，请稍后再试')
    return Buffer.isBuffer(buf) ? buf : Buffer.from(buf)
  },
  async notify(msg) {
    try {
      await cloud.openapi.subscribeMessage.send({ ...msg, miniprogramState: 'formal', lang: 'zh_CN' })
      return { ok: true }
    } catch (err) {
      // 43101: no unused consent; 47003: a value its field type does not allow; … Not an error of the action.
      const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown }
      const errcode = typeof e?.errCode === 'number' ? e.errCode : -1
      const errmsg = String(e?.errMsg ?? e?.message ?? err).slice(0, 300)
      return { ok: false, errcode, errmsg }
    }
  },
  async checkImagesLater(openid, photos, scene = 2) {
    // media_url must be an http(s) URL WeChat can download: a cloud fileID is refused ("不可以 需要http或者https",
    // developers.weixin.qq.com/community/develop/doc/0002261cdc093088752eec50751000), so fileIDs get a temp link first.
    const fileIDs = photos.filter((p) => p.startsWith('cloud://'))
    const urls = new Map<string, string>()
    for (const p of photos) if (/^https?:\/\//.test(p)) urls.set(p, p)
    if (fileIDs.length) {
      try {
        const res = (await cloud.getTempFileURL({ fileList: fileIDs })) as { fileList?: { fileID: string; status: number; tempFileURL: string }[] }
        for (const f of res?.fileList ?? []) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
      } catch (err) {
        console.warn('image check: no temp links', { err })
      }
    }
    const out: { photo: string; traceId: string }[] = []
    for (const photo of photos) {
      const mediaUrl = urls.get(photo)
      if (!mediaUrl) {
        console.warn('image check: not submitted (no downloadable link)', { photo })
        continue
      }
      try {
        const res = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid })) as {
          traceId?: string
          trace_id?: string
        }
        // Through the cloud call the answer is camelCase (`traceId`); over HTTPS it is `trace_id`
        // ("https调用和云调用返回的不一样", developers.weixin.qq.com/community/minihome/doc/00080e137e4718b46b527d0806d000).
        const traceId = res?.traceId ?? res?.trace_id
        if (typeof traceId === 'string' && traceId) out.push({ photo, traceId })
        else console.warn('image check: no traceId', { photo })
      } catch (err) {
        const e = err as { errCode?: unknown; errMsg?: unknown }
        console.warn('image check: refused', { photo, errCode: e?.errCode, errMsg: e?.errMsg })
      }
    }
    return out
  },
  async phoneNumber(code) {
    try {
      const res = await cloud.openapi.phonenumber.getPhoneNumber({ code })
      const phone = res?.phoneInfo?.purePhoneNumber ?? res?.phone_info?.purePhoneNumber
      if (!phone) throw new Error('no phone')
      return String(phone)
    } catch {
      throw new AppError('INVALID_INPUT', '手机号授权已失效，请重新点击获取')
    }
  },
}
