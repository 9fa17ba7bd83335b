// The package through `require` (dist/node.cjs via the exports map).
const behaviour = require('./cases.cjs');

behaviour(require('phicode'), 'require');
