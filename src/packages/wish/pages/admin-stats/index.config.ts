export default definePageConfig({ navigationBarTitleText: '心愿统计', enablePullDownRefresh: true })
