/**
 * 我的: my profile (avatar, nickname, real name, phone — all optional), household, my roles per
 * community, elder mode, the privacy guide, and the entries for my duties (secretaries:
 * 成员与角色 / 操作记录 / 未送达的消息; building heads: 我代办的居民).
 */
import { homeCommunityId } from '../../services/community'
import { useEffect, useState } from 'react'
import { View, Text, Image, Input, Button, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { Loading } from '../../components/Loading'
import { ErrorState } from '../../components/ErrorState'
import { useSession } from '../../hooks/useSession'
import { useElderMode } from '../../hooks/useElderMode'
import { openConsent, updateProfile } from '../../services/session'
import { toApiError } from '../../services/api'
import { initials, maskPhone } from '../../services/format'
import { go } from '../../services/nav'
import { useQuery } from '../../hooks/useQuery'
import { call } from '../../services/api'
import { HouseholdPicker } from '../../components/HouseholdPicker'
import type { Me } from '@contract/org'
import { HeadWork, Roles, Work } from './Work'
import './index.scss'

function toast(title: string) {
  Taro.showToast({ title, icon: 'none' })
}

async function save(input: Parameters<typeof updateProfile>[0], done = '已保存') {
  try {
    await updateProfile(input)
    toast(done)
  } catch (e) {
    toast(toApiError(e).message)
  }
}

/** weapp: the chosen avatar is a temporary file; upload it to cloud storage and keep the fileID. */
async function onChooseAvatar(userId: string, tempPath: string) {
  try {
    Taro.showLoading({ title: '正在上传' })
    const ext = /\.(\w+)$/.exec(tempPath)?.[1] ?? 'png'
    const up = await Taro.cloud.uploadFile({ cloudPath: `avatars/${userId}-${Date.now()}.${ext}`, filePath: tempPath })
    Taro.hideLoading()
    await save({ avatarUrl: up.fileID }, '头像已更新')
  } catch (e) {
    Taro.hideLoading()
    toast(toApiError(e).message)
  }
}

/** A text field saved when it loses focus (and only when it changed). */
function EditableText(props: { value: string; placeholder: string; type?: 'text' | 'nickname'; disabled: boolean; onSave: (v: string) => void; id: string }) {
  const [value, setValue] = useState(props.value)
  useEffect(() => setValue(props.value), [props.value])
  const commit = (v: string) => {
    const t = v.trim()
    if (t && t !== props.value) props.onSave(t)
  }
  return (
    <Input
      id={props.id}
      className='me__input'
      type={props.type as 'text'}
      value={value}
      placeholder={props.placeholder}
      disabled={props.disabled}
      maxlength={20}
      onInput={(e) => setValue(e.detail.value)}
      onBlur={(e) => commit(e.detail.value)}
      onConfirm={(e) => commit(e.detail.value)}
    />
  )
}

/** Points are per community: where I live (confirmed), else my first role's. */
const pointsCommunity = (me: Me | null): string | null => homeCommunityId(me)

export default function MePage() {
  const { me, error, retry, canWrite } = useSession()
  const { elder, setElder } = useElderMode()
  const [picking, setPicking] = useState(false)
  const communityId = pointsCommunity(me)
  const balance = useQuery(me && communityId ? `${me.userId}|${communityId}` : null, () => call('points.balance', { communityId: communityId! }))

  if (!me) {
    return <PageShell>{error ? <ErrorState error={error} onRetry={retry} /> : <Loading />}</PageShell>
  }

  const avatar = me.avatarUrl ? (
    <Image className='me__avatar' src={me.avatarUrl} mode='aspectFill' />
  ) : (
    <View className='me__avatar me__avatar--initials'>{initials(me.realName || me.nickname)}</View>
  )

  return (
    <PageShell className='me'>
      <View className='card me__profile'>
        {process.env.TARO_ENV === 'weapp' && canWrite ? (
          <Button className='me__avatar-btn' openType='chooseAvatar' onChooseAvatar={(e) => onChooseAvatar(me.userId, e.detail.avatarUrl)}>
            {avatar}
          </Button>
        ) : (
          avatar
        )}
        <View className='me__who'>
          <EditableText
            id='me-nickname'
            type='nickname'
            value={me.nickname}
            placeholder='点这里填写昵称'
            disabled={!canWrite}
            onSave={(nickname) => save({ nickname })}
          />
          <Text className='note'>{process.env.TARO_ENV === 'weapp' && canWrite ? '点头像可更换，点昵称可修改' : '点昵称可修改'}</Text>
        </View>
      </View>

      <View className='card'>
        <View className='row'>
          <Text className='row__label'>真实姓名</Text>
          <View className='row__value'>
            <EditableText
              id='me-realname'
              value={me.realName ?? ''}
              placeholder='选填，办事时用'
              disabled={!canWrite}
              onSave={(realName) => save({ realName })}
            />
          </View>
        </View>
        <View className='row'>
          <Text className='row__label'>手机号</Text>
          <Text className='row__value' id='me-phone'>
            {me.phone ? maskPhone(me.phone) : '未填写（选填）'}
          </Text>
          {process.env.TARO_ENV === 'weapp' && canWrite && (
            <Button
              className='btn btn--small me__phone-btn'
              openType='getPhoneNumber'
              onGetPhoneNumber={(e) => {
                const code = (e.detail as { code?: string }).code
                if (code) save({ phoneCode: code }, '手机号已更新')
              }}
            >
              {me.phone ? '更换' : '授权'}
            </Button>
          )}
        </View>
        <View className='row' id='me-household-row' hoverClass='row--hover' onClick={() => setPicking(true)}>
          <Text className='row__label'>我家门牌</Text>
          <Text className='row__value' id='me-household'>
            {me.household?.label ?? '未登记，点这里登记'}
            {me.householdStatus === 'pending' && <Text className='tag me__pending'> 待确认</Text>}
          </Text>
          <Text className='row__arrow'>{me.household ? '更改 ›' : '›'}</Text>
        </View>
        {me.householdNote && (
          <Text className='note me__household-note' id='me-household-note'>
            {me.householdNote}
          </Text>
        )}
        {picking && <HouseholdPicker onDone={() => setPicking(false)} />}
      </View>

      {communityId && (
        <View className='card'>
          <View className='row' id='entry-points' hoverClass='row--hover' onClick={() => go('points.mine')}>
            <Text>我的积分</Text>
            <Text className='row__value me__points'>{balance.data ? `${balance.data.balance} 分` : ''}</Text>
            <Text className='row__arrow'>›</Text>
          </View>
          <View className='row' id='entry-my-orders' hoverClass='row--hover' onClick={() => go('points.orders')}>
            <Text>我的兑换（取货码）</Text>
            <Text className='row__arrow'>›</Text>
          </View>
          <View className='row' id='entry-my-wishes' hoverClass='row--hover' onClick={() => go('wish.mine')}>
            <Text>我的心愿（许的愿 · 认领的）</Text>
            <Text className='row__arrow'>›</Text>
          </View>
          <View className='row' id='entry-my-requests' hoverClass='row--hover' onClick={() => go('requests.mine')}>
            <Text>我的诉求（报修 · 求助 · 建议）</Text>
            <Text className='row__arrow'>›</Text>
          </View>
        </View>
      )}

      <View className='card' id='me-party'>
        <View className='row' id='entry-party' hoverClass='row--hover' onClick={() => go('party.index')}>
          <Text>党员报到</Text>
          <Text className='row__arrow'>›</Text>
        </View>
        <View className='row' id='entry-activities' hoverClass='row--hover' onClick={() => go('party.activities')}>
          <Text>志愿活动</Text>
          <Text className='row__arrow'>›</Text>
        </View>
        {communityId && (
          <View className='row' id='entry-party-record' hoverClass='row--hover' onClick={() => go('party.record', { communityId })}>
            <Text>我的活动记录</Text>
            <Text className='row__arrow'>›</Text>
          </View>
        )}
      </View>

      <Roles me={me} />
      <Work me={me} />
      <HeadWork me={me} />

      <View className='section-title'>设置</View>
      <View className='card'>
        <View className='row me__elder' id='elder-row' onClick={() => setElder(!elder)}>
          <View>
            <Text className='me__elder-title'>长辈模式</Text>
            <Text className='note me__elder-note'>字更大、按钮更大，看得清、点得准</Text>
          </View>
          <Switch id='elder-switch' checked={elder} color='#C8161D' onClick={(e) => e.stopPropagation()} onChange={(e) => setElder(e.detail.value)} />
        </View>
        <View className='row' id='entry-privacy' hoverClass='row--hover' onClick={() => go('privacy')}>
          <Text>隐私保护指引</Text>
          <Text className='row__arrow'>{me.privacy.needsConsent ? '未同意 ›' : '已同意 ›'}</Text>
        </View>
      </View>

      {!canWrite && (
        <Button className='btn btn--primary btn--block' onClick={openConsent}>
          同意隐私保护指引后可修改资料
        </Button>
      )}
    </PageShell>
  )
}
