/** The shared form pieces (src/components/Field.tsx), under the names the party pages import. */
export { Field, Area, Choice, Tags, intOrNull } from '../../../components/Field'
