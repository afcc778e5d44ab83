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
