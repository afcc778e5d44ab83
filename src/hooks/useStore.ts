import { useEffect, useState } from 'react'
import { getState, subscribe, type AppState } from '../services/store'

/** Re-renders when the selected slice of the app store changes. */
export function useStore<T>(select: (s: AppState) => T): T {
  const [value, setValue] = useState(() => select(getState()))
  useEffect(() => {
    const update = () => setValue(() => select(getState()))
    update()
    return subscribe(update)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once; select is read fresh on every update
  }, [])
  return value
}
