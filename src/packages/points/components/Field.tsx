/** The shared form pieces (src/components/Field.tsx), under the names the points pages import. */
export { Field, Choice, Toggle, intOrNull } from '../../../components/Field'
