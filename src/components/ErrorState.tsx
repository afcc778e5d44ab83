import { View, Text, Button } from '@tarojs/components'
import type { ApiCallError } from '../services/api'
import './states.scss'

/** The server's own words (Chinese), and 重试. */
export function ErrorState({ error, onRetry }: { error: Pick<ApiCallError, 'message' | 'code'>; onRetry?: () => void }) {
  return (
    <View className='state state--error'>
      <View className='state__icon'>!</View>
      <Text className='state__text'>{error.message}</Text>
      {onRetry && (
        <Button className='btn' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
