/**
 * 双报到登记: a party member scans the community's 小程序码 (its scene is a short token: onLoad
 * options.scene in weapp, ?scene= in H5, both in useRouter().params) and the page says where they are
 * registering ("您正在 幸福里社区 报到"), then the form (components/RegisterForm.tsx). Without a scene,
 * the person chooses the community. Submitting shows a plain result: submitted, waiting for the
 * secretary; already registered says so.
 */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { CommunityView } from '@contract/org'
import type { RegistrationView } from '@contract/party'
import { Guard, Loaded } from '../../../../components/Guard'
import { Loading } from '../../../../components/Loading'
import { ErrorState } from '../../../../components/ErrorState'
import { useSession } from '../../../../hooks/useSession'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { go, sceneParam } from '../../../../services/nav'
import { Hero, Warn } from '../../components/bits'
import { RegisterForm, type Where } from '../../components/RegisterForm'
import '../../party.scss'

const toMine = () => Taro.redirectTo({ url: '/packages/party/pages/index/index' })

function Done({ reg }: { reg: RegistrationView }) {
  return (
    <>
      <View className='result-ok' id='register-done'>
        <Text className='result-ok__title'>✓ 报到已提交</Text>
        <Text className='result-ok__line'>{reg.communityName}</Text>
        <Text className='result-ok__line'>社区书记审核通过后，您就是本社区的报到党员了。审核结果会在“党员报到”里显示。</Text>
      </View>
      <View className='card' style={{ marginTop: '24px' }}>
        <Text className='card-title'>您的微承诺</Text>
        <Text>{reg.pledge.text}</Text>
      </View>
      <Button className='btn btn--primary btn--block' id='register-go-home' onClick={toMine}>
        看看我的报到
      </Button>
      <Button className='btn btn--block' onClick={() => go('home')}>
        回到首页
      </Button>
    </>
  )
}

function Already({ reg }: { reg: RegistrationView }) {
  return (
    <>
      <View className='card' id='register-already'>
        <View className='head-row'>
          <Text className='card-title'>{reg.communityName}</Text>
          <Text className={`chip chip--${reg.status}`}>{reg.statusLabel}</Text>
        </View>
        <Text className='muted'>{reg.status === 'pending' ? '您已提交报到，请等待社区书记审核。' : '您已经在这个社区报到了，不用再报一次。'}</Text>
      </View>
      <Button className='btn btn--primary btn--block' onClick={toMine}>
        看看我的报到
      </Button>
    </>
  )
}

function ChooseCommunity({ communities, onChoose }: { communities: ReturnType<typeof useQuery<CommunityView[]>>; onChoose: (w: Where) => void }) {
  return (
    <>
      <Warn>请扫描社区党群服务中心的报到二维码；没有二维码，也可以在下面选择您居住的社区。</Warn>
      <View className='section-title'>选择您居住的社区</View>
      <Loaded query={communities}>
        {(list) => (
          <View className='card' id='register-communities'>
            {list.map((c) => (
              <View
                key={c.id}
                className='row'
                hoverClass='row--hover'
                data-id={c.id}
                onClick={() =>
                  onChoose({ scene: null, view: { communityId: c.id, communityName: c.name, compoundId: null, compoundName: null, partnerUnits: [] } })
                }
              >
                <View>
                  <Text className='item-row__name'>{c.name}</Text>
                  <Text className='note' style={{ display: 'block' }}>
                    {c.address}
                  </Text>
                </View>
                <Text className='row__arrow'>›</Text>
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </>
  )
}

export default function Register() {
  const { me } = useSession()
  const { params } = useRouter()
  const scene = sceneParam(params.scene)
  const [chosen, setChosen] = useState<Where | null>(null)
  const [ignoreScene, setIgnoreScene] = useState(false)
  const useScene = !!scene && !ignoreScene

  const mine = useQuery(me ? `${me.userId}|mine` : null, () => call('party.myRegistration', {}))
  const resolved = useQuery(me && useScene ? `${me.userId}|${scene}` : null, () => call('party.resolveScene', { scene: scene! }))
  const communities = useQuery(me && !useScene && !chosen ? `${me.userId}|communities` : null, () => call('org.communities', {}))
  const where: Where | null = useScene ? (resolved.data ? { scene, view: resolved.data } : null) : chosen
  const tree = useQuery(where ? where.view.communityId : null, () => call('org.tree', { communityId: where!.view.communityId }))
  const [done, setDone] = useState<RegistrationView | null>(null)

  return (
    <Guard className='register'>
      {(me) => (
        <Loaded query={mine}>
          {(m) => {
            if (done) return <Done reg={done} />
            const current = m.current
            if (current && (!where || current.communityId === where.view.communityId)) return <Already reg={current} />
            if (useScene && resolved.error) {
              return (
                <>
                  <ErrorState error={resolved.error} onRetry={resolved.error.code === 'NOT_FOUND' ? undefined : resolved.reload} />
                  <Button className='btn btn--primary btn--block' onClick={() => setIgnoreScene(true)}>
                    自己选择报到的社区
                  </Button>
                </>
              )
            }
            if (!where) return useScene ? <Loading text='正在识别二维码…' /> : <ChooseCommunity communities={communities} onChoose={setChosen} />
            const lastRejected = m.history.find((r) => r.status === 'rejected' && r.communityId === where.view.communityId)
            const movingFrom = current && current.communityId !== where.view.communityId ? current : null
            return (
              <>
                <Hero id='register-where' label='您正在' title={`${where.view.communityName} 报到`} sub={where.view.compoundName} />
                {movingFrom && <Warn>您现在在 {movingFrom.communityName} 报到。在这里报到后，原来的报到会转为“已迁出”，记录保留。</Warn>}
                {lastRejected?.rejectReason && <Warn bad>上次报到没有通过：{lastRejected.rejectReason}。请修改后重新提交。</Warn>}
                <RegisterForm key={where.view.communityId} me={me} where={where} tree={tree} onDone={setDone} />
              </>
            )
          }}
        </Loaded>
      )}
    </Guard>
  )
}
