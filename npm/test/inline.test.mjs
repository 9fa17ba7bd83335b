// `phicode/inline` (the wasm inlined as base64), alone in its process: the glue keeps one
// instance per module, so importing another entry first would hide a broken inline build.
import * as inline from 'phicode/inline';
import behaviour from './cases.cjs';

behaviour(inline, 'inline');
