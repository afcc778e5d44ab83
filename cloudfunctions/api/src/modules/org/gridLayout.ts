/**
 * Grids 网格 as a layout of the community's buildings (pure: no I/O). A grid covers whole compounds
 * (`compoundIds`) and/or single buildings of other compounds (`buildingIds`); every building belongs to at
 * most ONE grid. org.setGrid refuses a layout that breaks this; request dispatch asks request/repo.ts
 * gridOfBuilding (the grid listing the building, else its compound's).
 */
import type { Building, Compound, Grid, User } from '../../../../../types/org'
import type { GridView } from '../../../../../types/requests'
import { maskName } from './rules'

type GridShape = Pick<Grid, '_id' | 'name' | 'compoundIds' | 'buildingIds'>
type BuildingRef = Pick<Building, '_id' | 'compoundId'>

/** Every building a grid covers: the buildings of its compounds and the ones it lists. */
export function buildingsOf(grid: Pick<Grid, 'compoundIds' | 'buildingIds'>, buildings: readonly BuildingRef[]): string[] {
  const listed = new Set(grid.buildingIds ?? [])
  return buildings.filter((b) => grid.compoundIds.includes(b.compoundId) || listed.has(b._id)).map((b) => b._id)
}

/**
 * Why `next` (a new or changed grid) cannot join the other grids of the community, in words the secretary
 * understands; null when every building it covers belongs to no other grid.
 */
export function overlapOf(
  next: Pick<Grid, '_id' | 'compoundIds' | 'buildingIds'>,
  others: readonly GridShape[],
  compounds: readonly Pick<Compound, '_id' | 'name'>[],
  buildings: readonly (BuildingRef & Pick<Building, 'name'>)[],
): string | null {
  const compoundName = (id: string) => compounds.find((c) => c._id === id)?.name ?? ''
  const buildingName = (id: string) => {
    const b = buildings.find((x) => x._id === id)
    return b ? `${compoundName(b.compoundId)}${b.name}` : ''
  }
  for (const g of others) {
    if (g._id === next._id) continue
    const sharedCompound = next.compoundIds.find((id) => g.compoundIds.includes(id))
    if (sharedCompound) return `「${compoundName(sharedCompound)}」已经属于「${g.name}」，一个楼栋只能属于一个网格，请先从那个网格移出`
    const mine = new Set(buildingsOf(next, buildings))
    const theirs = buildingsOf(g, buildings)
    const shared = theirs.find((id) => mine.has(id))
    if (shared) return `「${buildingName(shared)}」已经属于「${g.name}」，一个楼栋只能属于一个网格，请先从那个网格移出`
  }
  return null
}

/** The grid each compound of the community points at once `grids` is the layout (compounds' gridId kept in step). */
export function compoundGrids(grids: readonly Pick<Grid, '_id' | 'compoundIds'>[], compounds: readonly Pick<Compound, '_id'>[]): Map<string, string | null> {
  return new Map(compounds.map((c) => [c._id, grids.find((g) => g.compoundIds.includes(c._id))?._id ?? null]))
}

/** A grid as the secretary sees it (the worker's full name: the secretary appointed them). */
export function gridView(g: Grid, worker: Pick<User, '_id' | 'realName' | 'nickname'> | null | undefined, fullName = true): GridView {
  return {
    id: g._id,
    name: g.name,
    compoundIds: g.compoundIds,
    buildingIds: g.buildingIds ?? [],
    worker: worker ? { userId: worker._id, name: fullName ? worker.realName || worker.nickname : maskName(worker.realName || worker.nickname) } : null,
  }
}
