/**
 * 心愿设置 (secretary): the categories residents choose from (add, remove, reorder by removing and
 * adding), whether plain text wishes go on the wall without review (photos always wait), after how many
 * days an unconfirmed fulfilled wish closes by itself, and after how many days a wish counts as overdue.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button, Input, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { isSecretaryOf } from '../../../../features/wish/shared'
import { guard } from '../../components/Guard'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import '../../wish.scss'

const dayNum = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN)

export default function AdminSettings() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const settings = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => call('wish.settings', { communityId: communityId! }))
  const [cats, setCats] = useState<string[]>([])
  const [newCat, setNewCat] = useState('')
  const [autoApprove, setAutoApprove] = useState(false)
  const [closeDays, setCloseDays] = useState('')
  const [overdueDays, setOverdueDays] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const s = settings.data
    if (!s) return
    setCats(s.categories)
    setAutoApprove(s.autoApprove)
    setCloseDays(String(s.autoCloseDays))
    setOverdueDays(String(s.overdueDays))
  }, [settings.data])

  const blocked = guard(session, communityId, { secretary: true, allowed })
  if (blocked) return blocked
  if (settings.error) return <PageShell><ErrorState error={settings.error} onRetry={settings.reload} /></PageShell>
  if (!settings.data) return <PageShell><Loading /></PageShell>

  function addCat() {
    const c = newCat.trim()
    if (!c) return
    if (Array.from(c).length > 10) return setProblem('类别名最多 10 个字')
    if (cats.includes(c)) return setProblem('已经有这个类别了')
    if (cats.length >= 12) return setProblem('最多 12 个类别')
    setProblem(null)
    setCats(cats.concat(c))
    setNewCat('')
  }

  async function save() {
    const close = dayNum(closeDays)
    const overdue = dayNum(overdueDays)
    if (cats.length === 0) return setProblem('至少要有一个类别')
    if (!(close >= 1 && close <= 60) || !(overdue >= 1 && overdue <= 60)) return setProblem('天数要填 1 到 60 之间的整数')
    setProblem(null)
    setBusy(true)
    try {
      settings.setData(await call('wish.setSettings', { communityId: communityId!, categories: cats, autoApprove, autoCloseDays: close, overdueDays: overdue }))
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card' id='wish-settings-cats'>
        <Text className='card-title' style={{ display: 'block' }}>
          心愿类别
        </Text>
        <Text className='muted'>居民发布时从这里选，心愿墙也按它筛选。</Text>
        {cats.map((c) => (
          <View key={c} className='w-cat-edit' data-cat={c}>
            <Text>{c}</Text>
            <Button className='btn btn--small w-nowrap' onClick={() => setCats(cats.filter((x) => x !== c))}>
              删除
            </Button>
          </View>
        ))}
        <View className='w-row w-row--inline' style={{ gap: '16px' }}>
          <Input id='cat-new' className='w-input' value={newCat} maxlength={10} placeholder='新类别，例如：家电维修' onInput={(e) => setNewCat(e.detail.value)} onConfirm={addCat} />
          <Button className='btn btn--small w-nowrap' id='cat-add' onClick={addCat}>
            添加
          </Button>
        </View>
      </View>

      <View className='card'>
        <View className='w-row w-row--inline'>
          <View style={{ flex: 1, marginRight: '16px' }}>
            <Text className='w-label' style={{ display: 'block' }}>
              文字心愿免审核
            </Text>
            <Text className='muted'>开启后，内容检查通过的文字心愿直接上墙；带照片的仍要您审核。</Text>
          </View>
          <Switch id='auto-approve' checked={autoApprove} color='#C8161D' onChange={(e) => setAutoApprove(e.detail.value)} />
        </View>
        <View className='w-row'>
          <Text className='w-label'>完成后几天没确认就自动圆梦</Text>
          <Input id='close-days' className='w-input' type='number' value={closeDays} maxlength={2} onInput={(e) => setCloseDays(e.detail.value)} />
        </View>
        <View className='w-row'>
          <Text className='w-label'>几天没人认领或没进展算超期</Text>
          <Input id='overdue-days' className='w-input' type='number' value={overdueDays} maxlength={2} onInput={(e) => setOverdueDays(e.detail.value)} />
        </View>
      </View>
      {problem && <Text className='w-problem'>{problem}</Text>}
      <Button className='btn btn--primary btn--block' id='settings-save' loading={busy} disabled={busy} onClick={save}>
        保存设置
      </Button>
    </PageShell>
  )
}
