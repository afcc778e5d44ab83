/**
 * 责任单位: the units that act on the community's requests — its property company and partner units (the
 * secretary's), the street's departments (the street admin's) — each with the categories it owns, its staff,
 * its 吹哨 report time and its on-time rate; add one, change one, appoint or remove its staff.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { UnitView } from '@contract/requests'
import { REQUEST_CATEGORY_LABELS, UNIT_KIND_LABELS } from '@contract/vocabulary'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { StaffSheet, UnitSheet } from '../../components/UnitSheets'
import { durationWords, useRequestsSecretary } from '../../shared'
import '../../requests.scss'

function UnitCard({ u, mine, onEdit, onStaff }: { u: UnitView; mine: boolean; onEdit: () => void; onStaff: () => void }) {
  const rate = u.onTimeRate === null ? '还没有办结的' : `按时办结 ${Math.round(u.onTimeRate * 100)}%`
  return (
    <View className={`card rq-unit${u.active ? '' : ' rq-unit--off'}`} data-id={u.id}>
      <View className='rq-unit__head'>
        <Text className='card-title'>{u.name}</Text>
        <Text className='tag'>{UNIT_KIND_LABELS[u.kind]}</Text>
        {!u.active && <Text className='tag'>已停用</Text>}
      </View>
      <Text className='muted rq-grid__line'>负责：{u.categories.map((c) => REQUEST_CATEGORY_LABELS[c]).join('、') || '只接吹哨和改派'}</Text>
      <Text className='muted rq-grid__line'>
        工作人员：{u.staff.map((s) => s.name).join('、') || '还没有'} · 吹哨后 {durationWords(u.escalationAcceptMinutes)}内报到
      </Text>
      <Text className='muted rq-grid__line'>
        {rate}
        {u.late > 0 ? ` · 超时 ${u.late} 件` : ''}
      </Text>
      {mine && (
        <View className='btn-row rq-unit__buttons'>
          <Button className='btn btn--small unit-edit' onClick={onEdit}>
            修改
          </Button>
          <Button className='btn btn--small unit-staff' onClick={onStaff}>
            工作人员
          </Button>
        </View>
      )}
    </View>
  )
}

export default function Units() {
  const admin = useRequestsSecretary()
  const { me } = useSession()
  const street = !!me && me.streets.length > 0
  const units = useQuery(admin.key, () => call('unit.list', { communityId: admin.communityId! }))
  const [open, setOpen] = useState<{ kind: 'edit' | 'staff'; unit: UnitView | null } | null>(null)
  const done = () => {
    setOpen(null)
    units.reload()
  }
  const sheet = { communityId: admin.communityId!, onClose: () => setOpen(null), reload: units.reload }

  return (
    <Guard {...admin.guard} className='requests'>
      <Loaded query={units}>
        {(list) => (
          <>
            {list.length === 0 && <EmptyState text='还没有责任单位。设好物业公司负责的诉求，居民报的事就直接派给物业' />}
            {list.map((u) => (
              <UnitCard
                key={u.id}
                u={u}
                mine={street || u.kind !== 'street_dept'}
                onEdit={() => setOpen({ kind: 'edit', unit: u })}
                onStaff={() => setOpen({ kind: 'staff', unit: u })}
              />
            ))}
            <Button className='btn btn--primary btn--block' id='unit-new' onClick={() => setOpen({ kind: 'edit', unit: null })}>
              新增责任单位
            </Button>
            {open?.kind === 'edit' && <UnitSheet {...sheet} unit={open.unit} street={street} onDone={done} />}
            {open?.kind === 'staff' && open.unit && (
              <StaffSheet
                {...sheet}
                unit={open.unit}
                onDone={(u) => {
                  setOpen({ kind: 'staff', unit: u })
                  units.reload()
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
