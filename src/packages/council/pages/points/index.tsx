/**
 * 居民说事点 (secretary): the places where residents raise matters in person (a bench by a building, a
 * compound's gate), each with its QR poster — shown big, with the place's name, to print and put up there.
 * Scanning it opens 提议题 with the place filled in. Add a point, print its poster again, or rename it
 * (council.talkPoint; the list is council.talkPoints). 保存到相册 (weapp) / 下载图片 (H5).
 */
import { useState } from 'react'
import { View, Text, Image, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TalkPointPoster, TalkPointView } from '@contract/council'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Field } from '../../../../components/Field'
import { Sheet } from '../../../../components/Sheet'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call, toApiError } from '../../../../services/api'
import { saveImage } from '../../../../services/files'
import { monthDay } from '../../../../services/time'
import { useCouncilSecretary } from '../../shared'
import '../../council.scss'

const NAME = { id: 'point-name', label: '说事点叫什么', maxlength: 30, placeholder: '例如：3号楼下居民说事点', hint: '居民提的议题会写上这个地点' }

async function save(name: string, qr: string) {
  try {
    await saveImage(`${name}.png`, qr)
    Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '已下载', icon: 'success' })
  } catch (e) {
    // not an API call: WeChat's own refusal (errMsg) when the album is not allowed
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    Taro.showToast({ title: msg.includes('auth') ? '请在设置里允许保存到相册' : toApiError(e).message, icon: 'none' })
  }
}

/** The poster as it will be printed: the place's name, the code big, what to do with it. */
function Poster({ p, onRename, onClose }: { p: TalkPointPoster; onRename: () => void; onClose: () => void }) {
  return (
    <View className='card ct-poster' id='point-poster' data-id={p.scene}>
      <Text className='ct-poster__kicker'>居民说事点</Text>
      <Text className='ct-poster__name' id='point-poster-name'>
        {p.name}
      </Text>
      <View className='ct-poster__qr-wrap'>
        <Image className='ct-poster__qr' id='point-poster-qr' src={p.qr} mode='scaleToFill' showMenuByLongpress />
      </View>
      <Text className='ct-poster__say'>微信扫一扫，说说身边事、提议题</Text>
      <Button className='btn btn--primary btn--block' id='point-save' onClick={() => save(`${p.name}二维码`, p.qr)}>
        {process.env.TARO_ENV === 'weapp' ? '保存到相册，拿去打印' : '下载图片，拿去打印'}
      </Button>
      <View className='btn-row'>
        <Button className='btn' id='point-rename' onClick={onRename}>
          改名称
        </Button>
        <Button className='btn' onClick={onClose}>
          收起
        </Button>
      </View>
    </View>
  )
}

function PointRow({ p, busy, onShow }: { p: TalkPointView; busy: boolean; onShow: () => void }) {
  return (
    <View className='row ct-point' data-id={p.scene} hoverClass='row--hover' onClick={onShow}>
      <View>
        <Text className='ct-point__name'>{p.name}</Text>
        <Text className='note ct-point__since'>{monthDay(p.createdAt)} 设立</Text>
      </View>
      <Text className='row__arrow'>{busy ? '生成中…' : '二维码 ›'}</Text>
    </View>
  )
}

export default function TalkPoints() {
  const admin = useCouncilSecretary()
  const communityId = admin.communityId!
  const points = useQuery(admin.key, () => call('council.talkPoints', { communityId }))
  const [poster, setPoster] = useState<TalkPointPoster | null>(null)
  // The sheet: a new point (no token) or renaming the one shown.
  const [naming, setNaming] = useState<{ tokenId: string | null; name: string } | null>(null)

  const make = useAction((name: string, tokenId: string | null) => call('council.talkPoint', { communityId, name, ...(tokenId ? { tokenId } : {}) }), {
    showError: 'keep',
    onSuccess: (p) => {
      setPoster(p)
      setNaming(null)
      // The new or renamed point in the list as the server said it.
      const mine: TalkPointView = { scene: p.scene, name: p.name, createdAt: p.createdAt }
      points.setData((list) => {
        const all = list ?? []
        return all.some((x) => x.scene === p.scene) ? all.map((x) => (x.scene === p.scene ? mine : x)) : [...all, mine]
      })
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    },
    reload: points.reload,
  })
  // Printing a poster again: the same action with the point's token and its name as it is.
  const show = useAction((p: TalkPointView) => call('council.talkPoint', { communityId, name: p.name, tokenId: p.scene }), {
    onSuccess: (p) => {
      setPoster(p)
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    },
    reload: points.reload,
  })

  const name = naming?.name.trim() ?? ''
  return (
    <Guard {...admin.guard} className='council-admin'>
      {poster ? (
        <Poster p={poster} onRename={() => setNaming({ tokenId: poster.scene, name: poster.name })} onClose={() => setPoster(null)} />
      ) : (
        <Text className='warn' id='points-intro'>
          在楼下、小区门口这些居民常聚的地方设居民说事点，把二维码打印出来贴在那里。居民用微信扫一扫就能提议题，地点会自动填上。
        </Text>
      )}
      <Button className='btn btn--primary btn--block ct-first' id='point-new' onClick={() => (make.clearError(), setNaming({ tokenId: null, name: '' }))}>
        ＋ 新设居民说事点
      </Button>
      <Loaded query={points}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState id='points-empty' text='还没有设立居民说事点' />
          ) : (
            <View className='card' id='point-list'>
              {list.map((p) => (
                <PointRow key={p.scene} p={p} busy={show.pending?.[0].scene === p.scene} onShow={() => void show.run(p)} />
              ))}
            </View>
          )
        }
      </Loaded>
      {naming && (
        <Sheet
          id='point-sheet'
          title={naming.tokenId ? '改说事点名称' : '新设居民说事点'}
          act={make}
          // A name another point has: change it and try again (only a point gone meanwhile is final).
          stale={make.error?.code === 'NOT_FOUND'}
          submitText={naming.tokenId ? '保存并生成二维码' : '生成二维码'}
          onSubmit={() => name && void make.run(name, naming.tokenId)}
          onClose={() => (make.clearError(), setNaming(null))}
          reload={points.reload}
        >
          <Field {...NAME} value={naming.name} onChange={(v) => setNaming({ ...naming, name: v })} />
          {naming.tokenId && <Text className='note'>改名后，已经贴出去的二维码照样能用；以后提的议题写新名称。</Text>}
        </Sheet>
      )}
    </Guard>
  )
}
