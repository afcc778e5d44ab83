/**
 * 心愿设置 (secretary): the categories residents choose from (add, remove, reorder by removing and
 * adding), whether plain text wishes go on the wall without review (photos always wait), after how many
 * days an unconfirmed fulfilled wish closes by itself, and after how many days a wish counts as overdue.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { WishSettings } from '@contract/wish'
import { Guard, Loaded } from '../../../../components/Guard'
import { Field, Toggle, intOrNull } from '../../../../components/Field'
import { useQuery } from '../../../../hooks/useQuery'
import { useAction } from '../../../../hooks/useAction'
import { call } from '../../../../services/api'
import { CategoryEditor } from '../../components/CategoryEditor'
import { useWishSecretary } from '../../shared'
import '../../wish.scss'

const inDays = (n: number | null): n is number => n !== null && n >= 1 && n <= 60

export default function AdminSettings() {
  const admin = useWishSecretary()
  const settings = useQuery(admin.key, () => call('wish.settings', { communityId: admin.communityId! }))
  const [cats, setCats] = useState<string[]>([])
  const [autoApprove, setAutoApprove] = useState(false)
  const [closeDays, setCloseDays] = useState('')
  const [overdueDays, setOverdueDays] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const save = useAction((s: Omit<WishSettings, '_id'>) => call('wish.setSettings', { communityId: admin.communityId!, ...s }), {
    success: '已保存',
    onSuccess: settings.setData,
    showError: 'keep',
  })

  useEffect(() => {
    const s = settings.data
    if (!s) return
    setCats(s.categories)
    setAutoApprove(s.autoApprove)
    setCloseDays(String(s.autoCloseDays))
    setOverdueDays(String(s.overdueDays))
  }, [settings.data])

  function submit() {
    const close = intOrNull(closeDays)
    const overdue = intOrNull(overdueDays)
    if (cats.length === 0) return setProblem('至少要有一个类别')
    if (!inDays(close) || !inDays(overdue)) return setProblem('天数要填 1 到 60 之间的整数')
    setProblem(null)
    void save.run({ categories: cats, autoApprove, autoCloseDays: close, overdueDays: overdue })
  }
  const said = problem ?? save.error?.message

  return (
    <Guard {...admin.guard}>
      <Loaded query={settings}>
        {() => (
          <>
            <CategoryEditor value={cats} onChange={setCats} onProblem={setProblem} />
            <View className='card'>
              <Toggle
                id='auto-approve'
                label='文字心愿免审核'
                note='开启后，内容检查通过的文字心愿直接上墙；带照片的仍要您审核。'
                checked={autoApprove}
                onChange={setAutoApprove}
              />
              <Field id='close-days' label='完成后几天没确认就自动圆梦' type='number' value={closeDays} maxlength={2} onChange={setCloseDays} />
              <Field id='overdue-days' label='几天没人认领或没进展算超期' type='number' value={overdueDays} maxlength={2} onChange={setOverdueDays} />
            </View>
            {said && <Text className='w-problem'>{said}</Text>}
            <Button className='btn btn--primary btn--block' id='settings-save' loading={save.busy} disabled={save.busy} onClick={submit}>
              保存设置
            </Button>
          </>
        )}
      </Loaded>
    </Guard>
  )
}
