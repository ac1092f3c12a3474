import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
// Written by `docusaurus gen-api-docs all` (part of `npm run build`).
import apiSidebar from './docs/api/sidebar';

const sidebars: SidebarsConfig = {
  api: [{ type: 'doc', id: 'intro' }, ...apiSidebar],
};

export default sidebars;
