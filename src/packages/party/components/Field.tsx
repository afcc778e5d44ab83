/** Form pieces: a labelled input, a choice of big options, a labelled text area. */
import { useState } from 'react'
import { View, Text, Input, Textarea, Button } from '@tarojs/components'

export function Field(props: {
  label: string
  value: string
  onChange: (v: string) => void
  type?: 'text' | 'number' | 'digit'
  placeholder?: string
  maxlength?: number
  id?: string
  hint?: string
}) {
  return (
    <View className='form-row'>
      <Text className='form-label'>{props.label}</Text>
      <Input
        id={props.id}
        className='form-input'
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 50}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.hint && <Text className='note'>{props.hint}</Text>}
    </View>
  )
}

export function Area(props: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; maxlength?: number; id?: string; hint?: string }) {
  return (
    <View className='form-row'>
      <Text className='form-label'>{props.label}</Text>
      <Textarea
        id={props.id}
        className='form-textarea'
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 200}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.hint && <Text className='note'>{props.hint}</Text>}
    </View>
  )
}

export function Choice<T extends string>(props: {
  label: string
  value: T | null
  options: { value: T; text: string; hint?: string }[]
  onChange: (v: T) => void
  id?: string
  big?: boolean
}) {
  return (
    <View className='form-row' id={props.id}>
      <Text className='form-label'>{props.label}</Text>
      <View className={props.big ? 'choice-grid' : 'seg'}>
        {props.options.map((o) => (
          <View
            key={o.value}
            data-value={o.value}
            className={props.big ? `choice${props.value === o.value ? ' choice--on' : ''}` : `seg__opt${props.value === o.value ? ' seg__opt--on' : ''}`}
            onClick={() => props.onChange(o.value)}
          >
            <Text className={props.big ? 'choice__text' : ''}>{o.text}</Text>
            {props.big && o.hint && <Text className='choice__hint'>{o.hint}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}

/** Tags to toggle (skills, needs), plus a box to add one of your own. */
export function Tags(props: { label: string; value: string[]; suggestions: readonly string[]; onChange: (v: string[]) => void; max?: number; id?: string; allowCustom?: boolean }) {
  const all = Array.from(new Set([...props.suggestions, ...props.value]))
  const toggle = (t: string) => props.onChange(props.value.includes(t) ? props.value.filter((x) => x !== t) : [...props.value, t].slice(0, props.max ?? 10))
  return (
    <View className='form-row' id={props.id}>
      <Text className='form-label'>{props.label}</Text>
      <View className='seg'>
        {all.map((t) => (
          <View key={t} data-value={t} className={`seg__opt${props.value.includes(t) ? ' seg__opt--on' : ''}`} onClick={() => toggle(t)}>
            {props.value.includes(t) ? `✓ ${t}` : t}
          </View>
        ))}
      </View>
      {props.allowCustom !== false && <CustomTag onAdd={(t) => !props.value.includes(t) && props.onChange([...props.value, t].slice(0, props.max ?? 10))} />}
    </View>
  )
}

function CustomTag({ onAdd }: { onAdd: (t: string) => void }) {
  const [draft, setDraft] = useState('')
  const add = () => {
    const t = draft.trim()
    if (t) onAdd(t)
    setDraft('')
  }
  return (
    <View className='tags__custom'>
      <Input className='form-input' value={draft} placeholder='别的特长，写在这里' maxlength={10} confirmType='done' onInput={(e) => setDraft(e.detail.value)} onConfirm={add} />
      <Button className='btn btn--small' disabled={!draft.trim()} onClick={add}>
        添加
      </Button>
    </View>
  )
}

/** "" → null, "12" → 12, anything else → NaN (the form says what is wrong). */
export function intOrNull(s: string): number | null {
  const t = s.trim()
  if (!t) return null
  return /^-?\d+$/.test(t) ? Number(t) : NaN
}
