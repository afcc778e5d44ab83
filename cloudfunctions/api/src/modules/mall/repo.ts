/** Collections of the points supermarket. Stock holds live on the item; quotas per person per item. */
export const M = {
  items: 'mall_items',
  orders: 'mall_orders',
  quotas: 'mall_quotas',
} as const

export interface StockHold {
  orderId: string
  quantity: number
  at: Date
}
