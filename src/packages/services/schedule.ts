/** The weekly and dated slots and closures written as lines, for the secretary's editor: "周三 09:00-11:00 20", "2026-12-10 09:00-11:00 20". */
import type { DatedSlot, WeeklySlot } from '@contract/services'

const WEEKDAYS = '一二三四五六日'

export function weeklyText(slots: WeeklySlot[]): string {
  return slots.map((s) => `周${WEEKDAYS[s.weekday - 1]} ${s.start}-${s.end} ${s.capacity}`).join('\n')
}

/** The slots, or the first line that does not read as one. */
export function parseWeekly(text: string): { slots: WeeklySlot[] } | { bad: string } {
  const slots: WeeklySlot[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const m = /^周?([一二三四五六日天1-7])\s*(\d{1,2}:\d{2})\s*[-~－至]\s*(\d{1,2}:\d{2})\s+(\d+)$/.exec(line)
    if (!m) return { bad: line }
    const weekday = /\d/.test(m[1]) ? Number(m[1]) : m[1] === '天' ? 7 : WEEKDAYS.indexOf(m[1]) + 1
    const pad = (t: string) => t.padStart(5, '0')
    slots.push({ weekday, start: pad(m[2]), end: pad(m[3]), capacity: Number(m[4]) })
  }
  return { slots }
}

export function parseDays(text: string): { days: string[] } | { bad: string } {
  const days: string[] = []
  for (const raw of text.split(/[\n,，\s]+/)) {
    if (!raw) continue
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { bad: raw }
    days.push(raw)
  }
  return { days }
}

/** Dated slots as lines: "2026-12-10 09:00-11:00 20". */
export function datedText(slots: DatedSlot[]): string {
  return slots.map((s) => `${s.day} ${s.start}-${s.end} ${s.capacity}`).join('\n')
}

/** The dated slots, or the first line that does not read as one. */
export function parseDated(text: string): { slots: DatedSlot[] } | { bad: string } {
  const slots: DatedSlot[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*[-~－至]\s*(\d{1,2}:\d{2})\s+(\d+)$/.exec(line)
    if (!m) return { bad: line }
    slots.push({ day: m[1], start: m[2].padStart(5, '0'), end: m[3].padStart(5, '0'), capacity: Number(m[4]) })
  }
  return { slots }
}
