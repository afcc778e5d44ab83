/**
 * A stand-in for the Tencent Cloud API behind `@cloudbase/manager-node`, for tests only: it replaces the one
 * method every manager service sends through (`CloudService.prototype.request(action, data)`), records each
 * call and answers from an in-memory environment (collections with indexes and ACL, functions with triggers).
 * The manager's own code (parameter building, the zip packer, waiting for a function to be active) runs as is.
 * Shapes follow the Tencent Cloud API docs (tcb 2018-06-08 DescribeTable/UpdateTable/ModifyDatabaseACL,
 * scf 2018-04-16 GetFunction/CreateFunction/BatchCreateTrigger); an action it does not know throws.
 */

const { CloudService } = require('@cloudbase/manager-node/lib/utils/cloud-api-request')

export interface Call {
  service: string
  action: string
  data: any
}

interface Table {
  indexes: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]
  acl: string
}
interface Fn {
  Runtime: string
  Handler: string
  Timeout: number
  Description: string
  MemorySize: number
  InstallDependency: string
  zipBytes: number
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[]
}

export const READS = new Set(['DescribeEnvInfo', 'ListTables', 'DescribeTable', 'DescribeDatabaseACL', 'ListFunctions', 'GetFunction'])

export class FakeTencentCloud {
  calls: Call[] = []
  tables = new Map<string, Table>()
  functions = new Map<string, Fn>()
  private original: any

  constructor(readonly envId: string) {}

  install(): this {
    this.original = CloudService.prototype.request
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched prototype method runs with the SDK's this, and needs the fake
    const fake = this
    CloudService.prototype.request = async function (this: { service: string }, action: string, data: any = {}) {
      fake.calls.push({ service: this.service, action, data: JSON.parse(JSON.stringify(data)) })
      return fake.answer(this.service, action, data)
    }
    return this
  }

  restore(): void {
    if (this.original) CloudService.prototype.request = this.original
  }

  writes(): Call[] {
    return this.calls.filter((c) => !READS.has(c.action))
  }

  private notFound(what: string): never {
    const err: any = new Error(`${what} not found`)
    err.code = 'ResourceNotFound'
    throw err
  }

  private answer(service: string, action: string, d: any): any {
    const RequestId = `fake-${this.calls.length}`
    switch (`${service}:${action}`) {
      case 'tcb:DescribeEnvInfo':
        return {
          RequestId,
          EnvInfo: {
            EnvBaseInfo: {
              EnvId: this.envId,
              Databases: [{ InstanceId: 'tnt-fake' }],
              Functions: [{ Namespace: this.envId }],
              Storages: [{ AppId: '1250000000', Bucket: 'b-1250000000' }],
              LogServices: [],
            },
          },
        }
      case 'tcb:ListTables': {
        const names = [...this.tables.keys()].sort()
        const page = names.slice(d.MgoOffset ?? 0, (d.MgoOffset ?? 0) + (d.MgoLimit ?? 100))
        return {
          RequestId,
          Tables: page.map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: 0, IndexSize: 0 })),
          Pager: { Offset: d.MgoOffset, Limit: d.MgoLimit, Total: names.length },
        }
      }
      case 'tcb:DescribeTable': {
        const t = this.tables.get(d.TableName) ?? this.notFound(`table ${d.TableName}`)
        return { RequestId, Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...t.indexes], IndexNum: t.indexes.length + 1 }
      }
      case 'tcb:CreateTable':
        if (this.tables.has(d.TableName)) throw Object.assign(new Error('table exists'), { code: 'ResourceInUse' })
        this.tables.set(d.TableName, { indexes: [], acl: 'PRIVATE' })
        return { RequestId }
      case 'tcb:UpdateTable': {
        const t = this.tables.get(d.TableName) ?? this.notFound(`table ${d.TableName}`)
        for (const drop of d.DropIndexes ?? []) t.indexes = t.indexes.filter((i) => i.Name !== drop.IndexName)
        for (const c of d.CreateIndexes ?? []) {
          if (t.indexes.some((i) => i.Name === c.IndexName)) throw Object.assign(new Error(`index ${c.IndexName} exists`), { code: 'InvalidParameter' })
          t.indexes.push({
            Name: c.IndexName,
            Keys: c.MgoKeySchema.MgoIndexKeys.map((k: any) => ({ Name: k.Name, Direction: String(k.Direction) })),
            Unique: !!c.MgoKeySchema.MgoIsUnique,
          })
        }
        return { RequestId }
      }
      case 'tcb:DescribeDatabaseACL':
        return { RequestId, AclTag: (this.tables.get(d.CollectionName) ?? this.notFound(`collection ${d.CollectionName}`)).acl }
      case 'tcb:ModifyDatabaseACL':
        ;(this.tables.get(d.CollectionName) ?? this.notFound(`collection ${d.CollectionName}`)).acl = d.AclTag
        return { RequestId }
      case 'tcb:ListFunctions': {
        const names = [...this.functions.keys()]
        const page = names.slice(d.Offset ?? 0, (d.Offset ?? 0) + (d.Limit ?? 20))
        return { RequestId, Functions: page.map((FunctionName) => ({ FunctionName, Status: 'Active' })), TotalCount: names.length }
      }
      case 'scf:GetFunction': {
        const f = this.functions.get(d.FunctionName) ?? this.notFound(`function ${d.FunctionName}`)
        return { RequestId, FunctionName: d.FunctionName, Status: 'Active', ...f }
      }
      case 'scf:CreateFunction':
        if (this.functions.has(d.FunctionName)) throw Object.assign(new Error('exists'), { code: 'ResourceInUse.FunctionName' })
        this.functions.set(d.FunctionName, {
          Runtime: d.Runtime,
          Handler: d.Handler,
          Timeout: d.Timeout ?? 3,
          Description: d.Description ?? '',
          MemorySize: d.MemorySize,
          InstallDependency: d.InstallDependency,
          zipBytes: Buffer.from(d.Code?.ZipFile ?? '', 'base64').length,
          Triggers: [],
        })
        return { RequestId }
      case 'scf:UpdateFunctionCode': {
        const f = this.functions.get(d.FunctionName) ?? this.notFound(`function ${d.FunctionName}`)
        f.Handler = d.Handler
        f.zipBytes = Buffer.from(d.Code?.ZipFile ?? '', 'base64').length
        return { RequestId }
      }
      case 'scf:UpdateFunctionConfiguration': {
        const f = this.functions.get(d.FunctionName) ?? this.notFound(`function ${d.FunctionName}`)
        if (d.Timeout !== undefined) f.Timeout = d.Timeout
        if (d.Description !== undefined) f.Description = d.Description
        return { RequestId }
      }
      case 'scf:BatchCreateTrigger': {
        const f = this.functions.get(d.FunctionName) ?? this.notFound(`function ${d.FunctionName}`)
        for (const t of JSON.parse(d.Triggers)) {
          if (f.Triggers.some((x) => x.TriggerName === t.TriggerName)) throw Object.assign(new Error('trigger exists'), { code: 'ResourceInUse.Trigger' })
          f.Triggers.push({ TriggerName: t.TriggerName, Type: t.Type, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) })
        }
        return { RequestId }
      }
      case 'scf:DeleteTrigger': {
        const f = this.functions.get(d.FunctionName) ?? this.notFound(`function ${d.FunctionName}`)
        f.Triggers = f.Triggers.filter((t) => t.TriggerName !== d.TriggerName)
        return { RequestId }
      }
      default:
        throw new Error(`fake Tencent Cloud: unexpected ${service}:${action} ${JSON.stringify(d).slice(0, 200)}`)
    }
  }
}
