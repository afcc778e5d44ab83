export default definePageConfig({ navigationBarTitleText: '录入线下表决票' })
