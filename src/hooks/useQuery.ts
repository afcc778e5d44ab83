import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiCallError } from '../services/api'

/**
 * Loads data once `key` is non-null and again whenever it changes (e.g. when the person or
 * community changes). The latest answer wins; stale answers are dropped.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [loading, setLoading] = useState(false)
  const ticket = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback(() => {
    const my = ++ticket.current
    setLoading(true)
    setError(null)
    loadRef
      .current()
      .then((d) => {
        if (my === ticket.current) setData(d)
      })
      .catch((e: unknown) => {
        if (my === ticket.current) setError(toApiError(e))
      })
      .finally(() => {
        if (my === ticket.current) setLoading(false)
      })
  }, [])

  useEffect(() => {
    if (key !== null) run()
  }, [key, run])

  return { data, error, loading: loading || (key !== null && data === null && error === null), reload: run, setData }
}

/** Cursor paging ("加载更多" and infinite scroll) over a `{ items, nextCursor }` action. */
export function usePaged<T>(key: string | null, loadPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [loading, setLoading] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const ticket = useRef(0)
  const busy = useRef(false)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const fetchPage = useCallback((from: string | undefined, replace: boolean) => {
    const my = replace ? ++ticket.current : ticket.current
    busy.current = true
    setLoading(true)
    setError(null)
    loadRef
      .current(from)
      .then((page) => {
        if (my !== ticket.current) return
        setItems((prev) => (replace ? page.items : prev.concat(page.items)))
        setCursor(page.nextCursor)
        setDone(page.nextCursor === null)
        setLoaded(true)
      })
      .catch((e: unknown) => {
        if (my === ticket.current) setError(toApiError(e))
      })
      .finally(() => {
        if (my === ticket.current) {
          busy.current = false
          setLoading(false)
        }
      })
  }, [])

  const reload = useCallback(() => {
    setItems([])
    setCursor(null)
    setDone(false)
    setLoaded(false)
    fetchPage(undefined, true)
  }, [fetchPage])

  useEffect(() => {
    if (key !== null) reload()
  }, [key, reload])

  const loadMore = useCallback(() => {
    if (busy.current || done || cursor === null) return
    fetchPage(cursor, false)
  }, [cursor, done, fetchPage])

  return { items, setItems, error, loading, loaded, done, loadMore, reload }
}
