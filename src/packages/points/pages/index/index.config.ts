export default definePageConfig({ navigationBarTitleText: '积分超市', enableShareAppMessage: true, enablePullDownRefresh: true })
