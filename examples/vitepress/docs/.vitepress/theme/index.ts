import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import { h } from 'vue';
import { theme as openapiTheme, useOpenapi } from 'vitepress-openapi/client';
import 'vitepress-openapi/dist/style.css';
import spec from '../../openapi.json';
import JwtLoginDock from './JwtLoginDock.vue';

export default {
  extends: DefaultTheme,
  // The widget sits in a slot of the default layout, on every page, and stays mounted across navigation.
  Layout: () => h(DefaultTheme.Layout, null, { 'layout-bottom': () => h(JwtLoginDock) }),
  async enhanceApp(context) {
    useOpenapi({ spec });
    openapiTheme.enhanceApp(context);
    // The build renders pages in Node, where there is no customElements registry.
    if (!import.meta.env.SSR) await import('jwt-login-widget/define.js');
  },
} satisfies Theme;
