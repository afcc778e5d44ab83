/**
 * Who a topic is for, on the submission form: a building head may raise one for a neighbour they act for
 * (代提, like 替TA发心愿); a secretary may enter one that came in on paper, at the door or by phone, for a
 * resident found by name (or for nobody named). Everyone else raises their own and sees none of this.
 */
import { View, Text } from '@tarojs/components'
import type { Me, MemberListItem } from '@contract/org'
import { Choice, FormRow } from '../../../components/Field'
import { MemberSearch } from './MemberSearch'

export type Channel = 'self' | 'paper' | 'door' | 'phone'

export interface Who {
  /** A neighbour the building head acts for ('' = myself). */
  forWhom: string
  /** How a secretary received it ('self' = their own topic). */
  channel: Channel
  /** The resident a secretary enters it for, if named. */
  resident: MemberListItem | null
}

const CHANNELS: { value: Channel; text: string }[] = [
  { value: 'self', text: '我自己提' },
  { value: 'paper', text: '纸质意见' },
  { value: 'door', text: '上门走访' },
  { value: 'phone', text: '电话反映' },
]

/** The create input's part for who and how (nothing for one's own topic). */
export function whoInput(who: Who): { onBehalfOf?: string; channel?: 'paper' | 'door' | 'phone' } {
  if (who.channel !== 'self') return { channel: who.channel, ...(who.resident ? { onBehalfOf: who.resident.userId } : {}) }
  return who.forWhom ? { onBehalfOf: who.forWhom } : {}
}

export function WhoFields({
  me,
  communityId,
  secretary,
  who,
  onChange,
}: {
  me: Me
  communityId: string
  secretary: boolean
  who: Who
  onChange: (w: Who) => void
}) {
  const proxies = [{ value: '', text: '我自己' }].concat(me.proxyFor.map((p) => ({ value: p.userId, text: `替 ${p.name}` })))
  return (
    <>
      {proxies.length > 1 && (
        <Choice id='topic-for' label='为谁提' value={who.forWhom} options={proxies} onChange={(forWhom) => onChange({ ...who, forWhom })} />
      )}
      {secretary && (
        <Choice
          id='topic-channel'
          label='议题从哪来'
          value={who.channel}
          options={CHANNELS}
          onChange={(channel) => onChange({ ...who, channel, forWhom: '' })}
        />
      )}
      {secretary && who.channel !== 'self' && (
        <FormRow label='替哪位居民录入' hint='可不选：没留名字的纸质意见，提议人显示为“居民”'>
          {who.resident ? (
            <View className='ct-pick ct-pick--on' id='topic-resident'>
              <Text className='ct-pick__text'>{who.resident.name}</Text>
              <Text className='link' onClick={() => onChange({ ...who, resident: null })}>
                换一位
              </Text>
            </View>
          ) : (
            <MemberSearch id='topic-resident-search' communityId={communityId} onPick={(resident) => onChange({ ...who, resident })} />
          )}
        </FormRow>
      )}
    </>
  )
}
