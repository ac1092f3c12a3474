// Defines <jwt-login> in the browser. Client modules are also imported while the build
// renders the pages in Node, where there is no customElements registry.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

if (ExecutionEnvironment.canUseDOM) {
  import('jwt-login-widget/define.js');
}
