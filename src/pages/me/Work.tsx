/**
 * 我的 → the work a person does for the community, from Me's capabilities (never re-derived from roles):
 * the street admin's 街道工作台; a secretary's duties in each community they administer as its secretary; the
 * queue of requests for grid workers and units' staff (handleRequests).
 * (A street admin opens a community's pages from the street home, where a picker switches between them.)
 */
import { Fragment } from 'react'
import { View, Text } from '@tarojs/components'
import type { CommunityAccess, Me } from '@contract/org'
import { go } from '../../services/nav'
import { communitiesWhere } from '../../services/access'
import { ROLE_LABELS } from '@contract/vocabulary'

/** Everything a secretary looks after in a community, one row each, in the order they are listed. */
const DUTIES = [
  // people and records
  { id: 'entry-members', text: '成员与角色', route: 'admin.members' },
  { id: 'entry-households', text: '住址确认', route: 'admin.households' },
  { id: 'entry-audit', text: '操作记录', route: 'admin.audit' },
  { id: 'entry-undelivered', text: '未送达的消息', route: 'admin.messages' },
  // requests (一键报修 / 吹哨报到)
  { id: 'entry-request-board', text: '诉求看板', route: 'requests.board' },
  { id: 'entry-request-grids', text: '网格与网格员', route: 'requests.grids' },
  { id: 'entry-request-units', text: '责任单位', route: 'requests.units' },
  { id: 'entry-request-settings', text: '诉求时限', route: 'requests.settings' },
  // micro-wishes
  { id: 'entry-wish-review', text: '心愿审核', route: 'wish.adminReview' },
  { id: 'entry-wish-overdue', text: '超期心愿', route: 'wish.adminOverdue' },
  { id: 'entry-wish-stats', text: '心愿统计', route: 'wish.adminStats' },
  { id: 'entry-wish-settings', text: '心愿设置', route: 'wish.adminSettings' },
  // councils (议事)
  { id: 'entry-council-queue', text: '议题审核', route: 'council.queue' },
  { id: 'entry-councils', text: '议事会与成员', route: 'council.councils' },
  { id: 'entry-council-offline', text: '录入线下表决票', route: 'council.offline' },
  { id: 'entry-council-meetings', text: '议事会议', route: 'council.meetings' },
  { id: 'entry-council-points', text: '居民说事点二维码', route: 'council.points' },
  // the points supermarket
  { id: 'entry-verify', text: '核销取货', route: 'points.adminVerify' },
  { id: 'entry-mall-items', text: '商品管理', route: 'points.adminItems' },
  { id: 'entry-mall-orders', text: '兑换订单', route: 'points.adminOrders' },
  { id: 'entry-points-rules', text: '积分规则', route: 'points.adminRules' },
  { id: 'entry-sponsors', text: '共建单位与预算', route: 'points.adminSponsors' },
  { id: 'entry-points-report', text: '积分报表', route: 'points.adminReport' },
  // services (服务预约)
  { id: 'entry-booking-verify', text: '核验预约码 · 今日名单', route: 'services.staff' },
  { id: 'entry-services', text: '服务菜单与统计', route: 'services.manage' },
  // party members (双报到)
  { id: 'entry-party-review', text: '报到审核', route: 'party.adminMembers' },
  { id: 'entry-party-code', text: '报到二维码', route: 'party.adminCode' },
  { id: 'entry-party-activity', text: '发布活动', route: 'party.adminActivity' },
  { id: 'entry-party-pairs', text: '结对管理', route: 'party.adminPairs' },
  { id: 'entry-party-report', text: '双报告', route: 'party.adminReport' },
] as const

function Row({ id, dataId, text, arrow = '›', onClick }: { id?: string; dataId?: string; text: string; arrow?: string; onClick: () => void }) {
  return (
    <View className='row' id={id} data-id={dataId} hoverClass='row--hover' onClick={onClick}>
      <Text>{text}</Text>
      <Text className='row__arrow'>{arrow}</Text>
    </View>
  )
}

export function Work({ me }: { me: Me }) {
  // A secretary's own communities; a street admin's whole street is on the street home instead.
  const secretaryOf: CommunityAccess[] = me.access.filter((a) => a.roles.includes('secretary') && a.can.includes('administer'))
  const several = secretaryOf.length > 1
  // Grid workers and units' staff: the queue of requests they hold.
  const handles = communitiesWhere(me, 'handleRequests').length > 0
  return (
    <>
      {me.streets.length > 0 && (
        <>
          <View className='section-title'>街道工作</View>
          <View className='card'>
            {me.streets.map((s) => (
              <Row key={s.id} id='entry-street' text={`街道工作台（${s.name} · ${s.communityCount} 个社区）`} onClick={() => go('admin.street')} />
            ))}
            {me.streets.map((s) => (
              <Row
                key={`late-${s.id}`}
                id='entry-late-units'
                text={`单位按时率与督办${me.streets.length > 1 ? `（${s.name}）` : ''}`}
                onClick={() => go('requests.late', { streetId: s.id })}
              />
            ))}
            {me.streets.map((s) => (
              <Row
                key={`cov-${s.id}`}
                id='entry-party-coverage'
                text={`党员报到分布${me.streets.length > 1 ? `（${s.name}）` : ''}`}
                onClick={() => go('party.coverage', { streetId: s.id })}
              />
            ))}
          </View>
        </>
      )}
      {(handles || secretaryOf.length > 0) && (
        <>
          <View className='section-title'>诉求处理</View>
          <View className='card'>
            <Row id='entry-request-queue' text='待办诉求' onClick={() => go('requests.queue')} />
          </View>
        </>
      )}
      {secretaryOf.length > 0 && (
        <>
          <View className='section-title'>社区工作</View>
          <View className='card'>
            {secretaryOf.map((c) =>
              DUTIES.map((d) => (
                <Row
                  key={`${c.communityId}-${d.id}`}
                  id={d.id}
                  text={`${d.text}${several ? `（${c.communityName}）` : ''}`}
                  onClick={() => go(d.route, { communityId: c.communityId })}
                />
              )),
            )}
          </View>
        </>
      )}
    </>
  )
}

/** 我的身份: the roles a person holds, where, and a building head's buildings. */
export function Roles({ me }: { me: Me }) {
  return (
    <>
      <View className='section-title'>我的身份</View>
      <View className='card' id='me-roles'>
        {me.roles.length === 0 ? (
          <Text className='muted'>还没有身份。登记门牌、经楼栋长或社区确认后就是社区居民了。</Text>
        ) : (
          me.roles.map((r) => (
            <View key={`${r.communityId}-${r.role}`} className='row me__role'>
              <Text>
                {r.communityName} · {ROLE_LABELS[r.role] ?? r.role}
                {r.buildings?.length ? `（负责 ${r.buildings.map((b) => b.name).join('、')}）` : ''}
              </Text>
            </View>
          ))
        )}
      </View>
    </>
  )
}

/** 楼栋长工作: confirming addresses in one's buildings, and the residents one acts for (替TA发心愿, 替TA提议题). */
export function HeadWork({ me }: { me: Me }) {
  const heads = me.roles.filter((r) => r.role === 'building_head')
  if (heads.length === 0) return null
  return (
    <>
      <View className='section-title'>楼栋长工作</View>
      <View className='card' id='me-head-work'>
        {heads.map((r) => (
          <Row
            key={r.communityId}
            id='entry-head-households'
            text={`确认住址（${r.buildings?.map((b) => b.name).join('、') || r.communityName}）`}
            onClick={() => go('admin.households', { communityId: r.communityId })}
          />
        ))}
      </View>
      <View className='section-title'>我代办的居民</View>
      <View className='card' id='me-proxy'>
        {me.proxyFor.length === 0 ? (
          <Text className='muted'>还没有登记代办的居民。请社区书记为不方便用手机的老人登记由您代办。</Text>
        ) : (
          me.proxyFor.map((p) => (
            <Fragment key={p.userId}>
              <Row dataId={p.userId} text={p.name} arrow='替TA发心愿 ›' onClick={() => go('wish.post', { onBehalfOf: p.userId, name: p.name })} />
              <Row text={p.name} arrow='替TA提议题 ›' onClick={() => go('council.new', { onBehalfOf: p.userId, name: p.name })} />
              <Row text={p.name} arrow='替TA报修 ›' onClick={() => go('requests.index', { onBehalfOf: p.userId, name: p.name })} />
            </Fragment>
          ))
        )}
      </View>
    </>
  )
}
