/** The widgets face as the hub mounts it: its routes (scripts, iframe pages, demo, snippets). */
export { getWidgetAssets, makeSnippets, widgetRoutes, type Snippets, type WidgetAssets } from './server/index.js';
