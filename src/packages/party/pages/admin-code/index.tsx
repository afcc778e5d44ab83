/**
 * 报到二维码 (secretary): the community's registration 小程序码 and one per compound, big, to print
 * and post at the 党群服务中心 and each compound's gate. Scanning opens 双报到登记 with the place
 * filled in. 保存到相册 (weapp) / 下载图片 (H5).
 */
import { View, Text, Image, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Guard, Loaded } from '../../../../components/Guard'
import { EmptyState } from '../../../../components/EmptyState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { useSecretaryCommunity } from '../../../../hooks/useCommunity'
import { isSecretaryOf } from '../../../../services/community'
import { call, toApiError } from '../../../../services/api'
import { notSecretary } from '../../shared'
import { Warn } from '../../components/bits'
import { saveImage } from '../../../../services/files'
import '../../party.scss'

async function loadCodes(communityId: string) {
  const tree = await call('org.tree', { communityId })
  const community = await call('party.registerCode', { communityId })
  const compounds = await Promise.all(
    tree.compounds.map(async (c) => ({ id: c.id, name: c.name, code: await call('party.registerCode', { communityId, compoundId: c.id }) })),
  )
  return { name: tree.community.name, community, compounds }
}

async function save(name: string, qr: string) {
  try {
    await saveImage(`${name}.png`, qr)
    Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '已下载', icon: 'success' })
  } catch (e) {
    // not an API call: WeChat's own refusal (errMsg) when the album is not allowed
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    Taro.showToast({ title: msg.includes('auth') ? '请在设置里允许保存到相册' : toApiError(e).message, icon: 'none' })
  }
}

/** One printable code: a title, the QR, and save. */
function CodeCard(props: { title: string; qr: string; file: string; primary?: boolean; id?: string; dataId?: string }) {
  return (
    <View className='code-card' id={props.id} data-id={props.dataId}>
      <Text className='code-card__title'>{props.title}</Text>
      <View className='qr-wrap'>
        <Image className='qr-img' src={props.qr} mode='scaleToFill' showMenuByLongpress />
      </View>
      <Button className={`btn btn--block${props.primary ? ' btn--primary' : ''}`} onClick={() => save(props.file, props.qr)}>
        {process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载图片'}
      </Button>
    </View>
  )
}

export default function AdminCode() {
  const { me } = useSession()
  const communityId = useSecretaryCommunity(me)
  const allowed = isSecretaryOf(me, communityId)
  const codes = useQuery(me && communityId && allowed ? `${me.userId}|${communityId}` : null, () => loadCodes(communityId!))

  return (
    <Guard communityId={communityId} allowed={allowed} {...notSecretary('生成报到二维码')} className='admin-code' pick='administer'>
      <Loaded query={codes} loadingText='正在生成二维码…'>
        {(d) => (
          <>
            <Warn>把二维码打印出来，贴在党群服务中心和各小区门口。党员用微信扫一扫就能报到，社区和小区会自动填好。</Warn>
            <CodeCard id='code-community' primary title={`${d.name} 报到码`} qr={d.community.qr} file={`${d.name}报到码`} />
            <View className='section-title'>各小区报到码</View>
            {d.compounds.length === 0 ? (
              <EmptyState text='社区还没有录入小区' />
            ) : (
              d.compounds.map((c) => <CodeCard key={c.id} dataId={c.id} title={c.name} qr={c.code.qr} file={`${c.name}报到码`} />)
            )}
          </>
        )}
      </Loaded>
    </Guard>
  )
}
