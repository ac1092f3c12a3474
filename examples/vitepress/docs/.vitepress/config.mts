import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'Wunder API docs',
  description: 'Sign in once, every playground request carries the token',
  themeConfig: {
    nav: [{ text: 'API', link: '/api' }],
  },
  vue: {
    template: {
      // <jwt-login> is a web component, not a Vue component.
      compilerOptions: { isCustomElement: (tag) => tag === 'jwt-login' },
    },
  },
});
