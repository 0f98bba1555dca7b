// What every portal page shows around its content — the portal's name (the region it serves) and the
// path being shown — handed to the page shell (pages/layout.tsx) without threading it through every
// page's props: the portal's scope runs each handler inside `withPortal`, and `render` is synchronous,
// so the shell reads the request's own context.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface PortalContext {
  /** e.g. 蚌埠市行政执法信息公示平台. */
  name: string;
  /** The region the portal serves, e.g. 蚌埠市; null before the register has an agency. */
  regionName: string | null;
  /** The request's path (no query), to mark the current page in the navigation. */
  path: string;
}

/** The name when the register names no region yet (an empty deployment). */
export const PORTAL_SUFFIX = '行政执法信息公示平台';

const store = new AsyncLocalStorage<PortalContext>();

export function portalContext(): PortalContext {
  return store.getStore() ?? { name: PORTAL_SUFFIX, regionName: null, path: '' };
}

export function withPortal<T>(ctx: PortalContext, fn: () => T): T {
  return store.run(ctx, fn);
}

/** The configured name, else `<region>行政执法信息公示平台`, else the bare suffix. */
export function portalNameOf(configured: string | undefined, regionName: string | null): string {
  return configured ?? (regionName ? `${regionName}${PORTAL_SUFFIX}` : PORTAL_SUFFIX);
}
