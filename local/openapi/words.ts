/**
 * Word list of the local msgSecCheck stand-in. Content containing a `risky` word is answered
 * with suggest 'risky', one containing only `review` words with suggest 'review', else 'pass'.
 * Labels are the documented msgSecCheck v2 labels:
 * 100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 21000 other.
 */
export interface WordRule {
  word: string
  label: number
}

export const RISKY_WORDS: WordRule[] = [
  { word: '赌博', label: 20006 },
  { word: '毒品', label: 20006 },
  { word: '枪支', label: 20006 },
  { word: '代开发票', label: 20008 },
  { word: '刷单', label: 20008 },
  { word: '色情', label: 20002 },
  { word: '裸聊', label: 20002 },
  { word: '法轮', label: 20001 },
  { word: '傻逼', label: 20003 },
  { word: '操你', label: 20003 },
]

export const REVIEW_WORDS: WordRule[] = [
  { word: '加微信', label: 10001 },
  { word: '微信号', label: 10001 },
  { word: '免费领取', label: 10001 },
  { word: '兼职', label: 10001 },
  { word: '贷款', label: 20008 },
  { word: '投资理财', label: 20008 },
  { word: '上访', label: 20001 },
  // Not 垃圾 or 滚 alone: residents write 垃圾分类 and 滚动 every day.
  { word: '人渣', label: 20003 },
  { word: '滚蛋', label: 20003 },
]

/** Bytes marker that makes the local imgSecCheck answer 87014 (risky image). */
export const RISKY_IMAGE_MARKER = 'LOCAL_SEC_CHECK_RISKY'

/** Bytes marker that makes the local mediaCheckAsync push suggest 'review' for an image. */
export const REVIEW_IMAGE_MARKER = 'LOCAL_SEC_CHECK_REVIEW'
