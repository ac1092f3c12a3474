/** The parts of a React (17 and later) fiber that lead from the root down to a DOM node. */
interface Fiber {
  return: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
  /** A host fiber's DOM node; the root fiber's `FiberRoot`, whose `current` is the live tree. */
  stateNode: unknown;
  memoizedProps: unknown;
}

const isNode = (value: unknown): value is Node => typeof (value as Node | null)?.nodeType === 'number';

function fiberOf(element: Element): Fiber | undefined {
  const key = Object.keys(element).find((name) => name.startsWith('__reactFiber$'));
  return key ? ((element as unknown as Record<string, Fiber>)[key] ?? undefined) : undefined;
}

/** Depth first below `fiber` to `target`, only into DOM nodes that contain it; leaves the way in `path`. */
function descendTo(fiber: Fiber, target: Element, path: Fiber[]): boolean {
  for (let child = fiber.child; child; child = child.sibling) {
    const node = child.stateNode;
    if (node === target) {
      path.push(child);
      return true;
    }
    if (isNode(node) && !node.contains(target)) continue;
    path.push(child);
    if (descendTo(child, target, path)) return true;
    path.pop();
  }
  return false;
}

/**
 * The props of every component and element React renders `element` inside, from the root
 * down to `element`'s own: what a component above it (a context provider, say) was given.
 *
 * The fiber a DOM node keeps (`__reactFiber$…`) is the one it was created with, which after
 * later renders may be the stale copy with old props; so this only uses it to reach the root,
 * then walks down the root's current tree, only into DOM nodes that contain `element`.
 * Reads React internals, which no version of React promises: `[]` when they change.
 */
export function reactPropsAbove(element: Element): unknown[] {
  let top = fiberOf(element);
  while (top?.return) top = top.return;
  const current = (top?.stateNode as { current?: Fiber } | null | undefined)?.current;
  const path: Fiber[] = [];
  return current && descendTo(current, element, path) ? path.map((fiber) => fiber.memoizedProps) : [];
}
