/**
 * 双报告 (secretary): the yearly report per registered member for their employer units — confirmed
 * hours, activities, wishes fulfilled and residents' ratings, visits, the pledge and whether it was kept
 * (outcomes, not headcounts). Pick the year (and a unit); 导出 Excel opens the .xlsx in WeChat's
 * document viewer (转发 from its menu) or downloads it in a browser.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { Empty } from '../../../../components/EmptyState'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { go } from '../../../../services/nav'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { openXlsx } from '../../files'
import '../../party.scss'

export default function AdminReport() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [unit, setUnit] = useState<string | null>(null)
  const base = me && communityId && allowed ? `${me.userId}|${communityId}` : null
  const tree = useQuery(base, () => call('org.tree', { communityId: communityId! }))
  const report = useQuery(base ? `${base}|${year}|${unit ?? ''}` : null, () =>
    call('party.report', { communityId: communityId!, year, ...(unit ? { employerUnitId: unit } : {}), format: 'json' }),
  )
  const [exporting, setExporting] = useState(false)

  const blocked = guard(session, communityId, { secretary: true, allowed, what: '查看双报告' })
  if (blocked) return blocked

  async function exportXlsx() {
    if (exporting) return
    setExporting(true)
    try {
      const r = await call('party.report', { communityId: communityId!, year, ...(unit ? { employerUnitId: unit } : {}), format: 'xlsx' })
      if (!r.file) throw new Error('no file')
      await openXlsx(r.file)
    } catch (e) {
      Taro.showToast({ title: toApiError(e).message === '网络不太好，请稍后再试' ? '导出没有成功，请再试一次' : toApiError(e).message, icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  const units = tree.data?.partnerUnits ?? []
  return (
    <PageShell className='admin-report'>
      <View className='tabs'>
        {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
          <View key={y} className={`tabs__tab${year === y ? ' tabs__tab--on' : ''}`} onClick={() => setYear(y)}>
            {y} 年
          </View>
        ))}
      </View>
      {units.length > 0 && (
        <View className='seg' style={{ marginBottom: '24px' }}>
          <View className={`seg__opt${unit === null ? ' seg__opt--on' : ''}`} onClick={() => setUnit(null)}>
            全部单位
          </View>
          {units.map((u) => (
            <View key={u.id} className={`seg__opt${unit === u.id ? ' seg__opt--on' : ''}`} onClick={() => setUnit(u.id)}>
              {u.name}
            </View>
          ))}
        </View>
      )}
      {report.error ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Loading />
      ) : report.data.rows.length === 0 ? (
        <Empty text={`${year} 年还没有报到党员的记录`} action={{ text: '去审核报到', onClick: () => go('party.adminMembers', { communityId: communityId! }) }} />
      ) : (
        <>
          <Button className='btn btn--primary btn--block' id='report-export' loading={exporting} disabled={exporting} style={{ marginBottom: '24px' }} onClick={exportXlsx}>
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
            {report.data.rows.map((r) => (
              <View key={r.userId} className='table-row' hoverClass='row--hover' onClick={() => go('party.record', { communityId: communityId!, userId: r.userId })}>
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
            点一行看这位党员的活动记录卡。
          </Text>
        </>
      )}
    </PageShell>
  )
}
