/** What every portal template may read while rendering: the public origin, for absolute addresses. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface PortalSite {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
}

export const SiteContext = createContext<PortalSite>({ publicUrl: '' });

/** The absolute address of a path of the portal. */
export function useAbsoluteUrl(): (path: string) => string {
  const { publicUrl } = useContext(SiteContext);
  return (path: string) => `${publicUrl}${path}`;
}
