export default definePageConfig({ navigationBarTitleText: '诉求时限设置' })
