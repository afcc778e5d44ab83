export default definePageConfig({ navigationBarTitleText: '报到二维码' })
