export default definePageConfig({ navigationBarTitleText: '心愿统计' })
