export default definePageConfig({ navigationBarTitleText: '岗位责任卡' })
