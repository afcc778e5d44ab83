/** The clock is injected so tests control time; commands never call `new Date()` themselves. */
export type Clock = () => Date
export const systemClock: Clock = () => new Date()
