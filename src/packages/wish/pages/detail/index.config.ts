export default definePageConfig({ navigationBarTitleText: '心愿详情', enableShareAppMessage: true, enablePullDownRefresh: true })
