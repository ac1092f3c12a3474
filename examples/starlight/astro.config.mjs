// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Wunder API docs',
      sidebar: [
        { label: 'Start', link: '/' },
        { label: 'API', link: '/api/' },
      ],
      // <jwt-login> above the navigation of every page.
      components: { Sidebar: './src/components/Sidebar.astro' },
    }),
  ],
});
