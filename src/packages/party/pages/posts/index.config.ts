export default definePageConfig({ navigationBarTitleText: '岗位责任卡', enablePullDownRefresh: true })
