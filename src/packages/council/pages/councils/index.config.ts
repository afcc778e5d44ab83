export default definePageConfig({ navigationBarTitleText: '议事会与成员' })
