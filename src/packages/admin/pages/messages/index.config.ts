export default definePageConfig({ navigationBarTitleText: '未送达的消息' })
