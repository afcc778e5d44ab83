/** Form pieces for the secretary pages: a labelled input, a choice of options, a switch row. */
import { View, Text, Input, Switch } from '@tarojs/components'

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

export function Choice<T extends string>(props: { label: string; value: T | null; options: { value: T; text: string }[]; onChange: (v: T) => void }) {
  return (
    <View className='form-row'>
      <Text className='form-label'>{props.label}</Text>
      <View className='seg'>
        {props.options.map((o) => (
          <View key={o.value} className={`seg__opt${props.value === o.value ? ' seg__opt--on' : ''}`} onClick={() => props.onChange(o.value)}>
            {o.text}
          </View>
        ))}
      </View>
    </View>
  )
}

export function Toggle(props: { label: string; checked: boolean; onChange: (v: boolean) => void; note?: string; id?: string }) {
  return (
    <View className='form-row form-row--inline'>
      <View>
        <Text>{props.label}</Text>
        {props.note && <Text className='note' style={{ display: 'block' }}>{props.note}</Text>}
      </View>
      <Switch id={props.id} checked={props.checked} color='#C8161D' onChange={(e) => props.onChange(e.detail.value)} />
    </View>
  )
}

/** "" → null, "12" → 12, anything else → NaN (the form says what is wrong). */
export function intOrNull(s: string): number | null {
  const t = s.trim()
  if (!t) return null
  return /^-?\d+$/.test(t) ? Number(t) : NaN
}
