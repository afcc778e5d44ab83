/**
 * Saving what the server sends as base64: a QR image to the photo album (weapp) or a download (H5),
 * and an .xlsx report opened with WeChat's document viewer (weapp, 可转发) or downloaded (H5).
 * Used by subpackages only (报到码, 双报告, 居民说事点): Taro's optimizeMainPackage keeps it out of the main package.
 */
import Taro from '@tarojs/taro'

declare const wx: { env: { USER_DATA_PATH: string } }

function writeBase64(name: string, base64: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${name}`
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(filePath), fail: reject })
  })
}

function downloadH5(name: string, base64: string, mime: string) {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** data:image/png;base64,… → the photo album (weapp) or a download (H5). */
export async function saveImage(name: string, dataUrl: string): Promise<void> {
  const base64 = dataUrl.replace(/^data:[^,]+,/, '')
  if (process.env.TARO_ENV !== 'weapp') {
    downloadH5(name, base64, 'image/png')
    return
  }
  const filePath = await writeBase64(name, base64)
  await Taro.saveImageToPhotosAlbum({ filePath })
}

export async function openXlsx(file: { name: string; base64: string }): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    downloadH5(file.name, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return
  }
  const filePath = await writeBase64(file.name, file.base64)
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
