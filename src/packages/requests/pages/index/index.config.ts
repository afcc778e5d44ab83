export default definePageConfig({ navigationBarTitleText: '一键报修', enableShareAppMessage: true })
