//! `phicode run`: resolve the program and its config, pick the interpreter, run it and
//! pass its exit status on (or end by SIGINT after an uncaught Ctrl-C, as python3 does).

mod plan;

pub use plan::{Kind, Plan};

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::RunArgs;
use crate::config::{Settings, resolve};
use crate::debug::Debug;
use crate::embed::{self, Launch, Outcome};
use crate::error::Error;

/// Runs the program.
pub fn run(args: &RunArgs) -> Result<ExitCode, Error> {
    let debug = Debug::new(args.debug);
    let plan = Plan::from_args(args)?;
    let loading = Instant::now();
    let config = resolve(args.config.as_deref(), &plan.config_start(), Settings::from_env())?;
    debug.phase("config", loading.elapsed());
    let launch = Launch {
        kind: plan.kind.as_str(),
        target: plan.target.to_string_lossy().into_owned(),
        argv: plan.argv,
        path0: plan.path0.to_string_lossy().into_owned(),
        table: config.table,
    };
    Ok(exit(embed::run(launch, debug)))
}

/// The process exit status for an outcome.
pub fn exit(outcome: Outcome) -> ExitCode {
    match outcome {
        // The OS keeps the low 8 bits, as for python3 (`sys.exit(256)` is 0, -1 is 255).
        Outcome::Exit(status) => ExitCode::from((status & 0xff) as u8),
        Outcome::Interrupted => {
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
            ExitCode::from(130)
        }
    }
}
