/**
 * Form pieces, one set for every area (styles: src/styles/parts.scss .form-*, .seg, .choice):
 *   <Field>   a labelled one-line input          <Area>    a labelled text area
 *   <Choice>  one of a few options (chips, or big cards with a hint when `big`)
 *   <Tags>    several of a list, plus one of your own     <Toggle>  a labelled switch
 *   <Chip>    one tappable chip, for filters and toggles that act at once (inside <View className='seg'>)
 *   <FormRow> the labelled row alone, around an input of the page's own (a Picker, photos)
 *   <PickFace> what a Picker shows inside it: the choice, and what tapping does (更改 › / 选日期 ›)
 * Ids given to a piece land on its input (Field, Area, Toggle) or its row (Choice, Tags) for tests.
 */
import { useState, type ReactNode } from 'react'
import { View, Text, Input, Textarea, Button, Switch } from '@tarojs/components'
import { BRAND_RED } from '../constants'

interface Labelled {
  label: string
  id?: string
  /** A line of help under the input. */
  hint?: string
}

function Row({ label, id, hint, inline, children }: Labelled & { inline?: boolean; children: ReactNode }) {
  return (
    <View className={`form-row${inline ? ' form-row--inline' : ''}`} id={id}>
      <Text className='form-label'>{label}</Text>
      {children}
      {hint && <Text className='note'>{hint}</Text>}
    </View>
  )
}

export const FormRow = Row

/** What a Picker shows: the choice (cut short when long), and what tapping does. */
export function PickFace({ id, text, arrow = '更改 ›' }: { id?: string; text: string; arrow?: string }) {
  return (
    <View className='form-picker form-picker--face' id={id}>
      <Text>{text}</Text>
      <Text className='form-picker__arrow'>{arrow}</Text>
    </View>
  )
}

export function Field(
  props: Labelled & { value: string; onChange: (v: string) => void; type?: 'text' | 'number' | 'digit' | 'idcard'; placeholder?: string; maxlength?: number },
) {
  return (
    <Row label={props.label} hint={props.hint}>
      <Input
        id={props.id}
        className='form-input'
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 50}
        onInput={(e) => props.onChange(e.detail.value)}
      />
    </Row>
  )
}

export function Area(props: Labelled & { value: string; onChange: (v: string) => void; placeholder?: string; maxlength?: number }) {
  return (
    <Row label={props.label} hint={props.hint}>
      <Textarea
        id={props.id}
        className='form-textarea'
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 200}
        onInput={(e) => props.onChange(e.detail.value)}
      />
    </Row>
  )
}

export function Choice<T extends string>(
  props: Labelled & { value: T | null; options: readonly { value: T; text: string; hint?: string }[]; onChange: (v: T) => void; big?: boolean },
) {
  return (
    <Row label={props.label} id={props.id} hint={props.hint}>
      <View className={props.big ? 'choice-grid' : 'seg'}>
        {props.options.map((o) =>
          props.big ? (
            <View
              key={o.value}
              data-value={o.value}
              className={`choice${props.value === o.value ? ' choice--on' : ''}`}
              onClick={() => props.onChange(o.value)}
            >
              <Text className='choice__text'>{o.text}</Text>
              {o.hint && <Text className='choice__hint'>{o.hint}</Text>}
            </View>
          ) : (
            <Chip key={o.value} value={o.value} on={props.value === o.value} onClick={() => props.onChange(o.value)}>
              {o.text}
            </Chip>
          ),
        )}
      </View>
    </Row>
  )
}

/** One chip: `on` shows it chosen; `check` adds ✓ before the text when on. */
export function Chip(props: { on: boolean; onClick: () => void; children: ReactNode; value?: string; disabled?: boolean; check?: boolean; id?: string }) {
  return (
    <View
      id={props.id}
      data-value={props.value}
      className={`seg__opt${props.on ? ' seg__opt--on' : ''}${props.disabled ? ' seg__opt--off' : ''}`}
      onClick={() => !props.disabled && props.onClick()}
    >
      {props.check && props.on ? '✓ ' : ''}
      {props.children}
    </View>
  )
}

/** Tags to toggle (skills, needs), plus a box to add one of your own. */
export function Tags(
  props: Labelled & { value: string[]; suggestions: readonly string[]; onChange: (v: string[]) => void; max?: number; allowCustom?: boolean },
) {
  const max = props.max ?? 10
  const all = Array.from(new Set([...props.suggestions, ...props.value]))
  const toggle = (t: string) => props.onChange(props.value.includes(t) ? props.value.filter((x) => x !== t) : [...props.value, t].slice(0, max))
  return (
    <Row label={props.label} id={props.id} hint={props.hint}>
      <View className='seg'>
        {all.map((t) => (
          <Chip key={t} value={t} on={props.value.includes(t)} check onClick={() => toggle(t)}>
            {t}
          </Chip>
        ))}
      </View>
      {props.allowCustom !== false && <CustomTag onAdd={(t) => !props.value.includes(t) && props.onChange([...props.value, t].slice(0, max))} />}
    </Row>
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
      <Input
        className='form-input'
        value={draft}
        placeholder='别的特长，写在这里'
        maxlength={10}
        confirmType='done'
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={add}
      />
      <Button className='btn btn--small' disabled={!draft.trim()} onClick={add}>
        添加
      </Button>
    </View>
  )
}

export function Toggle(props: { label: string; checked: boolean; onChange: (v: boolean) => void; note?: string; id?: string }) {
  return (
    <View className='form-row form-row--inline'>
      <View>
        <Text>{props.label}</Text>
        {props.note && (
          <Text className='note' style={{ display: 'block' }}>
            {props.note}
          </Text>
        )}
      </View>
      <Switch id={props.id} checked={props.checked} color={BRAND_RED} onChange={(e) => props.onChange(e.detail.value)} />
    </View>
  )
}

/** "" → null, "12" → 12, anything else → NaN (the form says what is wrong). */
export function intOrNull(s: string): number | null {
  const t = s.trim()
  if (!t) return null
  return /^-?\d+$/.test(t) ? Number(t) : NaN
}
