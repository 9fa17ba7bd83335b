//! The `phicode` command.

fn main() {}
