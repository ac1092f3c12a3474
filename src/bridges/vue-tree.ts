/** A Vue 3 component instance, as far as a finder reads it. */
export interface VueComponent {
  /** The component's definition: `name`, or `__name`, the name Vue's compiler gives a single-file component. */
  type: { name?: string; __name?: string };
  props: Record<string, unknown>;
  subTree: VNode;
}

/** The parts of a Vue 3 vnode that lead down to a DOM node. */
interface VNode {
  component?: VueComponent | null;
  suspense?: { activeBranch?: VNode | null } | null;
  el?: unknown;
  children?: unknown;
}

/** Depth first below `vnode` to `target`, only into DOM nodes that contain it; leaves the components passed in `path`. */
function descendTo(vnode: VNode, target: Element, path: VueComponent[]): boolean {
  if (vnode.component) {
    path.push(vnode.component);
    if (descendTo(vnode.component.subTree, target, path)) return true;
    path.pop();
    return false;
  }
  if (vnode.suspense) return !!vnode.suspense.activeBranch && descendTo(vnode.suspense.activeBranch, target, path);
  // An element's vnode: its own node. A fragment's or a text's `el` is a text node, which contains nothing.
  const node = vnode.el as Node | null | undefined;
  if (node === target) return true;
  if (node?.nodeType === Node.ELEMENT_NODE && !node.contains(target)) return false;
  return Array.isArray(vnode.children) && vnode.children.some((child) => typeof child === 'object' && child !== null && descendTo(child as VNode, target, path));
}

/** The mount point of the Vue app `element` is part of: the nearest ancestor holding `__vue_app__`. */
export function vueMountOf(element: Element): Element | undefined {
  let mount = element.parentElement;
  while (mount && !('__vue_app__' in mount)) mount = mount.parentElement;
  return mount ?? undefined;
}

/**
 * The Vue components that render `element`, from the app's root component down to the one
 * whose template holds it, with their props. Starts at the app's mount point (the nearest
 * ancestor holding `__vue_app__`, which Vue sets in every build, SSR hydration too; the
 * `__vueParentComponent` of each element is only there in development builds) and walks its
 * vnodes down, only into DOM nodes that contain `element`. Reads Vue internals, which no
 * version of Vue promises: `[]` when they change.
 */
export function vueComponentsAbove(element: Element): VueComponent[] {
  const root = (vueMountOf(element) as { _vnode?: VNode } | undefined)?._vnode;
  const path: VueComponent[] = [];
  return root && descendTo(root, element, path) ? path : [];
}

/** A component definition's name: its `name`, or `__name`, the file name Vue's compiler gives a single-file component. */
export const vueComponentName = (type: VueComponent['type'] | undefined) => type?.name ?? type?.__name;

/** Whether `component` is the one named `name`. */
export const isVueComponent = (component: VueComponent, name: string) => vueComponentName(component.type) === name;
