export { CutProxy } from '../../bench/cut-proxy.js';
