export default definePageConfig({ navigationBarTitleText: '报到分布', enablePullDownRefresh: true })
