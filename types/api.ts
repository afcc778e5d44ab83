/**
 * The action registry: every action's name, input schema and output type, in one place.
 * The cloud function validates inputs with these schemas; the client imports only the types
 * (`import type`), so none of zod reaches the mini-program bundle.
 */
import type { z } from 'zod'
import * as org from './org'
import type { AuditEntry, CommunityView, HouseholdOption, Me, MemberDetail, MemberListItem, RoleView, TreeView } from './org'
import type { Page } from './common'

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
}

export type ActionName = keyof typeof actionInputs
export type ActionInput<A extends ActionName> = z.input<(typeof actionInputs)[A]>
export type ActionOutput<A extends ActionName> = A extends keyof ActionOutputs ? ActionOutputs[A] : never
