//! `phicode kernel`: the Jupyter kernel itself (in `phicode-kernel`; this resolves the
//! dialect config and the session's settings), and `install` / `list` of its kernelspec.

use std::fmt::Write as _;
use std::process::ExitCode;

use phicode_kernel::install::{self, Install, Place};
use phicode_kernel::{KernelOptions, run};

use super::emit::emit;
use crate::cli::{InstallArgs, KernelAction, KernelArgs};
use crate::config::{Settings, resolve};
use crate::error::Error;

/// Runs the kernel, or installs or lists kernelspecs.
pub fn run_kernel(args: &KernelArgs) -> Result<ExitCode, Error> {
    match &args.action {
        Some(KernelAction::Install(install)) => return install_spec(install),
        Some(KernelAction::List) => return list(),
        None => {}
    }
    let Some(file) = &args.connection_file else {
        return Err(Error::Usage("kernel: give the connection file: -f FILE".into()));
    };
    let cwd = std::env::current_dir().map_err(|source| Error::Read { path: ".".into(), source })?;
    let config = resolve(args.config.as_deref(), &cwd, Settings::from_env())?;
    let session = super::repl::worker_session(args.level, args.config.as_deref())?;
    let options = KernelOptions {
        connection_file: file.clone(),
        session,
        name: args.session.clone(),
        table: config.table,
    };
    run(options).map_err(|e| Error::Usage(format!("kernel: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

fn install_spec(args: &InstallArgs) -> Result<ExitCode, Error> {
    let place = match (&args.prefix, args.user, args.sys_prefix) {
        (Some(prefix), _, _) => Place::Prefix(prefix.clone()),
        (None, true, _) => Place::User,
        (None, _, true) => Place::SysPrefix,
        (None, false, false) => Place::System,
    };
    let program = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|source| Error::Read { path: "<phicode>".into(), source })?;
    let mut extra = Vec::new();
    if let Some(name) = &args.session {
        extra.extend(["--session".to_owned(), name.clone()]);
    }
    if let Some(level) = args.level {
        extra.extend(["--level".to_owned(), level.as_str().to_owned()]);
    }
    let install = Install {
        place,
        name: args.name.clone(),
        display_name: args.display_name.clone(),
        program,
        args: extra,
        env: args.env.clone(),
    };
    let folder =
        install::install(&install).map_err(|e| Error::Usage(format!("kernel install: {e}")))?;
    emit(None, &format!("Installed kernelspec {} in {}\n", args.name, folder.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn list() -> Result<ExitCode, Error> {
    let found = install::list();
    let width = found.iter().map(|(n, _, _)| n.chars().count()).max().unwrap_or(0);
    let mut text = String::from("Available kernels:\n");
    for (name, folder, ours) in found {
        let mark = if ours { "  (phicode)" } else { "" };
        let _ = writeln!(text, "  {name:<width$}    {}{mark}", folder.display());
    }
    emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}
