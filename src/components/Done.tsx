/**
 * Something was sent and is on its way (a wish posted, a topic raised): a big ✓, where it is now, what the
 * person will hear, then the way to see it (replacing the form) and the way back. Styles: _story.scss .done*.
 *
 *   <Done id='topic-posted' dataId={t.id} dataStatus={t.status} title='议题已公示' note='…' noteId='topic-posted-notices'
 *         open={{ id: 'topic-posted-open', text: '看看这个议题', url }} back={{ text: '回议事厅', onClick: () => go('council') }} />
 */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WayForward } from './EmptyState'

export interface DoneProps {
  id: string
  /** On the card as data-id / data-status, for tests. */
  dataId: string
  dataStatus: string
  title: string
  note: string
  noteId?: string
  /** The thing itself, opened in place of the form. */
  open: { id: string; text: string; url: string }
  back: WayForward
}

export function Done(props: DoneProps) {
  return (
    <>
      <View className='card done' id={props.id} data-id={props.dataId} data-status={props.dataStatus}>
        <View className='done__icon'>✓</View>
        <Text className='done__title'>{props.title}</Text>
        <Text className='muted' id={props.noteId}>
          {props.note}
        </Text>
      </View>
      <Button className='btn btn--primary btn--block' id={props.open.id} onClick={() => Taro.redirectTo({ url: props.open.url })}>
        {props.open.text}
      </Button>
      <Button className='btn btn--block' onClick={props.back.onClick}>
        {props.back.text}
      </Button>
    </>
  )
}
