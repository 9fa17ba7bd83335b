// The package's functions, the same for every entry point: the wasm exports and the
// column-map helpers. An entry point instantiates the wasm before re-exporting these.
export { toPython, toPhicode, symbols, validateDialect, version } from './phicode.js';
export { mapToPhicode, mapToPython } from './positions.js';
