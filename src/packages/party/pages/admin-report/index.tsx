/**
 * 双报告 (secretary): the yearly report per registered member for their employer units — confirmed
 * hours, activities, wishes fulfilled and residents' ratings, visits, the pledge and whether it was kept
 * (outcomes, not headcounts). Pick the year (and a unit); 导出 Excel opens the .xlsx in WeChat's
 * document viewer (转发 from its menu) or downloads it in a browser.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { Chip } from '../../../../components/Field'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { notSecretary } from '../../shared'
import { Tabs } from '../../components/bits'
import { openXlsx } from '../../../../services/files'
import '../../party.scss'

export default function AdminReport() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [unit, setUnit] = useState<string | null>(null)
  const base = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  const tree = useQuery(base, () => call('org.tree', { communityId: communityId! }))
  const which = { communityId: communityId!, year, ...(unit ? { employerUnitId: unit } : {}) }
  const report = useQuery(base ? `${base}|${year}|${unit ?? ''}` : null, () => call('party.report', { ...which, format: 'json' }))
  const exporting = useAction(
    async () => {
      const r = await call('party.report', { ...which, format: 'xlsx' })
      if (!r.file) throw new Error('no file')
      await openXlsx(r.file)
    },
    { words: { INTERNAL: '导出没有成功，请再试一次' } },
  )
  const units = tree.data?.partnerUnits ?? []

  return (
    <Guard communityId={communityId} allowed={allowed} {...notSecretary('查看双报告')} className='admin-report' pick='administer'>
      <Tabs options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, text: `${y} 年` }))} value={year} onChange={setYear} />
      {units.length > 0 && (
        <View className='seg' style={{ marginBottom: '24px' }}>
          {[{ id: null, name: '全部单位' }, ...units].map((u) => (
            <Chip key={u.id ?? ''} on={unit === u.id} onClick={() => setUnit(u.id)}>
              {u.name}
            </Chip>
          ))}
        </View>
      )}
      <Loaded query={report}>
        {(d) =>
          d.rows.length === 0 ? (
            <EmptyState
              text={`${year} 年还没有报到党员的记录`}
              action={{ text: '去审核报到', onClick: () => go('party.adminMembers', { communityId: communityId! }) }}
            />
          ) : (
            <>
              <Button
                className='btn btn--primary btn--block'
                id='report-export'
                loading={exporting.busy}
                disabled={exporting.busy}
                style={{ marginBottom: '24px' }}
                onClick={() => exporting.run()}
              >
                导出 Excel（发给单位）
              </Button>
              <View className='card report-table' id='report-table'>
                <View className='table-row table-row--head'>
                  <Text>党员 / 单位</Text>
                  <Text>时长</Text>
                  <Text>活动</Text>
                  <Text>心愿</Text>
                  <Text>走访</Text>
                </View>
                {d.rows.map((r) => (
                  <View
                    key={r.userId}
                    className='table-row'
                    hoverClass='row--hover'
                    onClick={() => go('party.record', { communityId: communityId!, userId: r.userId })}
                  >
                    <View>
                      <Text style={{ display: 'block' }}>{r.name}</Text>
                      <Text className='note' style={{ display: 'block' }}>
                        {r.employerName}
                      </Text>
                      <Text className='note' style={{ display: 'block' }}>
                        承诺{r.pledgeKept ? '已兑现' : '未兑现'}
                        {r.averageRating !== null ? ` · 评分 ${r.averageRating.toFixed(1)}` : ''}
                      </Text>
                    </View>
                    <Text>{Math.round(r.hours * 100) / 100}</Text>
                    <Text>{r.activities}</Text>
                    <Text>{r.wishesFulfilled}</Text>
                    <Text>{r.visits}</Text>
                  </View>
                ))}
              </View>
              <Text className='note' style={{ display: 'block' }}>
                {d.complete ? '点一行看这位党员的活动记录卡。' : `这里列出前 ${d.rows.length} 位党员，导出 Excel 可看全部。点一行看这位党员的活动记录卡。`}
              </Text>
            </>
          )
        }
      </Loaded>
    </Guard>
  )
}
