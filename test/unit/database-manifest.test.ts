/**
 * The database manifest (cloudfunctions/api/database.json) lists every collection the cloud function
 * touches: WeChat Cloud answers any read or write on a collection that was not created with -502005
 * DATABASE_COLLECTION_NOT_EXIST, and add() does not create one. This scans the function's source for
 * collection names — string constants passed to `collection(` (and to the helpers that forward a name to it),
 * and the name tables of every repo.ts, each name resolved through the file's own imports (several areas call
 * their table `K`) — and fails when the manifest lacks one, or lists one nobody uses.
 */
import * as fs from 'fs'
import * as path from 'path'
import * as ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')
const SRC = path.join(ROOT, 'cloudfunctions', 'api', 'src')
const MANIFEST = path.join(ROOT, 'cloudfunctions', 'api', 'database.json')

/** Functions that take a collection name and pass it on to db.collection(): argument index of the name. */
const HELPERS: Record<string, number> = {
  getById: 1,
  findMany: 1,
  getMany: 1,
  readAll: 1,
  updateWhere: 1,
  countByCommunity: 1,
  ensureDoc: 1,
  txGet: 1,
  pageAfter: 1,
  newestFirstPage: 1,
}

function sources(dir: string): ts.SourceFile[] {
  const out: ts.SourceFile[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...sources(p))
    else if (e.name.endsWith('.ts')) out.push(ts.createSourceFile(p, fs.readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, true))
  }
  return out
}

const unwrap = (e: ts.Expression): ts.Expression =>
  ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e
const rel = (f: ts.SourceFile, n: ts.Node) => `${path.relative(ROOT, f.fileName)}:${f.getLineAndCharacterOfPosition(n.getStart()).line + 1}`

function scan() {
  const files = sources(SRC)
  /**
   * `export const X = { key: 'name', ... }` tables and `export const X = 'name'` constants, per file and
   * identifier (several areas name their table `K`: each use is resolved through its own file's imports).
   */
  const tables = new Map<string, Map<string, Map<string, string>>>() // file -> identifier -> key -> name
  const consts = new Map<string, Map<string, string>>() // file -> identifier -> name
  const tableValues = new Map<string, string>() // name -> where the table is
  for (const f of files) {
    const ft = new Map<string, Map<string, string>>()
    const fc = new Map<string, string>()
    tables.set(f.fileName, ft)
    consts.set(f.fileName, fc)
    for (const st of f.statements) {
      if (!ts.isVariableStatement(st)) continue
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue
        const init = unwrap(d.initializer)
        if (ts.isStringLiteral(init)) fc.set(d.name.text, init.text)
        if (
          ts.isObjectLiteralExpression(init) &&
          init.properties.length > 0 &&
          init.properties.every((p) => ts.isPropertyAssignment(p) && ts.isStringLiteral(unwrap(p.initializer)))
        ) {
          const m = new Map<string, string>()
          for (const p of init.properties as ts.NodeArray<ts.PropertyAssignment>) m.set(p.name.getText(f), (unwrap(p.initializer) as ts.StringLiteral).text)
          ft.set(d.name.text, m)
          if (path.basename(f.fileName) === 'repo.ts') for (const v of m.values()) tableValues.set(v, rel(f, d))
        }
      }
    }
  }
  /** Where an identifier used in a file is declared: the file itself, or the module it is imported from (by its exported name). */
  const origin = (f: ts.SourceFile, id: string): { file: string; name: string } => {
    for (const st of f.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue
      const named = st.importClause?.namedBindings
      if (!named || !ts.isNamedImports(named)) continue
      for (const el of named.elements)
        if (el.name.text === id)
          return { file: path.resolve(path.dirname(f.fileName), st.moduleSpecifier.text) + '.ts', name: (el.propertyName ?? el.name).text }
    }
    return { file: f.fileName, name: id }
  }
  const tableOf = (f: ts.SourceFile, id: string) => {
    const o = origin(f, id)
    return tables.get(o.file)?.get(o.name)
  }
  const constOf = (f: ts.SourceFile, id: string) => {
    const o = origin(f, id)
    return consts.get(o.file)?.get(o.name)
  }

  const used = new Map<string, string>() // name -> first place it is used
  const unresolved: string[] = []
  const forwarders: string[] = []
  for (const f of files) {
    const visit = (n: ts.Node) => {
      // a function with a parameter named `collection` forwards a name: it must be a known helper
      if (
        (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
        n.parameters.some((p) => p.name.getText(f) === 'collection')
      ) {
        const name = ts.isFunctionDeclaration(n) ? n.name?.text : ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(f) : undefined
        if (!name || HELPERS[name] === undefined) forwarders.push(`${rel(f, n)} ${name ?? '(anonymous)'}`)
      }
      if (ts.isCallExpression(n)) {
        let arg: ts.Expression | undefined
        if (ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'collection') arg = n.arguments[0]
        else if (ts.isIdentifier(n.expression) && HELPERS[n.expression.text] !== undefined) arg = n.arguments[HELPERS[n.expression.text]]
        if (arg) {
          const a = unwrap(arg)
          const at = rel(f, a)
          const forwarded = ts.isIdentifier(a) && a.text === 'collection' // a helper passing its parameter on (checked above)
          let name: string | undefined
          if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) name = a.text
          else if (ts.isPropertyAccessExpression(a) && ts.isIdentifier(a.expression) && tableOf(f, a.expression.text))
            name = tableOf(f, a.expression.text)!.get(a.name.text)
          else if (ts.isIdentifier(a) && constOf(f, a.text) !== undefined) name = constOf(f, a.text)
          if (name !== undefined) {
            if (!used.has(name)) used.set(name, at)
          } else if (!forwarded) unresolved.push(`${at} ${a.getText(f)}`)
        }
      }
      ts.forEachChild(n, visit)
    }
    visit(f)
  }
  return { used, tableValues, unresolved, forwarders }
}

const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { collections: Record<string, { purpose: string; indexes: unknown[]; localOnly?: boolean }> }
const { used, tableValues, unresolved, forwarders } = scan()

test('every collection name in the function can be read from its source (a literal, a repo.ts table entry or a constant)', () => {
  expect(unresolved).toEqual([])
  expect(forwarders).toEqual([])
  expect(used.size).toBeGreaterThan(20)
})

test('the manifest lists every collection the function touches', () => {
  const missing = [...new Set([...used.keys(), ...tableValues.keys()])].filter((n) => !manifest.collections[n] || manifest.collections[n].localOnly)
  expect(missing.map((n) => `${n} (${used.get(n) ?? tableValues.get(n)})`)).toEqual([])
  // the ones that were once missing because no index named them
  for (const n of ['streets', 'mall_quotas', 'point_caps', 'point_settings', 'wish_settings', 'party_pair_settings']) expect(used.has(n)).toBe(true)
})

test('the manifest lists nothing the function does not touch (except local-only collections), each with a purpose', () => {
  const stale = Object.keys(manifest.collections).filter((n) => !manifest.collections[n].localOnly && !used.has(n) && !tableValues.has(n))
  expect(stale).toEqual([])
  for (const [n, c] of Object.entries(manifest.collections)) {
    expect([n, typeof c.purpose === 'string' && c.purpose.length > 10]).toEqual([n, true])
    expect([n, Array.isArray(c.indexes)]).toEqual([n, true])
  }
})
