/**
 * Who a report is for, on a form that raises something for a resident (a council topic, a request): a
 * building head may raise it for a neighbour they act for (代提 / 代报, like 替TA发心愿); staff may enter one that
 * came in on paper, at the door or by phone, for a resident found by name. Everyone else raises their own and
 * sees none of this. The form names its channels and words; ids are `${idPrefix}-for`, `-channel`,
 * `-resident-search` and `-resident` (the one picked). Styles: src/styles/_pick.scss.
 *
 *   const [who, setWho] = useState<Who<TopicChannel>>(whoFor(params.onBehalfOf))
 *   <WhoFields me={me} communityId={c} staff={can(me, c, 'administer')} who={who} onChange={setWho} {...TOPIC_WHO} />
 *   call('topic.create', { …, ...whoInput(who) })
 */
import { View, Text } from '@tarojs/components'
import type { Me, MemberListItem } from '@contract/org'
import { Choice, FormRow } from './Field'
import { MemberSearch } from './MemberSearch'

export interface Who<C extends string> {
  /** A neighbour the building head acts for ('' = myself). */
  forWhom: string
  /** How staff received it ('self' = their own). */
  channel: C | 'self'
  /** The resident staff enter it for, if named. */
  resident: MemberListItem | null
}

/** Nobody else yet, or the neighbour a route names (?onBehalfOf=). */
export const whoFor = <C extends string>(onBehalfOf?: string): Who<C> => ({
  forWhom: onBehalfOf ? decodeURIComponent(onBehalfOf) : '',
  channel: 'self',
  resident: null,
})

/** The create input's part for who and how (nothing for one's own). */
export function whoInput<C extends string>(who: Who<C>): { onBehalfOf?: string; channel?: C } {
  if (who.channel !== 'self') return { channel: who.channel, ...(who.resident ? { onBehalfOf: who.resident.userId } : {}) }
  return who.forWhom ? { onBehalfOf: who.forWhom } : {}
}

export interface WhoWords<C extends string> {
  idPrefix: string
  /** 为谁提 / 为谁报修 */
  forLabel: string
  /** 议题从哪来 */
  channelLabel: string
  /** The staff's channels after 'self' (我自己提). */
  channels: { value: C | 'self'; text: string }[]
  /** The hint under 替哪位居民录入. */
  residentHint: string
}

export function WhoFields<C extends string>(props: WhoWords<C> & { me: Me; communityId: string; staff: boolean; who: Who<C>; onChange: (w: Who<C>) => void }) {
  const { me, who, onChange, idPrefix } = props
  const proxies = [{ value: '', text: '我自己' }].concat(me.proxyFor.map((p) => ({ value: p.userId, text: `替 ${p.name}` })))
  return (
    <>
      {proxies.length > 1 && (
        <Choice id={`${idPrefix}-for`} label={props.forLabel} value={who.forWhom} options={proxies} onChange={(forWhom) => onChange({ ...who, forWhom })} />
      )}
      {props.staff && (
        <Choice
          id={`${idPrefix}-channel`}
          label={props.channelLabel}
          value={who.channel}
          options={props.channels}
          onChange={(channel) => onChange({ ...who, channel, forWhom: '' })}
        />
      )}
      {props.staff && who.channel !== 'self' && (
        <FormRow label='替哪位居民录入' hint={props.residentHint}>
          {who.resident ? (
            <View className='pick pick--on' id={`${idPrefix}-resident`}>
              <Text className='pick__text'>{who.resident.name}</Text>
              <Text className='link' onClick={() => onChange({ ...who, resident: null })}>
                换一位
              </Text>
            </View>
          ) : (
            <MemberSearch id={`${idPrefix}-resident-search`} communityId={props.communityId} onPick={(resident) => onChange({ ...who, resident })} />
          )}
        </FormRow>
      )}
    </>
  )
}
