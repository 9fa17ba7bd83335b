//! `phicode run`: resolve the program and its config, pick the interpreter, run it and
//! pass its exit status on (or end by SIGINT after an uncaught Ctrl-C, as python3 does).

mod auto;
mod bundle;
mod confined;
mod external;
mod gather;
pub mod interpreter;
mod plan;
mod reach;
mod relay;
mod source;

pub use plan::{Kind, Plan};

use std::process::ExitCode;
use std::time::Instant;

use interpreter::Interpreter;
use phicode_security::Level;

use crate::cli::RunArgs;
use crate::config::{Settings, resolve};
use crate::debug::Debug;
use crate::embed::{self, Launch, Outcome};
use crate::error::Error;

/// Runs the program (`phicode run`) on the interpreter the arguments and `auto` choose.
pub fn run_program(args: &RunArgs) -> Result<ExitCode, Error> {
    let debug = Debug::new(args.debug);
    let mut plan = Plan::from_args(args)?;
    if args.level != Level::Unrestricted && !confined::is_child() {
        return confined::run_confined(args, &plan);
    }
    let requested = interpreter::requested(&args.interpreter)?;
    let loading = Instant::now();
    let config = resolve(args.config.as_deref(), &plan.config_start(), Settings::from_env())?;
    debug.phase("config", loading.elapsed());
    if matches!(plan.kind, Kind::Command | Kind::Stdin) {
        plan.target = source::as_python(&plan, &config.table)?.into();
        if requested.is_none() {
            // No tree to look at for `auto`: the code is all there is.
            return Ok(embedded(plan, config, debug));
        }
    }
    if requested == Some(Interpreter::Embedded) || confined::is_child() {
        return Ok(embedded(plan, config, debug));
    }
    let walking = Instant::now();
    let (bundle, program) = gather::gather(&plan, &config.table);
    debug.phase(&format!("transpile ahead ({} φ files)", bundle.files.len()), walking.elapsed());
    if bundle.truncated {
        debug.note(|| "tree walk stopped early: other φ files convert on demand".into());
    }
    let chosen = match requested {
        Some(interpreter) => interpreter,
        None => {
            let (choice, why) = auto::choose(&program);
            debug.note(|| format!("interpreter auto: {why}"));
            choice
        }
    };
    match chosen {
        Interpreter::Embedded => Ok(embedded(plan, config, debug)),
        Interpreter::External(path) => {
            debug.note(|| format!("interpreter: {}", path.display()));
            external::run_external(&path, &plan, &bundle, debug)
        }
    }
}

fn embedded(plan: Plan, config: crate::config::Config, debug: Debug) -> ExitCode {
    debug.note(|| "interpreter: embedded CPython".into());
    let confine = confined::spec_for_child();
    let launch = Launch {
        kind: plan.kind.as_str(),
        target: plan.target.to_string_lossy().into_owned(),
        argv: plan.argv,
        path0: plan.path0.to_string_lossy().into_owned(),
        table: config.table,
        config_file: config.path.map(|p| p.display().to_string()),
        python_flags: plan.python_flags,
        confine,
    };
    exit(embed::run_embedded(launch, debug))
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
