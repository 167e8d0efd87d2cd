// The same file as /llms.txt, where some agents look for it first.
export { GET } from '../llms.txt.ts';
