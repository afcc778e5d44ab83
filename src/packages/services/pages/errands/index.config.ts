export default definePageConfig({ navigationBarTitleText: '社区代办', enablePullDownRefresh: true })
