/**
 * A request's story on its page: the head (status, category, the clock, the words and photos), the facts (where,
 * who reported it and how to reach them — full name and phone only for who handles it — who holds it, the 吹哨),
 * how it ended (the proof or the answer, the rating) and the flow, every step newest first.
 */
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RequestDetail } from '@contract/requests'
import { REQUEST_CHANNEL_LABELS } from '@contract/vocabulary'
import { Fact } from '../../../components/Fact'
import { PhotoRow } from '../../../components/Photos'
import { starLine } from '../../../components/Stars'
import { Timeline } from '../../../components/Timeline'
import { go } from '../../../services/nav'
import { dateTime } from '../../../services/time'
import { EVENT_TEXT } from '../shared'
import { Clock, StatusChips } from './RequestCard'

export function RequestHead({ r }: { r: RequestDetail }) {
  return (
    <View className='card' id='request-head' data-status={r.status} data-colour={r.clock.colour}>
      <View className='story-status'>
        <StatusChips r={r} />
      </View>
      <Clock clock={r.clock} big id='request-clock' />
      <Text className='story-text rq-words' id='request-words'>
        {r.description}
      </Text>
      <PhotoRow photos={r.photos} />
    </View>
  )
}

export function RequestFacts({ r }: { r: RequestDetail }) {
  const e = r.escalation
  return (
    <View className='card' id='request-facts'>
      {r.place && <Fact label='地点'>{r.place}</Fact>}
      <Fact label='反映人' id='request-reporter'>
        {r.reporter.name}
        {r.channel !== 'online' ? `（${REQUEST_CHANNEL_LABELS[r.channel]}）` : ''}
      </Fact>
      {r.reporter.phone && (
        <View className='row' onClick={() => Taro.makePhoneCall({ phoneNumber: r.reporter.phone! })}>
          <Text className='row__label'>电话</Text>
          <Text className='row__value link' id='request-phone'>
            {r.reporter.phone} 拨打
          </Text>
        </View>
      )}
      {r.holder && (
        <Fact label='承办' id='request-holder'>
          {r.holder}
        </Fact>
      )}
      <Fact label='提交时间'>{dateTime(r.createdAt)}</Fact>
      {r.reopened > 0 && <Fact label='重新办理'>{r.reopened} 次</Fact>}
      {e && (
        <Fact label='吹哨' id='request-escalation'>
          {e.unitName} · {e.acceptedAt ? `${dateTime(e.acceptedAt)} 已报到` : `须在 ${dateTime(e.acceptBy)} 前接单`}
        </Fact>
      )}
      {e && <Text className='note rq-reason'>吹哨原因：{e.reason}</Text>}
      {r.errandId && (
        <Text className='note rq-link' id='request-from-errand'>
          由社区代办转来（首问负责人已把办理情况写在诉求里）
        </Text>
      )}
      {r.wishId && (
        <Text className='link rq-link' id='request-wish-link' onClick={() => go('wish.detail', { id: r.wishId!, c: r.communityId })}>
          {r.status === 'converted' ? '已转为微心愿，去看看 ›' : '由心愿转来，去看看原来的心愿 ›'}
        </Text>
      )}
      {r.topicId && (
        <Text className='link rq-link' onClick={() => go('council.topic', { id: r.topicId!, c: r.communityId })}>
          已提交议事会，去看看议题 ›
        </Text>
      )}
    </View>
  )
}

/** How it ended: the proof (or, for a suggestion, the answer and whether it was adopted) and the rating. */
export function Outcome({ r }: { r: RequestDetail }) {
  if (!r.proof && !r.rating) return null
  const feedback = r.category === 'feedback'
  return (
    <View className='card' id='request-outcome'>
      {r.proof && (
        <>
          <Text className='card-title'>{feedback ? '社区答复' : '办理结果'}</Text>
          {r.adopted && <Text className='chip rq-chip rq-chip--closed'>建议已采纳</Text>}
          <Text className='story-words' id='request-proof'>
            {r.proof.text}
          </Text>
          <PhotoRow photos={r.proof.photos} />
          <Text className='note'>{dateTime(r.proof.at)}</Text>
        </>
      )}
      {r.rating && (
        <View className='rq-rating' id='request-rating'>
          <Text className='rq-rating__stars'>{starLine(r.rating.stars)}</Text>
          {r.rating.comment && <Text className='story-words'>“{r.rating.comment}”</Text>}
        </View>
      )}
    </View>
  )
}

export function Flow({ r }: { r: RequestDetail }) {
  const steps = r.flow.map((f) => ({
    ...f,
    who: f.byName,
    what: f.event === 'resolve' && r.category === 'feedback' ? '答复了' : (EVENT_TEXT[f.event] ?? f.event),
  }))
  return <Timeline title='办理经过' id='request-flow' steps={steps} />
}
