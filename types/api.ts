/**
 * The action registry: every action's name, input schema and output type, in one place.
 * The cloud function validates inputs with these schemas; the client imports only the types
 * (`import type`), so none of zod reaches the mini-program bundle.
 */
import type * as z from 'zod/mini'
import * as org from './org'
import * as points from './points'
import * as wish from './wish'
import * as party from './party'
import * as messages from './messages'
import * as council from './council'
import * as requests from './requests'
import * as services from './services'
import * as counters from './counters'
import type { AuditEntry, StreetView, CommunityView, HouseholdClaim, HouseholdOption, Me, MemberDetail, MemberListItem, RoleView, TreeView } from './org'
import type { Page } from './common'
import type {
  ActivityDetail,
  ActivityView,
  CheckinCode,
  CoverageView,
  MemberRecord,
  PairSettings,
  PairView,
  PartyReportView,
  PostView,
  RegistrationView,
  SceneView,
} from './party'
import type { WishCard, WishDetail, WishSettings, WishStats } from './wish'
import type { RecountView } from './counters'
import type { SubscribedView, UndeliveredItem } from './messages'
import type { BookingView, ErrandView, ServiceCard, ServiceDetail, ServiceStats, SlotView, VenueCard } from './services'
import type { FoundPerson, GridView, LateUnitView, RequestCard, RequestDetail, RequestSettings, RequestStats, UnitView } from './requests'
import type { CouncilStats, CouncilView, MeetingView, ResidencyView, TalkPointPoster, TalkPointView, TopicCard, TopicDetail, CommentView } from './council'
import type { BalanceView, ItemView, OrderView, ReportView, RulesView, SponsorView, StatementLine } from './points'

export const actionInputs = {
  'org.login': org.LoginInput,
  'org.me': org.MeInput,
  'org.updateProfile': org.UpdateProfileInput,
  'org.communities': org.CommunitiesInput,
  'org.tree': org.TreeInput,
  'org.households': org.HouseholdsInput,
  'org.assignRole': org.AssignRoleInput,
  'org.revokeRole': org.RevokeRoleInput,
  'org.members': org.MembersInput,
  'org.member': org.MemberInput,
  'org.setProxy': org.SetProxyInput,
  'org.audit': org.AuditInput,
  'org.householdQueue': org.HouseholdQueueInput,
  'org.confirmHousehold': org.ConfirmHouseholdInput,
  'org.subscribed': messages.SubscribedInput,
  'org.undelivered': messages.UndeliveredInput,
  'org.street': org.StreetInput,
  'points.balance': points.BalanceInput,
  'points.statement': points.StatementInput,
  'points.rules': points.RulesInput,
  'points.setRule': points.SetRuleInput,
  'points.setExpiry': points.SetExpiryInput,
  'points.grant': points.GrantInput,
  'points.sponsors': points.SponsorsInput,
  'points.setSponsor': points.SetSponsorInput,
  'points.fundSponsor': points.FundSponsorInput,
  'points.report': points.ReportInput,
  'mall.items': points.ItemsInput,
  'mall.item': points.ItemInput,
  'mall.upsertItem': points.UpsertItemInput,
  'mall.redeem': points.RedeemInput,
  'mall.cancel': points.CancelInput,
  'mall.order': points.OrderInput,
  'mall.pickupQr': points.PickupQrInput,
  'mall.myOrders': points.MyOrdersInput,
  'mall.verify': points.VerifyInput,
  'mall.orders': points.OrdersInput,
  'wish.create': wish.WishCreateInput,
  'wish.list': wish.WishListInput,
  'wish.get': wish.WishGetInput,
  'wish.mine': wish.WishMineInput,
  'wish.review': wish.WishReviewInput,
  'wish.reviewQueue': wish.WishQueueInput,
  'wish.claim': wish.WishClaimInput,
  'wish.remind': wish.WishRemindInput,
  'wish.dispatch': wish.WishDispatchInput,
  'wish.release': wish.WishReleaseInput,
  'wish.progress': wish.WishProgressInput,
  'wish.fulfil': wish.WishFulfilInput,
  'wish.confirm': wish.WishConfirmInput,
  'wish.withdraw': wish.WishWithdrawInput,
  'wish.overdue': wish.WishQueueInput,
  'wish.stats': wish.WishStatsInput,
  'counters.recount': counters.CountersRecountInput,
  'wish.settings': wish.WishSettingsInput,
  'wish.setSettings': wish.WishSetSettingsInput,
  'wish.convert': wish.WishConvertInput,
  'party.registerCode': party.RegisterCodeInput,
  'party.resolveScene': party.ResolveSceneInput,
  'party.register': party.RegisterInput,
  'party.myRegistration': party.MyRegistrationInput,
  'party.review': party.PartyReviewInput,
  'party.members': party.PartyMembersInput,
  'party.pledge': party.PledgeInput,
  'party.pledgeDone': party.PledgeDoneInput,
  'post.list': party.PostListInput,
  'post.upsert': party.PostUpsertInput,
  'post.claim': party.PostClaimInput,
  'post.leave': party.PostClaimInput,
  'pair.assign': party.PairAssignInput,
  'pair.mine': party.PairMineInput,
  'pair.list': party.PairListInput,
  'pair.logVisit': party.PairLogVisitInput,
  'pair.settings': party.PairSettingsInput,
  'pair.setSettings': party.PairSetSettingsInput,
  'activity.list': party.ActivityListInput,
  'activity.get': party.ActivityGetInput,
  'activity.upsert': party.ActivityUpsertInput,
  'activity.cancel': party.ActivityCancelInput,
  'activity.signUp': party.ActivitySignUpInput,
  'activity.withdraw': party.ActivitySignUpInput,
  'activity.checkinCode': party.ActivityCodeInput,
  'activity.checkin': party.ActivityCheckInput,
  'activity.checkout': party.ActivityCheckInput,
  'activity.confirmHours': party.ConfirmHoursInput,
  'party.record': party.PartyRecordInput,
  'party.report': party.PartyReportInput,
  'party.coverage': party.CoverageInput,
  'org.setResidency': council.SetResidencyInput,
  'council.list': council.CouncilListInput,
  'council.get': council.CouncilGetInput,
  'council.upsert': council.CouncilUpsertInput,
  'council.setSeat': council.CouncilSetSeatInput,
  'council.stats': council.CouncilStatsInput,
  'council.talkPoint': council.CouncilTalkPointInput,
  'council.talkPoints': council.CouncilTalkPointsInput,
  'topic.create': council.TopicCreateInput,
  'topic.list': council.TopicListInput,
  'topic.get': council.TopicGetInput,
  'topic.support': council.TopicSupportInput,
  'topic.unsupport': council.TopicSupportInput,
  'topic.review': council.TopicReviewInput,
  'topic.discuss': council.TopicDiscussInput,
  'topic.comment': council.TopicCommentInput,
  'topic.report': council.TopicReportInput,
  'topic.moderate': council.TopicModerateInput,
  'topic.openVote': council.TopicOpenVoteInput,
  'topic.vote': council.TopicVoteInput,
  'topic.recordOfflineVotes': council.TopicRecordOfflineVotesInput,
  'topic.close': council.TopicCloseInput,
  'topic.addMilestone': council.TopicAddMilestoneInput,
  'topic.feedback': council.TopicFeedbackInput,
  'topic.withdraw': council.TopicWithdrawInput,
  'topic.merge': council.TopicMergeInput,
  'topic.retire': council.TopicRetireInput,
  'topic.comments': council.TopicCommentsInput,
  'meeting.upsert': council.MeetingUpsertInput,
  'meeting.list': council.MeetingListInput,
  'request.create': requests.RequestCreateInput,
  'request.get': requests.RequestGetInput,
  'request.mine': requests.RequestMineInput,
  'request.queue': requests.RequestQueueInput,
  'request.board': requests.RequestBoardInput,
  'request.accept': requests.RequestAcceptInput,
  'request.progress': requests.RequestProgressInput,
  'request.resolve': requests.RequestResolveInput,
  'request.confirm': requests.RequestConfirmInput,
  'request.reopen': requests.RequestReopenInput,
  'request.reassign': requests.RequestReassignInput,
  'request.escalate': requests.RequestEscalateInput,
  'request.unitAccept': requests.RequestUnitAcceptInput,
  'request.convert': requests.RequestConvertInput,
  'request.stats': requests.RequestStatsInput,
  'request.cancel': requests.RequestCancelInput,
  'request.settings': requests.RequestSettingsGetInput,
  'request.setSettings': requests.RequestSetSettingsInput,
  'request.lateUnits': requests.RequestLateUnitsInput,
  'request.supervise': requests.RequestSuperviseInput,
  'org.setGrid': requests.SetGridInput,
  'unit.list': requests.UnitListInput,
  'unit.upsert': requests.UnitUpsertInput,
  'unit.setStaff': requests.UnitSetStaffInput,
  'unit.findPerson': requests.UnitFindPersonInput,
  'service.list': services.ServiceListInput,
  'service.get': services.ServiceGetInput,
  'service.upsert': services.ServiceUpsertInput,
  'service.slots': services.ServiceSlotsInput,
  'service.stats': services.ServiceStatsInput,
  'service.demand': services.ServiceDemandInput,
  'booking.create': services.BookingCreateInput,
  'booking.cancel': services.BookingCancelInput,
  'booking.mine': services.BookingMineInput,
  'booking.roster': services.BookingRosterInput,
  'booking.verify': services.BookingVerifyInput,
  'booking.markNoShow': services.BookingMarkNoShowInput,
  'booking.rate': services.BookingRateInput,
  'errand.create': services.ErrandCreateInput,
  'errand.list': services.ErrandListInput,
  'errand.advance': services.ErrandAdvanceInput,
  'venue.list': services.VenueListInput,
  'venue.book': services.VenueBookInput,
  'venue.approve': services.VenueApproveInput,
} as const

export interface ActionOutputs {
  'org.login': Me
  'org.me': Me
  'org.updateProfile': Me
  'org.communities': CommunityView[]
  'org.tree': TreeView
  'org.households': HouseholdOption[]
  'org.assignRole': { userId: string; roles: RoleView[] }
  'org.revokeRole': { userId: string; roles: RoleView[] }
  'org.members': Page<MemberListItem>
  'org.member': MemberDetail
  'org.setProxy': { residentId: string; proxyId: string; enabled: boolean }
  'org.audit': Page<AuditEntry>
  'org.householdQueue': Page<HouseholdClaim>
  'org.confirmHousehold': { userId: string; householdStatus: 'verified' | null }
  'org.subscribed': SubscribedView
  'org.undelivered': Page<UndeliveredItem>
  'org.street': StreetView
  'points.balance': BalanceView
  'points.statement': Page<StatementLine>
  'points.rules': RulesView
  'points.setRule': RulesView
  'points.setExpiry': RulesView
  'points.grant': { userId: string; balance: number; replayed: boolean }
  'points.sponsors': SponsorView[]
  'points.setSponsor': SponsorView[]
  'points.fundSponsor': SponsorView[]
  'points.report': ReportView
  'mall.items': Page<ItemView>
  'mall.item': ItemView
  'mall.upsertItem': ItemView
  'mall.redeem': OrderView
  'mall.cancel': OrderView
  'mall.order': OrderView
  'mall.pickupQr': { code: string; dataUrl: string }
  'mall.myOrders': Page<OrderView>
  'mall.verify': OrderView
  'mall.orders': Page<OrderView>
  'wish.create': WishDetail
  'wish.list': Page<WishCard>
  'wish.get': WishDetail
  'wish.mine': Page<WishCard>
  'wish.review': WishDetail
  'wish.reviewQueue': Page<WishCard>
  'wish.claim': WishDetail
  'wish.remind': WishDetail
  'wish.dispatch': WishDetail
  'wish.release': WishDetail
  'wish.progress': WishDetail
  'wish.fulfil': WishDetail
  'wish.confirm': WishDetail
  'wish.withdraw': WishDetail
  'wish.overdue': Page<WishCard>
  'wish.stats': WishStats
  'counters.recount': RecountView
  'wish.settings': WishSettings
  'wish.setSettings': WishSettings
  'wish.convert': RequestDetail
  'party.registerCode': { scene: string; page: string; qr: string }
  'party.resolveScene': SceneView
  'party.register': RegistrationView
  'party.myRegistration': { current: RegistrationView | null; history: RegistrationView[] }
  'party.review': RegistrationView
  'party.members': Page<RegistrationView>
  'party.pledge': RegistrationView
  'party.pledgeDone': RegistrationView
  'post.list': PostView[]
  'post.upsert': PostView
  'post.claim': PostView
  'post.leave': PostView
  'pair.assign': { pairId: string; active: boolean }
  'pair.mine': PairView[]
  'pair.list': PairView[]
  'pair.logVisit': { visits: number; lastVisitAt: string }
  'pair.settings': PairSettings
  'pair.setSettings': PairSettings
  'activity.list': Page<ActivityView>
  'activity.get': ActivityDetail
  'activity.upsert': ActivityView
  'activity.cancel': ActivityView
  'activity.signUp': ActivityView
  'activity.withdraw': ActivityView
  'activity.checkinCode': CheckinCode
  'activity.checkin': ActivityDetail
  'activity.checkout': ActivityDetail
  'activity.confirmHours': {
    confirmed: number
    noShows: number
    credited: number
    /** still checked in: confirmed on a later call */ stillIn: number
    activity: ActivityDetail
  }
  'party.record': MemberRecord
  'party.report': PartyReportView
  'party.coverage': CoverageView
  'org.setResidency': ResidencyView
  'council.list': CouncilView[]
  'council.get': CouncilView
  'council.upsert': CouncilView
  'council.setSeat': CouncilView
  'council.stats': CouncilStats
  'council.talkPoint': TalkPointPoster
  'council.talkPoints': TalkPointView[]
  'topic.create': TopicDetail
  'topic.list': Page<TopicCard>
  'topic.get': TopicDetail
  'topic.support': TopicDetail
  'topic.unsupport': TopicDetail
  'topic.review': TopicDetail
  'topic.discuss': TopicDetail
  'topic.comment': TopicDetail
  'topic.report': { reported: boolean; hidden: boolean }
  'topic.moderate': TopicDetail
  'topic.openVote': TopicDetail
  'topic.vote': TopicDetail
  'topic.recordOfflineVotes': { recorded: number; refused: { voterId: string; why: string }[]; topic: TopicDetail }
  'topic.close': TopicDetail
  'topic.addMilestone': TopicDetail
  'topic.feedback': TopicDetail
  'topic.withdraw': TopicDetail
  'topic.merge': TopicDetail
  'topic.retire': TopicDetail
  'topic.comments': Page<CommentView>
  'meeting.upsert': MeetingView
  'meeting.list': Page<MeetingView>
  'request.create': RequestDetail
  'request.get': RequestDetail
  'request.mine': Page<RequestCard>
  'request.queue': Page<RequestCard>
  'request.board': Page<RequestCard>
  'request.accept': RequestDetail
  'request.progress': RequestDetail
  'request.resolve': RequestDetail
  'request.confirm': RequestDetail
  'request.reopen': RequestDetail
  'request.reassign': RequestDetail
  'request.escalate': RequestDetail
  'request.unitAccept': RequestDetail
  'request.convert': RequestDetail
  'request.stats': RequestStats
  'request.cancel': RequestDetail
  'request.settings': RequestSettings
  'request.setSettings': RequestSettings
  'request.lateUnits': LateUnitView[]
  'request.supervise': { notified: number; requests: number }
  'org.setGrid': GridView
  'unit.list': UnitView[]
  'unit.upsert': UnitView
  'unit.setStaff': UnitView
  'unit.findPerson': { people: FoundPerson[] }
  'service.list': Page<ServiceCard>
  'service.get': ServiceDetail
  'service.upsert': ServiceDetail
  'service.slots': SlotView[]
  'service.stats': ServiceStats
  'service.demand': { counted: boolean }
  'booking.create': BookingView
  'booking.cancel': BookingView
  'booking.mine': Page<BookingView>
  'booking.roster': Page<BookingView>
  'booking.verify': BookingView
  'booking.markNoShow': BookingView
  'booking.rate': BookingView
  'errand.create': ErrandView
  'errand.list': Page<ErrandView>
  'errand.advance': ErrandView
  'venue.list': VenueCard[]
  'venue.book': BookingView
  'venue.approve': BookingView
}

export type ActionName = keyof typeof actionInputs
export type ActionInput<A extends ActionName> = z.input<(typeof actionInputs)[A]>
export type ActionOutput<A extends ActionName> = A extends keyof ActionOutputs ? ActionOutputs[A] : never
