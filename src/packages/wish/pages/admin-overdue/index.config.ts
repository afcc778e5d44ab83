export default definePageConfig({ navigationBarTitleText: '超期心愿' })
