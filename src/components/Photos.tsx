/**
 * Photos, for every area (wishes, topics, milestones): pick and upload (weapp: chooseMedia, compressed, into
 * cloud storage → fileID; H5 local mode: chooseImage, POST the bytes to /storage/upload as the dev identity →
 * the url), a row of thumbnails that open full screen. Styles: src/styles/parts.scss .photos*.
 *
 *   <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='topics' />
 *   <PhotoRow photos={m.photos} />
 */
import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiCallError } from '../services/api'
import { useAction } from '../hooks/useAction'
import { UPLOAD_FAILED, UploadError, uploadToLocalStorage } from '../services/upload'

/** A fresh storage path in the area's folder ('wishes', 'topics'). */
const randomName = (folder: string) => `${folder}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.jpg`

async function uploadOne(filePath: string, folder: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const up = await Taro.cloud.uploadFile({ cloudPath: randomName(folder), filePath })
    return up.fileID
  }
  let blob: Blob
  try {
    blob = await (await fetch(filePath)).blob()
  } catch {
    throw new UploadError(0, UPLOAD_FAILED)
  }
  return (await uploadToLocalStorage(randomName(folder), blob)).url
}

/** A failed upload, in its own words (the host's refusal) or UPLOAD_FAILED, for useAction to show. */
const uploadFailed = (e: unknown): never => {
  throw new ApiCallError('INTERNAL', e instanceof UploadError ? e.message : UPLOAD_FAILED)
}

/** Upload the picked files one by one, with 正在上传照片 on screen meanwhile. */
async function uploadAll(paths: string[], folder: string): Promise<string[]> {
  Taro.showLoading({ title: '正在上传照片' })
  const ids: string[] = []
  try {
    for (const p of paths) ids.push(await uploadOne(p, folder).catch(uploadFailed))
    return ids
  } finally {
    Taro.hideLoading()
  }
}

async function pick(count: number): Promise<string[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const r = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return r.tempFiles.map((f) => f.tempFilePath)
  }
  const r = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return r.tempFilePaths
}

export function PhotoRow({ photos, onRemove }: { photos: string[]; onRemove?: (i: number) => void }) {
  if (!photos.length) return null
  return (
    <View className='photos'>
      {photos.map((p, i) => (
        <View key={p} className='photos__cell'>
          <Image className='photos__img' src={p} mode='aspectFill' onClick={() => Taro.previewImage({ urls: photos, current: p })} />
          {onRemove && (
            <Text className='photos__remove' onClick={() => onRemove(i)}>
              ×
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}

/** Thumbnails of the chosen photos and an 添加照片 tile (up to `max`). */
export function PhotoPicker({
  value,
  onChange,
  max = 6,
  folder = 'wishes',
}: {
  value: string[]
  onChange: (v: string[]) => void
  max?: number
  folder?: string
}) {
  const upload = useAction(uploadAll, { onSuccess: (ids) => onChange(value.concat(ids).slice(0, max)) })
  async function add() {
    if (upload.busy || value.length >= max) return
    const paths = await pick(max - value.length).catch(() => [] as string[]) // [] when cancelled
    if (paths.length) await upload.run(paths, folder)
  }
  return (
    <View className='photos'>
      {value.map((p, i) => (
        <View key={p} className='photos__cell'>
          <Image className='photos__img' src={p} mode='aspectFill' />
          <Text className='photos__remove' onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className='photos__cell photos__add' id='photo-add' onClick={add}>
          <Text className='photos__plus'>＋</Text>
          <Text className='photos__add-text'>{upload.busy ? '上传中' : '加照片'}</Text>
        </View>
      )}
    </View>
  )
}
