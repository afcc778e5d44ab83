export default definePageConfig({ navigationBarTitleText: '居民议事', enablePullDownRefresh: true, enableShareAppMessage: true })
