/** The prompt the "Open in ChatGPT / Claude" page actions start a chat with. */
import { SITE } from '../nav.ts';

export const chatPrompt = (markdownUrl: string) =>
  `Read ${markdownUrl} (a page of the XAPY Docs, as Markdown) and help me with it. If it does not answer my question, GET that URL with ?ask=<my question> for an answer quoted from the docs; every page is listed in ${SITE}/llms.txt.`;
