export default definePageConfig({ navigationBarTitleText: '待办诉求', enablePullDownRefresh: true })
