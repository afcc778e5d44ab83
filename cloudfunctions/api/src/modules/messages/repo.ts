/**
 * Collections of the messages module. `subscriptions` is read by _id (`<userId>_<template>`) here; the local
 * WeChat stand-in finds a document by (openid, templateId) (index openid_template). `message_failures` is
 * listed per community newest first (index community_at_id).
 */
export const MSG = {
  subscriptions: 'subscriptions',
  failures: 'message_failures',
} as const

export const subscriptionId = (userId: string, template: string) => `${userId}_${template}`
