export default definePageConfig({
  navigationBarTitleText: '社区共治',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
})
