export default definePageConfig({ navigationBarTitleText: '一键报修' })
