/** What the page shell reads while rendering: the stylesheets' hashed addresses (set by renderPage). */
import { createContext } from 'preact';
import type { Stylesheets } from './stylesheets.js';

export const PageAssets = createContext<Stylesheets | undefined>(undefined);
