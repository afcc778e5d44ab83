/**
 * Small pieces the party pages share (styles: ../party.scss):
 *   <Hero>      the red banner: a label, a big title, a line under it
 *   <Tabs>      one of a few views (近期 / 我报名的 / 往期; years; statuses)
 *   <Fact>      a labelled line of a card (时间, 地点 …)
 *   <TagList>   skills or needs as small tags
 *   <Warn>      a notice in amber, or red when `bad`
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

export function Hero(props: { label?: string; title: string; sub?: string | null; id?: string }) {
  return (
    <View className='pty-hero' id={props.id}>
      {props.label && <Text className='pty-hero__label'>{props.label}</Text>}
      <Text className='pty-hero__title'>{props.title}</Text>
      {props.sub && <Text className='pty-hero__sub'>{props.sub}</Text>}
    </View>
  )
}

export function Tabs<T extends string | number | null>(props: { options: readonly { value: T; text: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='tabs'>
      {props.options.map((t) => (
        <View
          key={String(t.value)}
          data-value={String(t.value)}
          className={`tabs__tab${props.value === t.value ? ' tabs__tab--on' : ''}`}
          onClick={() => props.onChange(t.value)}
        >
          {t.text}
        </View>
      ))}
    </View>
  )
}

export function Fact(props: { label: string; children: ReactNode; id?: string; className?: string }) {
  return (
    <View className='row'>
      <Text className='row__label'>{props.label}</Text>
      <Text className={`row__value${props.className ? ` ${props.className}` : ''}`} id={props.id}>
        {props.children}
      </Text>
    </View>
  )
}

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null
  return (
    <View style={{ marginTop: '12px' }}>
      {tags.map((t) => (
        <Text key={t} className='tag'>
          {t}
        </Text>
      ))}
    </View>
  )
}

export function Warn(props: { children: ReactNode; bad?: boolean; id?: string; style?: Record<string, string> }) {
  return (
    <Text className={`warn${props.bad ? ' warn--red' : ''}`} id={props.id} style={props.style}>
      {props.children}
    </Text>
  )
}
