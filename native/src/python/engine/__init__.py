"""phicode's session engine: the package `phicode worker` runs (its entry is `engine.Engine`).

Its modules import each other in one direction, lowest first: `context` (what the parts
share: the namespace, the event loop, the running execution), `namespace`, `cells`,
`display`, `interact`, `capabilities`, `observe`, `editing`, `checkpoints`, `requests`,
`execution`, `runner`, and `engine` on top.
They reach Rust through `_phicode_worker`, whose `send` checks every message against the
protocol's types.
"""
