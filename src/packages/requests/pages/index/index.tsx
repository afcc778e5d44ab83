/**
 * 一键报修 / 求助 / 意见建议: the category first (big tiles; a personal need is pointed to 微心愿), then a few
 * fields and a photo, then done — who it went to and the clock it runs on. A building head reports for a
 * neighbour they act for (?onBehalfOf=&name= preselects, from 我的); a secretary or grid worker enters one a
 * resident phoned in, wrote to the letterbox or said at the door.
 */
import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { TemplateName } from '@contract/templates'
import type { RequestCategory, RequestDetail } from '@contract/requests'
import { Guard, Loaded } from '../../../../components/Guard'
import { useSession } from '../../../../hooks/useSession'
import { useHomeCommunity } from '../../../../hooks/useCommunity'
import { useQuery } from '../../../../hooks/useQuery'
import { call } from '../../../../services/api'
import { accessIn, can } from '../../../../services/access'
import { ROUTES } from '../../../../routes'
import { CategoryTiles } from '../../components/Tiles'
import { ReportForm } from '../../components/ReportForm'
import { Reported } from '../../components/Reported'
import { NO_REQUEST_COMMUNITY } from '../../shared'
import '../../requests.scss'

export default function Report() {
  const { me } = useSession()
  const { params } = useRouter()
  const communityId = useHomeCommunity(me)
  const key = me && communityId ? `${me.userId}|${communityId}` : null
  const form = useQuery(key, () => Promise.all([call('org.tree', { communityId: communityId! }), call('request.settings', { communityId: communityId! })]))
  const [category, setCategory] = useState<RequestCategory | null>(null)
  const [sent, setSent] = useState<{ r: RequestDetail; notices: TemplateName[] } | null>(null)
  // The entry itself may be shared (never a request: those are private).
  useShareAppMessage(() => ({ title: '有事找网格：一键报修', path: ROUTES['requests.index'] }))

  // Staff who may enter one for a resident: the secretary (or street admin) and the community's grid workers.
  const staff = can(me, communityId, 'administer') || !!accessIn(me, communityId)?.roles.includes('grid_worker')
  return (
    <Guard communityId={communityId} noCommunity={NO_REQUEST_COMMUNITY} className='requests'>
      {(me) =>
        sent ? (
          <Reported r={sent.r} notices={sent.notices} />
        ) : !category ? (
          <CategoryTiles onPick={setCategory} />
        ) : (
          <Loaded query={form}>
            {([tree, settings]) => (
              <ReportForm
                me={me}
                communityId={communityId!}
                category={category}
                staff={staff}
                onBehalfOf={params.onBehalfOf}
                tree={tree}
                settings={settings}
                onBack={() => setCategory(null)}
                onSent={(r, notices) => {
                  setSent({ r, notices })
                  Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
                }}
              />
            )}
          </Loaded>
        )
      }
    </Guard>
  )
}
