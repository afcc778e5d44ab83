/** The shared bottom sheet (src/components/Sheet.tsx) with the wish pages' test hook #wish-sheet. */
import { Sheet as SharedSheet, type SheetProps } from '../../../components/Sheet'

export function Sheet(props: SheetProps) {
  return <SharedSheet id='wish-sheet' {...props} />
}
