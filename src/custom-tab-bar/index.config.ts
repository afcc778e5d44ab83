// WeChat requires custom-tab-bar/index.json to declare a component.
export default { component: true }
