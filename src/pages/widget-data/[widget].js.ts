/**
 * /widget-data/<checker>.js: the facts a checker widget works with, as a JavaScript module that
 * src/components/lazy-widget.ts loads beside the widget's code. Built with the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { widgetConfigs, type WidgetTag } from '../../components/widget-config.ts';

export const getStaticPaths = (() => Object.keys(widgetConfigs).map((widget) => ({ params: { widget } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(`export default ${JSON.stringify(widgetConfigs[params.widget as WidgetTag]())};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
