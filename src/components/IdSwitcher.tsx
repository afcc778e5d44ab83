/**
 * Local mode only (H5): a floating 切换身份 button that lists the demo people from GET /dev/people
 * with their roles; choosing one stores its openid (localStorage `dev-openid`) and reloads.
 * PageShell includes this file only when TARO_ENV is 'h5', so the weapp build never contains it.
 *
 * Hooks for browser tests: #id-switcher-open, .id-switcher (the sheet), .id-switcher__person
 * (one per person, in demo order, with data-openid), .id-switcher__person--current.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { devPeople, storedDevOpenid, switchDevIdentity, type DevPerson } from '../services/devIdentity'
import { ROLE_LABELS } from '@contract/vocabulary'
import './IdSwitcher.scss'

export default function IdSwitcher() {
  const [open, setOpen] = useState(false)
  const [people, setPeople] = useState<DevPerson[] | null>(null)
  useEffect(() => {
    if (open && people === null) devPeople().then(setPeople)
  }, [open, people])
  const current = storedDevOpenid() ?? people?.[0]?.openid

  return (
    <View className='id-switcher-root'>
      <View className='id-switcher-fab' id='id-switcher-open' onClick={() => setOpen(true)}>
        切换身份
      </View>
      {open && (
        <View className='id-switcher-mask' onClick={() => setOpen(false)}>
          <View className='id-switcher' onClick={(e) => e.stopPropagation()}>
            <View className='id-switcher__head'>
              <Text className='id-switcher__title'>切换身份（仅本地演示）</Text>
              <Text className='id-switcher__close' onClick={() => setOpen(false)}>
                关闭
              </Text>
            </View>
            {people === null && <Text className='id-switcher__hint'>正在读取演示人员…</Text>}
            {people?.length === 0 && <Text className='id-switcher__hint'>没有演示人员：请用 npm start 启动本地服务</Text>}
            {people?.map((p) => {
              const roles = Array.from(new Set(p.roles.map((r) => ROLE_LABELS[r.role] ?? r.role)))
              const isCurrent = p.openid === current
              return (
                <View
                  key={p.openid}
                  className={`id-switcher__person${isCurrent ? ' id-switcher__person--current' : ''}`}
                  data-openid={p.openid}
                  onClick={() => switchDevIdentity(p.openid)}
                >
                  <Text className='id-switcher__name'>
                    {p.name}
                    {isCurrent ? '（当前）' : ''}
                  </Text>
                  <Text className='id-switcher__roles'>{roles.join(' · ') || '居民'}</Text>
                </View>
              )
            })}
          </View>
        </View>
      )}
    </View>
  )
}
