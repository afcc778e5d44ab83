/** A wish's story on its detail page: the head (status, title, words, photos), the facts, the wisher's contact, how it was done, the rating, the timeline. */
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WishDetail } from '@contract/wish'
import { StatusChip } from '../../../features/wish/WishCard'
import { EVENT_TEXT } from '../../../features/wish/shared'
import { dateTime, dayText } from '../../../services/time'
import { Fact } from '../../../components/Fact'
import { go } from '../../../services/nav'
import { PhotoRow } from '../../../components/Photos'
import { starLine } from '../../../components/Stars'
import { Timeline as StoryTimeline } from '../../../components/Timeline'

export function WishHead({ w }: { w: WishDetail }) {
  return (
    <>
      {w.photos[0] && (
        <Image className='wd-hero' src={w.photos[0]} mode='aspectFill' onClick={() => Taro.previewImage({ urls: w.photos, current: w.photos[0] })} />
      )}
      <View className='card' id='wish-head' data-status={w.status}>
        <View className='story-status'>
          <StatusChip status={w.status} label={w.statusLabel} />
          <Text className='wish-card__cat'>{w.category}</Text>
        </View>
        <Text className='story-title' id='wish-title'>
          {w.title}
        </Text>
        <Text className='story-text'>{w.description}</Text>
        {w.photos.length > 1 && <PhotoRow photos={w.photos.slice(1)} />}
        {w.rejectReason && w.status === 'rejected' && <Text className='wd-reason'>未通过的原因：{w.rejectReason}</Text>}
      </View>
    </>
  )
}

export function WishFacts({ w }: { w: WishDetail }) {
  return (
    <View className='card'>
      <Fact label='地点'>{w.place}</Fact>
      <Fact label='许愿人'>
        {w.wisherName}
        {w.onBehalf ? '（楼栋长代发）' : ''}
      </Fact>
      {w.wishedBy && <Fact label='希望在'>{dayText(w.wishedBy)} 前</Fact>}
      {w.claimerName && (
        <Fact label='认领人' id='wish-claimer'>
          {w.claimerName}
        </Fact>
      )}
      {w.requestId && (
        <Text className='link wd-link' id='wish-request-link' onClick={() => go('requests.detail', { id: w.requestId!, c: w.communityId })}>
          已转为诉求，去看看办理进度 ›
        </Text>
      )}
    </View>
  )
}

/** The wisher's contact, for those who need it (claimer, secretary, the wisher's side); tap the number to call. */
export function WishContact({ w }: { w: WishDetail }) {
  const c = w.contact
  if (!c) return null
  return (
    <View className='card' id='wish-contact'>
      <Text className='card-title'>{w.isMine ? '我的联系方式（认领人能看到）' : '许愿人联系方式'}</Text>
      <Fact label='姓名'>{c.name}</Fact>
      <Fact label='门牌'>{c.address}</Fact>
      {c.phone ? (
        <View className='row' hoverClass='row--hover' onClick={() => Taro.makePhoneCall({ phoneNumber: c.phone! })}>
          <Text className='row__label'>电话</Text>
          <Text className='row__value wd-contact__phone' id='wish-phone'>
            {c.phone}
          </Text>
          <Text className='row__arrow'>拨打 ›</Text>
        </View>
      ) : (
        <Text className='muted'>没有留电话，请上门或找楼栋长联系</Text>
      )}
    </View>
  )
}

/** How it was done (the proof) and what the wisher said (the rating). */
export function WishOutcome({ w }: { w: WishDetail }) {
  return (
    <>
      {w.proof && (
        <View className='card' id='wish-proof'>
          <Text className='card-title'>怎么帮的</Text>
          <Text className='story-words'>{w.proof.text}</Text>
          <PhotoRow photos={w.proof.photos} />
          <Text className='note'>{dateTime(w.proof.at)}</Text>
        </View>
      )}
      {w.rating && (
        <View className='card' id='wish-rating'>
          <Text className='card-title'>许愿人的评价</Text>
          <Text className='wd-rating__stars'>{starLine(w.rating.stars)}</Text>
          {w.rating.note ? <Text className='story-words'>“{w.rating.note}”</Text> : null}
        </View>
      )}
    </>
  )
}

/** Every change, newest first: 时间 · 谁 · 做了什么, with notes and photos. */
export function Timeline({ w }: { w: WishDetail }) {
  const steps = w.history.map((h) => ({ ...h, who: h.byName, what: EVENT_TEXT[h.event] ?? h.event }))
  return <StoryTimeline title='心愿进展' id='wish-timeline' steps={steps} />
}
