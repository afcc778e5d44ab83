export default definePageConfig({ navigationBarTitleText: '超期心愿', enablePullDownRefresh: true })
