//! `phicode run --level L` below unrestricted. The program runs in a child phicode that
//! confines itself once its interpreter started and before the program does (see
//! `crate::confinement`), with a clean environment and a fresh scratch folder as its
//! working folder. This process stays outside: it relays signals, passes the exit status
//! on and removes the scratch folder, which the child cannot (its parent folder is out of
//! the child's reach).
//!
//! `run` has no host serving `fs.read`, `fs.write` or `net.connect`, so STANDARD confines
//! a program as RESTRICTED does; TRUSTED adds processes and the environment.

use std::process::{Command, ExitCode};

use phicode_security::Level;
use phicode_security::capability::names;
use phicode_security::policy::Policy;

use super::interpreter::{self, Interpreter};
use super::plan::Plan;
use super::relay::Relay;
use crate::cli::RunArgs;
use crate::confinement::{SPEC_VAR, Spec};
use crate::error::Error;

/// Whether this process is the confined child.
pub fn is_child() -> bool {
    std::env::var_os(SPEC_VAR).is_some()
}

/// The child's confinement, taken out of the environment (the program does not see it).
pub fn spec_for_child() -> Option<Spec> {
    let text = std::env::var(SPEC_VAR).ok()?;
    serde_json::from_str(&text).ok()
}

/// Runs the program in a confined child and ends as it did.
pub fn run_confined(args: &RunArgs, plan: &Plan) -> Result<ExitCode, Error> {
    if args.level == Level::Sandbox {
        return Err(Error::Usage(
            "run: --level sandbox runs sessions (phicode repl --level sandbox), not programs"
                .into(),
        ));
    }
    if !matches!(interpreter::requested(&args.interpreter)?, None | Some(Interpreter::Embedded)) {
        return Err(Error::Usage(format!(
            "run: --level {} confines the embedded interpreter only (the confinement forbids \
             starting another program)",
            args.level
        )));
    }
    let policy = match &args.policy {
        Some(path) => Policy::load(path).map_err(|e| Error::Usage(format!("run: {e}")))?,
        None => Policy::default(),
    };
    let grant = policy.grant(args.level);
    let scratch = tempfile::Builder::new()
        .prefix("phicode-scratch-")
        .tempdir()
        .map_err(|source| Error::Write { path: std::env::temp_dir(), source })?;
    let program_folder = std::path::absolute(&plan.path0).unwrap_or_else(|_| plan.path0.clone());
    let spec = Spec {
        level: args.level,
        scratch: Some(scratch.path().to_path_buf()),
        capabilities: grant.capabilities.iter().cloned().collect(),
        limits: grant.limits,
        read: vec![program_folder],
    };
    let spec = serde_json::to_string(&spec).map_err(|e| Error::Usage(e.to_string()))?;
    let program = std::env::current_exe()
        .map_err(|source| Error::Read { path: "<phicode>".into(), source })?;
    let mut command = Command::new(&program);
    command.args(std::env::args_os().skip(1));
    if !grant.allows(names::ENV) {
        // No inherited secret reaches the program; PATH stays so programs it may start
        // are found as before.
        let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
        command.env_clear().env("PATH", path).env("LANG", "C.UTF-8");
        command.env("HOME", scratch.path()).env("TMPDIR", scratch.path());
    }
    let mut child = command
        .env(SPEC_VAR, spec)
        .spawn()
        .map_err(|source| Error::Read { path: program.clone(), source })?;
    let relay = Relay::start(child.id());
    let status = child.wait().map_err(|source| Error::Read { path: program, source })?;
    drop(relay);
    drop(scratch); // Before `exit`, which may end the process by the child's signal.
    Ok(super::external::exit(status))
}
