export default definePageConfig({ navigationBarTitleText: '住址确认', enablePullDownRefresh: true })
