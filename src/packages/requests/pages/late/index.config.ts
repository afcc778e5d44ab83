export default definePageConfig({ navigationBarTitleText: '单位按时率', enablePullDownRefresh: true })
