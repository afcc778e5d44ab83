/**
 * 报到二维码 (secretary): the community's registration 小程序码 and one per compound, big, to print
 * and post at the 党群服务中心 and each compound's gate. Scanning opens 双报到登记 with the place
 * filled in. 保存到相册 (weapp) / 下载图片 (H5).
 */
import { View, Text, Image, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../../../components/PageShell'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { Empty } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call, toApiError } from '../../../../services/api'
import { isSecretaryOf, useSecretaryCommunity } from '../../shared'
import { guard } from '../../components/Guard'
import { saveImage } from '../../files'
import '../../party.scss'

async function loadCodes(communityId: string) {
  const tree = await call('org.tree', { communityId })
  const community = await call('party.registerCode', { communityId })
  const compounds = await Promise.all(tree.compounds.map(async (c) => ({ id: c.id, name: c.name, code: await call('party.registerCode', { communityId, compoundId: c.id }) })))
  return { name: tree.community.name, community, compounds }
}

async function save(name: string, qr: string) {
  try {
    await saveImage(`${name}.png`, qr)
    Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '已下载', icon: 'success' })
  } catch (e) {
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    Taro.showToast({ title: msg.includes('auth') ? '请在设置里允许保存到相册' : toApiError(e).message, icon: 'none' })
  }
}

export default function AdminCode() {
  const session = useSession()
  const { me } = session
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const codes = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => loadCodes(communityId!))

  const blocked = guard(session, communityId, { secretary: true, allowed, what: '生成报到二维码' })
  if (blocked) return blocked
  if (codes.error) return <PageShell><ErrorState error={codes.error} onRetry={codes.reload} /></PageShell>
  if (!codes.data) return <PageShell><Loading text='正在生成二维码…' /></PageShell>
  const d = codes.data
  const saveText = process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载图片'

  return (
    <PageShell className='admin-code'>
      <Text className='pty-warn'>把二维码打印出来，贴在党群服务中心和各小区门口。党员用微信扫一扫就能报到，社区和小区会自动填好。</Text>
      <View className='code-card' id='code-community'>
        <Text className='code-card__title'>{d.name} 报到码</Text>
        <View className='qr-wrap'>
          <Image className='qr-img' src={d.community.qr} mode='scaleToFill' showMenuByLongpress />
        </View>
        <Button className='btn btn--primary btn--block' onClick={() => save(`${d.name}报到码`, d.community.qr)}>
          {saveText}
        </Button>
      </View>
      <View className='section-title'>各小区报到码</View>
      {d.compounds.length === 0 ? (
        <Empty text='社区还没有录入小区' />
      ) : (
        d.compounds.map((c) => (
          <View key={c.id} className='code-card' data-id={c.id}>
            <Text className='code-card__title'>{c.name}</Text>
            <View className='qr-wrap'>
              <Image className='qr-img' src={c.code.qr} mode='scaleToFill' showMenuByLongpress />
            </View>
            <Button className='btn btn--block' onClick={() => save(`${c.name}报到码`, c.code.qr)}>
              {saveText}
            </Button>
          </View>
        ))
      )}
    </PageShell>
  )
}
