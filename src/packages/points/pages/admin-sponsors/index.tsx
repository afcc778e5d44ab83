/**
 * 共建单位 (secretary): each sponsor's budget — what is left, issued, redeemed — with a red warning when
 * it runs low (points are a funded liability: no budget, no points). Add or edit a sponsor, and
 * 注入积分 (components/SponsorForms.tsx).
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { SponsorView } from '@contract/points'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { useSecretaryPoints } from '../../shared'
import { FundForm, SponsorForm } from '../../components/SponsorForms'
import '../../points.scss'

/** The open form: a sponsor to edit (null: a new one), or one to fund. */
type Open = { edit: SponsorView | null } | { fund: SponsorView }

function SponsorCard({ s, onEdit, onFund }: { s: SponsorView; onEdit: () => void; onFund: () => void }) {
  return (
    <View className='card sponsor-card' data-id={s.id}>
      <View className='order-row__top'>
        <Text className='card-title'>{s.name}</Text>
        {!s.active && <Text className='chip chip--cancelled'>已停用</Text>}
      </View>
      <Text className={`sponsor-card__budget ${s.low ? 'warn warn--red' : 'muted'}`} style={{ display: 'block' }}>
        {s.low ? `⚠ 预算快用完了：只剩 ${s.budget} 积分（预警线 ${s.warnBelow}）` : `剩余预算 ${s.budget} 积分`}
      </Text>
      <View className='table-row'>
        <Text>已发出</Text>
        <Text>{s.issued}</Text>
      </View>
      <View className='table-row'>
        <Text>已兑换</Text>
        <Text>{s.redeemed}</Text>
      </View>
      {s.contact && <Text className='note'>联系人：{s.contact}</Text>}
      <View className='btn-row' style={{ marginTop: '16px' }}>
        <Button className='btn btn--small sponsor-edit' onClick={onEdit}>
          修改
        </Button>
        <Button className='btn btn--small btn--primary sponsor-fund' onClick={onFund}>
          注入积分
        </Button>
      </View>
    </View>
  )
}

export default function AdminSponsors() {
  const { communityId, key, guard } = useSecretaryPoints()
  const list = useQuery(key, () => call('points.sponsors', { communityId: communityId! }))
  const [open, setOpen] = useState<Open | null>(null)
  const done = (sponsors: SponsorView[]) => {
    list.setData(sponsors)
    setOpen(null)
  }
  const close = () => setOpen(null)

  return (
    <Guard {...guard}>
      <Text className='note' style={{ display: 'block', marginBottom: '16px' }}>
        每一分积分都由共建单位的预算支付。预算低于预警线时标红，请及时联系单位补充。
      </Text>
      {!open && (
        <Button className='btn btn--primary btn--block' id='sponsor-new' onClick={() => setOpen({ edit: null })}>
          ＋ 添加共建单位
        </Button>
      )}
      {open && 'edit' in open && <SponsorForm key={open.edit?.id ?? 'new'} communityId={communityId!} sponsor={open.edit} onDone={done} onCancel={close} />}
      {open && 'fund' in open && <FundForm key={open.fund.id} communityId={communityId!} sponsor={open.fund} onDone={done} onCancel={close} />}

      <View className='section-title'>共建单位</View>
      <Loaded query={list}>
        {(sponsors) =>
          sponsors.length === 0 ? (
            <EmptyState text='还没有共建单位。先添加一个，再为它注入积分预算。' />
          ) : (
            sponsors.map((s) => <SponsorCard key={s.id} s={s} onEdit={() => setOpen({ edit: s })} onFund={() => setOpen({ fund: s })} />)
          )
        }
      </Loaded>
    </Guard>
  )
}
