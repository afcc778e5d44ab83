/**
 * A rating, 1–5 stars: tap a star to choose (with its word under the row), or `StarLine` to show one.
 * Styles: src/styles/_story.scss .stars* (ratings close a story: a wish confirmed, a request closed).
 *
 *   <Stars id='wish-stars' value={stars} onChange={setStars} />      tests tap `.star[data-n="5"]`
 */
import { View, Text } from '@tarojs/components'

const STAR_WORDS = ['', '不太满意', '一般', '还不错', '很满意', '非常满意，谢谢！']

export function Stars({ value, onChange, id }: { value: number; onChange: (n: number) => void; id?: string }) {
  return (
    <>
      <View className='stars' id={id}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`star${n <= value ? ' star--on' : ''}`} data-n={n} onClick={() => onChange(n)}>
            ★
          </Text>
        ))}
      </View>
      <Text className='stars__word'>
        {value} 星 · {STAR_WORDS[value]}
      </Text>
    </>
  )
}

/** ★★★★☆ */
export const starLine = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars)
