import type { ScalarApiReference, ScalarConfiguration } from './scalar.js';
import { type VueComponent, vueComponentName } from './vue-tree.js';

/** The parts of a Vue 3 mount point that lead to Scalar's root component. */
interface VueMountPoint extends Element {
  _vnode?: { component?: { subTree?: { type?: VueComponent['type']; props?: { configuration?: ScalarConfiguration } } } };
}

/** Scalar's live, reactive configuration on `element`, when Scalar's API Reference is mounted there. */
function liveConfiguration(element: Element): ScalarConfiguration | undefined {
  const root = (element as VueMountPoint)._vnode?.component?.subTree;
  return vueComponentName(root?.type) === 'ApiReference' ? root?.props?.configuration : undefined;
}

/**
 * The Scalar API Reference mounted on `element`, as the object `Scalar.createApiReference`
 * returns, for a Scalar whose instance the page never held: the standalone script's HTML
 * API (`<script id="api-reference" data-url="…">`) mounts one and keeps its instance to
 * itself, and no registry of instances exists. What stays reachable is Vue's mount point
 * (`data-v-app`): its root component `ApiReference` holds the configuration as a reactive
 * object, the very one the instance's `updateConfiguration` would replace. Writing into it
 * in place updates that one reference, and no other on the page (Scalar's deprecated
 * `scalar:update-references-config` event would reach them all).
 *
 * Reads Vue internals (`_vnode`), which no version of Vue or Scalar promises: `undefined`
 * when they change, so the finder then finds nothing rather than failing.
 */
export function scalarMountedOn(element: Element): ScalarApiReference | undefined {
  if (!liveConfiguration(element)) return undefined;
  return {
    getConfiguration: () => liveConfiguration(element) ?? {},
    updateConfiguration(next) {
      const live = liveConfiguration(element);
      if (!live) return;
      for (const key of Object.keys(live)) if (!(key in next)) delete live[key];
      Object.assign(live, next);
    },
  };
}
